import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { createPool, databaseConfigFromEnv } from './database.config.js';

export const PG_POOL = Symbol('PG_POOL');

@Injectable()
class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** One pg pool per app, configured from DATABASE_URL / DATABASE_SCHEMA. */
@Global()
@Module({
  providers: [{ provide: PG_POOL, useFactory: () => createPool(databaseConfigFromEnv()) }, PoolCloser],
  exports: [PG_POOL],
})
export class DatabaseModule {}
