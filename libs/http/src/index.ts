export * from './problem.js';
export * from './validation.js';
export * from './bootstrap.js';
export { PlatformModule } from './platform.module.js';
export { ProblemDetailsFilter } from './problem-details.filter.js';
export * from './validators.js';
export * from './dto-fields.js';
export { HEALTH_EXTRA, type HealthExtra } from './health.controller.js';
export * from './command-headers.interceptor.js';
