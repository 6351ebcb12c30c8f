export * from './command-context.js';
export * from './command.service.js';
export * from './commands.module.js';
