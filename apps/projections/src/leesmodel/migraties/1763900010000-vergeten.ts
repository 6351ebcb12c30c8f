import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A forgotten client (vergeten) has no geboortedatum any more: its age counts as `onbekend`. */
export class Vergeten1763900010000 implements MigrationInterface {
  name = 'Vergeten1763900010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_client ALTER COLUMN geboortedatum DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM rm_client WHERE geboortedatum IS NULL`);
    await q.query(`ALTER TABLE rm_client ALTER COLUMN geboortedatum SET NOT NULL`);
  }
}
