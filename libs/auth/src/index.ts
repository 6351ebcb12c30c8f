export * from './principal.js';
export * from './auth.config.js';
export * from './auth.decorators.js';
export { AuthGuard, eisGemeente } from './auth.guard.js';
export { AuthModule } from './auth.module.js';
export { TokenService, OngeldigToken } from './token.service.js';
