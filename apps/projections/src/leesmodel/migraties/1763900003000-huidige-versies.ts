import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Most reports ask for what is known now: the current versions, indexed apart from the history. */
export class HuidigeVersies1763900003000 implements MigrationInterface {
  name = 'HuidigeVersies1763900003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX rm_item_huidig_gemeente ON rm_item (gemeente, ingangsdatum) WHERE known_to IS NULL`);
    await q.query(`CREATE INDEX rm_aanmelding_huidig_gemeente ON rm_aanmelding (gemeente, ontvangen_op) WHERE known_to IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rm_aanmelding_huidig_gemeente`);
    await q.query(`DROP INDEX rm_item_huidig_gemeente`);
  }
}
