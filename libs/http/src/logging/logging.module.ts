import { type DynamicModule, Global, Inject, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
    consumer
      .apply((req: IncomingMessage, res: ServerResponse, next: () => void) => this.logging.middleware(req, res, next))
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
