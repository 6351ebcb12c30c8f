import { type DynamicModule, Global, Inject, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import type { LoggerOptions } from 'pino';
import { createPinoLogging, PinoLoggerService, type PinoLogging } from './pino-logger.js';

const PINO_LOGGING = Symbol('PINO_LOGGING');

/** pino for every request (pino-http) and for Nest's Logger (PinoLoggerService). */
@Global()
@Module({})
export class LoggingModule implements NestModule {
  constructor(@Inject(PINO_LOGGING) private readonly logging: PinoLogging) {}

  static forRoot(options: LoggerOptions): DynamicModule {
    const logging = createPinoLogging(options);
    return {
      module: LoggingModule,
      providers: [
        { provide: PINO_LOGGING, useValue: logging },
        { provide: PinoLoggerService, useValue: new PinoLoggerService(logging.root) },
      ],
      exports: [PinoLoggerService],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(this.logging.middleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
