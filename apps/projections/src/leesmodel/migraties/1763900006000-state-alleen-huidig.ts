import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projector needs a stream's state only to evolve its current version, so a closed version
 * keeps none: closing a version sets `state` to NULL, and a read model filled from nothing writes
 * it on the last version of each stream only. Rows written before keep theirs (harmless).
 */
export class StateAlleenHuidig1763900006000 implements MigrationInterface {
  name = 'StateAlleenHuidig1763900006000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of ['rm_item', 'rm_aanmelding', 'rm_bezwaar']) await q.query(`ALTER TABLE ${t} ALTER COLUMN state DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rm_item', 'rm_aanmelding', 'rm_bezwaar']) {
      await q.query(`UPDATE ${t} SET state = '{}'::jsonb WHERE state IS NULL`);
      await q.query(`ALTER TABLE ${t} ALTER COLUMN state SET NOT NULL`);
    }
  }
}
