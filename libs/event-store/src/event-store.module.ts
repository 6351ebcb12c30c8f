import { Global, Module } from '@nestjs/common';
import type pg from 'pg';
import { databaseConfigFromEnv, PG_POOL } from '@sd/database';
import { EVENT_STORE, type EventStore, RUWE_EVENT_STORE } from './event-store.port.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';
import { masterSleutelUitEnv } from './versleuteling/sleutel-omhulling.js';
import { Sleutelkluis } from './versleuteling/sleutelkluis.js';
import { VersleutelendeEventStore } from './versleuteling/versleutelende-event-store.js';
import { NieuweEventsMelder } from './wekken/nieuwe-events.js';

/**
 * Provides the EventStore port: the stored events with their personal fields encrypted per client
 * (EVENT_STORE, what every app uses), the store below it (RUWE_EVENT_STORE, for the audit chain)
 * and the key store. EVENT_STORE=postgres is the default and, for now, the only production adapter;
 * `kurrentdb` is named in the design and refused until its adapter exists.
 */
@Global()
@Module({
  providers: [
    {
      provide: RUWE_EVENT_STORE,
      inject: [PG_POOL],
      useFactory: (pool: pg.Pool) => {
        const kind = process.env.EVENT_STORE ?? 'postgres';
        if (kind !== 'postgres') throw new Error(`EVENT_STORE=${kind} is not supported yet (use postgres)`);
        return new PostgresEventStore(pool, new NieuweEventsMelder(pool, databaseConfigFromEnv().schema));
      },
    },
    {
      provide: Sleutelkluis,
      inject: [PG_POOL],
      useFactory: (pool: pg.Pool) => new Sleutelkluis(pool, databaseConfigFromEnv().schema, masterSleutelUitEnv()),
    },
    {
      provide: EVENT_STORE,
      inject: [RUWE_EVENT_STORE, Sleutelkluis],
      useFactory: (opslag: EventStore, kluis: Sleutelkluis) => new VersleutelendeEventStore(opslag, kluis),
    },
  ],
  exports: [EVENT_STORE, RUWE_EVENT_STORE, Sleutelkluis],
})
export class EventStoreModule {}
