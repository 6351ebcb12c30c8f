import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The wachtlijst's "toegekend, niet gestart" selects voorzieningen by gemeente and besluitdatum. */
export class Besluitdatum1763900004000 implements MigrationInterface {
  name = 'Besluitdatum1763900004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX rm_item_besluitdatum ON rm_item (gemeente, besluitdatum) WHERE soort = 'voorziening'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rm_item_besluitdatum`);
  }
}
