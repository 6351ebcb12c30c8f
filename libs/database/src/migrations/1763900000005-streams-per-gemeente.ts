import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A read model filled from nothing reads one gemeente's streams page by page in stream id order
 * (`readStreams`); byte order (COLLATE "C") so the pages do not depend on the database's locale.
 * The index also serves the loose scan of `gemeenten()`, so it replaces the one on gemeente alone.
 */
export class StreamsPerGemeente1763900000005 implements MigrationInterface {
  name = 'StreamsPerGemeente1763900000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX es_streams_gemeente_stream ON es_streams (gemeente, stream_id COLLATE "C")`);
    await q.query(`DROP INDEX es_streams_gemeente`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX es_streams_gemeente ON es_streams (gemeente)`);
    await q.query(`DROP INDEX es_streams_gemeente_stream`);
  }
}
