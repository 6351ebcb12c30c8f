import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type pg from 'pg';
import { databaseConfigFromEnv, PG_POOL } from '@sd/database';
import { EVENT_STORE, type EventStore, RUWE_EVENT_STORE } from './event-store.port.js';
import { eventStoreSoort, kurrentDbClientUitEnv } from './kurrentdb/kurrentdb-config.js';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';
import { masterSleutelUitEnv } from './versleuteling/sleutel-omhulling.js';
import { Sleutelkluis } from './versleuteling/sleutelkluis.js';
import { VersleutelendeEventStore } from './versleuteling/versleutelende-event-store.js';
import { NieuweEventsMelder } from './wekken/nieuwe-events.js';

/**
 * Provides the EventStore port: the stored events with their personal fields encrypted per client
 * (EVENT_STORE, what every app uses), the store below it (RUWE_EVENT_STORE, for the audit chain)
 * and the key store. EVENT_STORE=postgres (default) or kurrentdb (KURRENTDB_URL); the key store,
 * read models, checkpoints and seals stay in PostgreSQL either way.
 */
const KURRENTDB_CLIENT = Symbol('KURRENTDB_CLIENT');

@Global()
@Module({
  providers: [
    {
      provide: KURRENTDB_CLIENT,
      useFactory: (): KurrentDBClient | null => (eventStoreSoort() === 'kurrentdb' ? kurrentDbClientUitEnv() : null),
    },
    {
      provide: RUWE_EVENT_STORE,
      inject: [PG_POOL, KURRENTDB_CLIENT, Sleutelkluis],
      useFactory: (pool: pg.Pool, client: KurrentDBClient | null, kluis: Sleutelkluis) =>
        // In PostgreSQL es_append refuses events about a forgotten client itself; KurrentDB asks the key store.
        client
          ? new KurrentDbEventStore(client, { isVergeten: (id) => kluis.isVergeten(id), prefix: process.env.KURRENTDB_STREAM_PREFIX })
          : new PostgresEventStore(pool, new NieuweEventsMelder(pool, databaseConfigFromEnv().schema)),
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
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(KURRENTDB_CLIENT) private readonly kurrent: KurrentDBClient | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.kurrent?.dispose();
  }
}
