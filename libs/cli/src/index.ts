export * from './cli-fout.js';
export * from './context.js';
export * from './http.js';
export * from './dev-token.js';
export * from './draai.js';
export * from './voortgang.js';
