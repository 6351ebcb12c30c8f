import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@sd/auth';
import { DatabaseModule } from '@sd/database';
import { EventStoreModule } from '@sd/event-store';
import { HealthController } from './health.controller.js';
import { LoggingModule } from './logging/logging.module.js';
import { MetricsController } from './metrics.controller.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

/**
 * What every app has: configuration, pino logging (BSN and tokens redacted), the database and
 * event store, auth, problem+json errors, /health and /metrics.
 */
@Module({})
export class PlatformModule {
  static forApp(app: string): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true }),
        LoggingModule.forRoot({
          name: app,
          level: process.env.LOG_LEVEL ?? 'info',
          // npm start asks for readable lines; production keeps one JSON object per line.
          ...(process.env.LOG_FORMAT === 'pretty'
            ? { transport: { target: 'pino-pretty', options: { singleLine: true, ignore: 'pid,hostname' } } }
            : {}),
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', '*.bsn', '*.*.bsn', 'bsn'],
            censor: '[verborgen]',
          },
          // Bodies are never logged: they may hold a BSN.
          serializers: { req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
        }),
        DatabaseModule,
        EventStoreModule,
        AuthModule.forRoot(),
        TerminusModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
