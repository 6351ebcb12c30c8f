import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finds the streams of one client (its dossier): the first event of every case stream names the
 * clientId. Partial, so it holds one entry per stream, not per event.
 */
export class ClientIndex1763900000001 implements MigrationInterface {
  name = 'ClientIndex1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX es_events_client_id ON es_events ((data->>'clientId')) WHERE stream_version = 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX es_events_client_id`);
  }
}
