import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projection workers share the work by gemeente, so each gemeente has its own checkpoint:
 * every event of that gemeente up to `positie` is applied. The read models are emptied in the
 * same transaction, so the daemon fills them again from position 0 and nothing is applied twice.
 */
export class CheckpointPerGemeente1763900002000 implements MigrationInterface {
  name = 'CheckpointPerGemeente1763900002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_checkpoint`);
    await q.query(`TRUNCATE rm_client, rm_item, rm_aanmelding, rm_bezwaar, rm_bevolking`);
    await q.query(`
      CREATE TABLE rm_checkpoint (
        gemeente         text PRIMARY KEY,
        positie          bigint NOT NULL,
        -- recordedAt of the event at positie: the kennisdatum a report without one reflects
        geregistreerd_op timestamptz,
        bijgewerkt_op    timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_checkpoint`);
    await q.query(`TRUNCATE rm_client, rm_item, rm_aanmelding, rm_bezwaar, rm_bevolking`);
    await q.query(`CREATE TABLE rm_checkpoint (id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1), positie bigint NOT NULL,
                   geregistreerd_op timestamptz, bijgewerkt_op timestamptz NOT NULL)`);
    await q.query(`INSERT INTO rm_checkpoint (id, positie, bijgewerkt_op) VALUES (1, 0, now())`);
  }
}
