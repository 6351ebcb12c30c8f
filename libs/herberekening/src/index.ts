export * from './rapport.types.js';
export * from './vraag.js';
export * from './kalender.js';
export * from './invoer.js';
export * from './oracle.js';
export * from './herberekening.js';
export * from './vergelijking.js';
export * from './uit-export.js';
