import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit hash chain beside the event store (libs/audit): per sealed event its chain value and
 * the salts of its personal fields, and the signed checkpoints. No foreign key to es_events: an
 * event removed by hand must show as a break in the chain, not take its seal with it. The sealer
 * writes a batch of seals and any checkpoint in one transaction; its progress is the last sealed
 * position. Existing stores are sealed from position 0 by the first sealing pass after this runs.
 */
export class AuditKeten1763900000007 implements MigrationInterface {
  name = 'AuditKeten1763900000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE es_zegel (
        global_position bigint PRIMARY KEY,
        keten           text NOT NULL CHECK (keten ~ '^[0-9a-f]{64}$'),
        zouten          jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`
      CREATE TABLE es_zegel_checkpoint (
        positie      bigint PRIMARY KEY,
        keten        text NOT NULL,
        tijd         timestamptz NOT NULL,
        sleutel_id   text NOT NULL,
        handtekening text NOT NULL,
        -- Published to NATS (a copy outside the database); the sealer retries until it is.
        gepubliceerd boolean NOT NULL DEFAULT false
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE es_zegel_checkpoint`);
    await q.query(`DROP TABLE es_zegel`);
  }
}
