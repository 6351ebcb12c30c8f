import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sleutelkluisSchema } from '../sleutelkluis-schema.js';

/**
 * The key store of crypto-shredding, in its own schema beside the main one (`sleutelkluis`, or
 * `<schema>_sleutelkluis` for a test schema): a data key per client, wrapped by SLEUTEL_MASTER
 * (NULL once the client is forgotten), and the index of keyed BSN digests that keeps one person
 * one client per gemeente. Its own schema so that it is never exported with the rest and is
 * backed up on a policy of its own.
 */
export class Sleutelkluis1763900000010 implements MigrationInterface {
  name = 'Sleutelkluis1763900000010';

  async up(q: QueryRunner): Promise<void> {
    const hoofd = (q.connection.options as { schema?: string }).schema ?? 'public';
    const s = `"${sleutelkluisSchema(hoofd)}"`;
    await q.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await q.query(`
      CREATE TABLE ${s}.client_sleutel (
        client_id     uuid PRIMARY KEY,
        gemeente      text NOT NULL,
        sleutel       bytea,
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        vergeten_op   timestamptz,
        CHECK ((sleutel IS NULL) = (vergeten_op IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE ${s}.bsn_index (
        gemeente  text NOT NULL,
        digest    bytea NOT NULL,
        client_id uuid NOT NULL UNIQUE,
        PRIMARY KEY (gemeente, digest)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const hoofd = (q.connection.options as { schema?: string }).schema ?? 'public';
    await q.query(`DROP SCHEMA "${sleutelkluisSchema(hoofd)}" CASCADE`);
  }
}
