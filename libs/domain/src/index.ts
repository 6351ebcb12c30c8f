export * from './bsn.js';
export * from './codes.js';
export * from './decider.js';
export * from './kalender.js';
export * from './client/client-id.js';
export * from './client/client.decider.js';
