export * from './test-database.js';
export * from './test-app.js';
export * from './nats-server.js';
export * from './rng.js';
export * from './built-app.js';
export * from './chromium.js';
export * from './built-cli.js';
export * from './kurrentdb-server.js';
