export * from './canoniek.js';
export * from './checkpoint.js';
export * from './export-regels.js';
export * from './keten.js';
export * from './verborgen.js';
export * from './zegel-vorm.js';
export * from './export-lezen.js';
export * from './verifieer.js';
