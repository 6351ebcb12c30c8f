export * from './database.config.js';
export * from './database.module.js';
