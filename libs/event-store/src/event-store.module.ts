import { Global, Module } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '@sd/database';
import { EVENT_STORE } from './event-store.port.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';

/**
 * Provides the EventStore port. EVENT_STORE=postgres is the default and, for now, the only
 * production adapter; `kurrentdb` is named in the design and refused until its adapter exists.
 */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [PG_POOL],
      useFactory: (pool: pg.Pool) => {
        const kind = process.env.EVENT_STORE ?? 'postgres';
        if (kind !== 'postgres') throw new Error(`EVENT_STORE=${kind} is not supported yet (use postgres)`);
        return new PostgresEventStore(pool);
      },
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}
