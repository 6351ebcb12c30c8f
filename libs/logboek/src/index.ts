export * from './verwerkingsactiviteiten.js';
export * from './verwerking.js';
export * from './verwerking-meta.js';
export * from './verwerking.decorator.js';
export { VerwerkingInterceptor, LOGBOEK_DIENST } from './verwerking.interceptor.js';
export * from './logboek-opslag.js';
export { LogboekModule } from './logboek.module.js';
