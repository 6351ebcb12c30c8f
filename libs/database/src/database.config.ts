import pg from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { EventStore1763900000000 } from './migrations/1763900000000-event-store.js';
import { ClientIndex1763900000001 } from './migrations/1763900000001-client-index.js';
import { LeesmodelGeneraties1763900000002 } from './migrations/1763900000002-leesmodel-generaties.js';
import { GemeenteIndexes1763900000003 } from './migrations/1763900000003-gemeente-indexes.js';
import { EsAppendKortSlot1763900000004 } from './migrations/1763900000004-es-append-kort-slot.js';
import { StreamsPerGemeente1763900000005 } from './migrations/1763900000005-streams-per-gemeente.js';
import { HerbouwFase1763900000006 } from './migrations/1763900000006-herbouw-fase.js';
import { AuditKeten1763900000007 } from './migrations/1763900000007-audit-keten.js';
import { Logboek1763900000008 } from './migrations/1763900000008-logboek.js';
import { Sleutelkluis1763900000010 } from './migrations/1763900000010-sleutelkluis.js';
import { NietVergeten1763900000011 } from './migrations/1763900000011-niet-vergeten.js';
import { VergetenInAppend1763900000012 } from './migrations/1763900000012-vergeten-in-append.js';

export interface DatabaseConfig {
  url: string;
  /** Every table lives in this schema; tests use one schema per test file. */
  schema: string;
  poolSize?: number;
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded PostgreSQL)');
  return { url, schema: env.DATABASE_SCHEMA || 'public', poolSize: Number(env.DATABASE_POOL_SIZE || 10) };
}

export function createPool(config: DatabaseConfig): pg.Pool {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    options: `-c search_path=${quoteIdent(config.schema)}`,
    application_name: process.env.APP_NAME ?? 'sociaal-domein',
    // A database that does not answer makes a request fail (503) rather than hang.
    connectionTimeoutMillis: 5_000,
  });
  // An idle connection that the server closes (restart, Ctrl-C reaching PostgreSQL first) must not
  // crash the app: the pool drops it and the next query opens a new one.
  pool.on('error', (err) => console.warn(`database connection lost: ${err.message}`));
  // A checked-out connection that drops between two queries (a transaction waiting on Node work)
  // emits 'error' with no pool listener on it, and an unheard 'error' ends the process. Its next
  // query fails instead (503), and the pool drops it when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** All migrations, in order. TypeORM runs them; `synchronize` is never used. */
export const migrations = [
  EventStore1763900000000,
  ClientIndex1763900000001,
  LeesmodelGeneraties1763900000002,
  GemeenteIndexes1763900000003,
  EsAppendKortSlot1763900000004,
  StreamsPerGemeente1763900000005,
  HerbouwFase1763900000006,
  AuditKeten1763900000007,
  Logboek1763900000008,
  Sleutelkluis1763900000010,
  NietVergeten1763900000011,
  VergetenInAppend1763900000012,
];

export function migrationDataSource(
  config: DatabaseConfig,
  set: { migrations: MigrationList; table: string } = { migrations, table: 'typeorm_migrations' },
): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.url,
    schema: config.schema,
    extra: { options: `-c search_path=${quoteIdent(config.schema)}` },
    migrations: set.migrations,
    migrationsTableName: set.table,
    migrationsTransactionMode: 'each',
    logging: false,
  });
}

type MigrationList = (new () => MigrationInterface)[];

/** Creates the schema when missing and applies every pending migration (of `set`, default the main ones). */
export async function runMigrations(config: DatabaseConfig, set?: { migrations: MigrationList; table: string }): Promise<string[]> {
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(config.schema)}`);
  } finally {
    await admin.end();
  }
  const ds = migrationDataSource(config, set);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** The processing log's own schema beside the main one (migration 1763900000008). */
export const logboekSchema = (config: DatabaseConfig): string => quoteIdent(`${config.schema}_logboek`);

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid schema name ${JSON.stringify(name)}`);
  return `"${name}"`;
}
