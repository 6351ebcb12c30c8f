export * from './event-store.port.js';
export * from './event-store.module.js';
export { checkExpectedVersion } from './expected-version.js';
export { type EventRow, PostgresEventStore, toRecorded } from './postgres/postgres-event-store.js';
export { InMemoryEventStore } from './in-memory/in-memory-event-store.js';
