export * from './event-contract.js';
export * from './events/client.events.js';
