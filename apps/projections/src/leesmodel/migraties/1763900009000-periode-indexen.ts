import type { MigrationInterface, QueryRunner } from 'typeorm';
import { eindVak, kennisVak } from '../tijdvak.js';

/** Every item column a report reads but known_from, carried in the indexes so that reports scan no heap. */
const ITEM_KOLOMMEN =
  'ingangsdatum, einddatum, besluitdatum, levering_start, known_to, ingetrokken, soort, wet, productcategorie, leveringsvorm, regeling, client_id, huishouden, instroomreden, uitstroomreden, geslacht, geboortedatum';
const AANMELDING_KOLOMMEN = 'ontvangen_op, afgerond_op, wet, ingetrokken, known_to';

/** The indexes this migration replaces: each read every version that began before the date asked. */
const OUD = [
  'rm_item_gemeente',
  'rm_item_huidig_gemeente',
  'rm_item_besluitdatum',
  'rm_aanmelding_gemeente',
  'rm_aanmelding_huidig_gemeente',
  'rm_bezwaar_gemeente',
  'rm_client_gemeente',
];

/**
 * Reports whose cost follows the caseload on the peildatum, not the length of the history (see
 * tijdvak.ts for the bucket keys). Each table gets three partial indexes, one per kind of version:
 * - current versions (known_to IS NULL): keyed on the bucket of the valid end, then the start;
 * - closed versions with a valid end: the same key (a closed version matters to a kennisdatum only
 *   when its valid interval reaches the date asked);
 * - closed versions without a valid end: keyed on the bucket of known_to, then known_from, so that a
 *   kennisdatum k reads the versions known at k (known_from <= k < known_to), not every one closed.
 * The start key of an item is least(ingangsdatum, besluitdatum): the wachtlijst counts a voorziening
 * from its besluit, the other reports from its ingang.
 *
 * The stand's age and geslacht move onto the item rows (filled by the projection from rm_client), so
 * the stand no longer looks up a client per item in an index as large as every client ever registered.
 */
export class PeriodeIndexen1763900009000 implements MigrationInterface {
  name = 'PeriodeIndexen1763900009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_item ADD COLUMN geslacht text, ADD COLUMN geboortedatum date`);
    await q.query(`UPDATE rm_item i SET geslacht = c.geslacht, geboortedatum = c.geboortedatum
                     FROM rm_client c WHERE c.client_id = i.client_id AND c.gemeente = i.gemeente`);
    for (const naam of OUD) await q.query(`DROP INDEX IF EXISTS ${naam}`);
    // A generation being rebuilt keeps its dropped indexes here, to build them at the end.
    await q.query(`DELETE FROM rm_uitgestelde_index WHERE naam = ANY($1::text[])`, [OUD]);
    const start = 'least(ingangsdatum, besluitdatum)';
    await q.query(
      `CREATE INDEX rm_item_periode_huidig ON rm_item (gemeente, ${eindVak('einddatum')}, ${start}) INCLUDE (known_from, ${ITEM_KOLOMMEN}) WHERE known_to IS NULL`,
    );
    await q.query(
      `CREATE INDEX rm_item_periode_gesloten ON rm_item (gemeente, ${eindVak('einddatum')}, ${start}) INCLUDE (known_from, ${ITEM_KOLOMMEN})
        WHERE known_to IS NOT NULL AND einddatum IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX rm_item_open_gesloten ON rm_item (gemeente, ${kennisVak('known_to')}, known_from) INCLUDE (${ITEM_KOLOMMEN})
        WHERE known_to IS NOT NULL AND einddatum IS NULL`,
    );
    await q.query(
      `CREATE INDEX rm_aanmelding_wacht_huidig ON rm_aanmelding (gemeente, ${eindVak('afgerond_op')}, ontvangen_op) INCLUDE (known_from, ${AANMELDING_KOLOMMEN})
        WHERE known_to IS NULL`,
    );
    await q.query(
      `CREATE INDEX rm_aanmelding_wacht_gesloten ON rm_aanmelding (gemeente, ${eindVak('afgerond_op')}, ontvangen_op) INCLUDE (known_from, ${AANMELDING_KOLOMMEN})
        WHERE known_to IS NOT NULL AND afgerond_op IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX rm_aanmelding_open_gesloten ON rm_aanmelding (gemeente, ${kennisVak('known_to')}, known_from) INCLUDE (${AANMELDING_KOLOMMEN})
        WHERE known_to IS NOT NULL AND afgerond_op IS NULL`,
    );
    // Bezwaren: the period report reads those received or handled in the period.
    await q.query(`CREATE INDEX rm_bezwaar_ontvangen ON rm_bezwaar (gemeente, ontvangen_op)`);
    await q.query(`CREATE INDEX rm_bezwaar_afgehandeld ON rm_bezwaar (gemeente, afgehandeld_op)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const naam of [
      'rm_item_periode_huidig',
      'rm_item_periode_gesloten',
      'rm_item_open_gesloten',
      'rm_aanmelding_wacht_huidig',
      'rm_aanmelding_wacht_gesloten',
      'rm_aanmelding_open_gesloten',
      'rm_bezwaar_ontvangen',
      'rm_bezwaar_afgehandeld',
    ]) {
      await q.query(`DROP INDEX IF EXISTS ${naam}`);
    }
    const oud =
      'einddatum, ingetrokken, soort, wet, productcategorie, leveringsvorm, regeling, client_id, huishouden, besluitdatum, levering_start, instroomreden, uitstroomreden';
    await q.query(`CREATE INDEX rm_item_huidig_gemeente ON rm_item (gemeente, ingangsdatum) INCLUDE (${oud}) WHERE known_to IS NULL`);
    await q.query(`CREATE INDEX rm_item_gemeente ON rm_item (gemeente, ingangsdatum) INCLUDE (known_from, known_to, ${oud})`);
    await q.query(`CREATE INDEX rm_item_besluitdatum ON rm_item (gemeente, besluitdatum) WHERE soort = 'voorziening'`);
    await q.query(`CREATE INDEX rm_aanmelding_gemeente ON rm_aanmelding (gemeente, ontvangen_op)`);
    await q.query(`CREATE INDEX rm_aanmelding_huidig_gemeente ON rm_aanmelding (gemeente, ontvangen_op) WHERE known_to IS NULL`);
    await q.query(`CREATE INDEX rm_bezwaar_gemeente ON rm_bezwaar (gemeente)`);
    await q.query(`CREATE INDEX rm_client_gemeente ON rm_client (gemeente) INCLUDE (client_id, geslacht, geboortedatum)`);
    await q.query(`ALTER TABLE rm_item DROP COLUMN geboortedatum, DROP COLUMN geslacht`);
  }
}
