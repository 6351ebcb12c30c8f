import { type DynamicModule, Module } from '@nestjs/common';
import type pg from 'pg';
import { databaseConfigFromEnv, logboekSchema, PG_POOL } from '@sd/database';
import { LogboekOpslag } from './logboek-opslag.js';
import { LOGBOEK_DIENST, VerwerkingInterceptor } from './verwerking.interceptor.js';

/**
 * The processing log of one app: its store and the interceptor of @Verwerking. Global, since the
 * routes that carry @Verwerking live in the apps' modules and in libs/commands' shared base.
 */
@Module({})
export class LogboekModule {
  static forApp(dienst: string): DynamicModule {
    return {
      module: LogboekModule,
      global: true,
      providers: [
        {
          provide: LogboekOpslag,
          useFactory: (pool: pg.Pool) => new LogboekOpslag(pool, logboekSchema(databaseConfigFromEnv())),
          inject: [PG_POOL],
        },
        { provide: LOGBOEK_DIENST, useValue: dienst },
        VerwerkingInterceptor,
      ],
      exports: [LogboekOpslag, LOGBOEK_DIENST, VerwerkingInterceptor],
    };
  }
}
