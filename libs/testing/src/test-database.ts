import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool, type DatabaseConfig, logboekSchema, quoteIdent, runMigrations, sleutelkluisSchema } from '@sd/database';

export interface TestDatabase {
  config: DatabaseConfig;
  pool: pg.Pool;
  /** Drops the schema and closes the pool. */
  drop(): Promise<void>;
}

/** A fresh, migrated schema in the run's PostgreSQL: one per test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`');
  const config: DatabaseConfig = { url, schema: `t_${randomBytes(6).toString('hex')}`, poolSize: 20 };
  await runMigrations(config);
  const pool = createPool(config);
  return {
    config,
    pool,
    async drop() {
      await pool.end();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA ${quoteIdent(config.schema)} CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS ${logboekSchema(config)} CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(sleutelkluisSchema(config.schema))} CASCADE`);
      await admin.end();
    },
  };
}

/** Environment for a Nest app under test that uses this database. */
export function databaseEnv(db: TestDatabase): Record<string, string> {
  return { DATABASE_URL: db.config.url, DATABASE_SCHEMA: db.config.schema };
}
