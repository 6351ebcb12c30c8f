import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The item columns the reports read, carried in the indexes so reports scan no heap (index-only). */
const RAPPORT_KOLOMMEN =
  'einddatum, ingetrokken, soort, wet, productcategorie, leveringsvorm, regeling, client_id, huishouden, besluitdatum, levering_start, instroomreden, uitstroomreden';

/**
 * Covering indexes: a version row carries the projector's `state` jsonb, so reading rows from the
 * heap costs several times what the reports need; with every column a report reads in the index
 * (and a visibility map kept by VACUUM) they run as index-only scans. The client index lets the
 * stand join only the clients of the gemeenten asked for. `rm_uitgestelde_index` holds the
 * indexes a rebuild drops while it fills a new generation and builds again in bulk at the end.
 */
export class DekkendeIndexen1763900005000 implements MigrationInterface {
  name = 'DekkendeIndexen1763900005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rm_item_huidig_gemeente`);
    await q.query(
      `CREATE INDEX rm_item_huidig_gemeente ON rm_item (gemeente, ingangsdatum) INCLUDE (${RAPPORT_KOLOMMEN}) WHERE known_to IS NULL`,
    );
    await q.query(`DROP INDEX rm_item_gemeente`);
    await q.query(`CREATE INDEX rm_item_gemeente ON rm_item (gemeente, ingangsdatum) INCLUDE (known_from, known_to, ${RAPPORT_KOLOMMEN})`);
    await q.query(`CREATE INDEX rm_client_gemeente ON rm_client (gemeente) INCLUDE (client_id, geslacht, geboortedatum)`);
    await q.query(`CREATE TABLE rm_uitgestelde_index (naam text PRIMARY KEY, definitie text NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_uitgestelde_index`);
    await q.query(`DROP INDEX rm_client_gemeente`);
    await q.query(`DROP INDEX rm_item_gemeente`);
    await q.query(`CREATE INDEX rm_item_gemeente ON rm_item (gemeente, ingangsdatum) INCLUDE (einddatum, known_from, known_to)`);
    await q.query(`DROP INDEX rm_item_huidig_gemeente`);
    await q.query(`CREATE INDEX rm_item_huidig_gemeente ON rm_item (gemeente, ingangsdatum) WHERE known_to IS NULL`);
  }
}
