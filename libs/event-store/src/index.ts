export * from './event-store.port.js';
export * from './event-store.module.js';
export { checkExpectedVersion } from './expected-version.js';
export { type EventRow, PostgresEventStore, toRecorded } from './postgres/postgres-event-store.js';
export { InMemoryEventStore } from './in-memory/in-memory-event-store.js';
export { ClientVergetenError, Sleutelkluis } from './versleuteling/sleutelkluis.js';
export { masterSleutelUitEnv } from './versleuteling/sleutel-omhulling.js';
export { VersleutelendeEventStore } from './versleuteling/versleutelende-event-store.js';
export { heeftVersleuteld, isVersleuteld, ontsleutelVelden } from './versleuteling/veld-versleuteling.js';
