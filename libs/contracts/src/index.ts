export * from './event-contract.js';
export * from './events/client.events.js';
export * from './events/registratie.events.js';
export * from './events/aanmelding.events.js';
export * from './events/voorziening.events.js';
export * from './events/uitkering.events.js';
export * from './events/afwijzing.events.js';
export * from './events/bezwaar.events.js';
