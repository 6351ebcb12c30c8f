export * from './command-context.js';
export * from './command.service.js';
export * from './commands.module.js';
export * from './feiten.service.js';
export * from './uuid-param.js';
export * from './registraties.service.js';
