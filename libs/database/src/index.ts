export * from './database.config.js';
export * from './database.module.js';
export * from './sleutelkluis-schema.js';
