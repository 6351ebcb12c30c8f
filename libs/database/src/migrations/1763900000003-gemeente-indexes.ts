import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Projection workers read one gemeente's events at a time and list the gemeenten. */
export class GemeenteIndexes1763900000003 implements MigrationInterface {
  name = 'GemeenteIndexes1763900000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX es_events_gemeente_position ON es_events (gemeente, global_position)`);
    await q.query(`CREATE INDEX es_streams_gemeente ON es_streams (gemeente)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX es_streams_gemeente`);
    await q.query(`DROP INDEX es_events_gemeente_position`);
  }
}
