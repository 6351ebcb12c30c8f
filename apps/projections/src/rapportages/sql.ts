import type pg from 'pg';
import { eindVak, kennisVak, vak } from '../leesmodel/tijdvak.js';
import type { RapportMeta } from './rapportage.types.js';

/*
 * What the reports' SQL shares: the selection, the snapshot it runs in, the filters on the read
 * models of one generation (the caller sets search_path). Each report is a file of its own
 * (stand.query.ts, …); each follows DESIGN section 4 literally, and rapportage.types.ts records the
 * choices it leaves open. Every query computes totals from the raw rows (GROUPING SETS), never by
 * adding up breakdowns.
 */

export interface Selectie {
  gemeenten: string[];
  /** Only versions known at this instant count; null: everything applied. */
  kennis: Date | null;
  wet?: string;
  productcategorie?: string;
  leveringsvorm?: string;
  regeling?: string;
}

export type Q = Pick<pg.PoolClient, 'query'>;

/**
 * The report's snapshot. `naast`, when there, is a second connection in the same snapshot
 * (an exported one), so a report can run two statements at the same time on two cores.
 */
export type Snapshot = Q & { naast?: Q };

/** What a query answers: the report without the metadata RapportageService adds. */
export type ZonderMeta<R> = Omit<R, keyof RapportMeta>;

/** Builds numbered parameters for one query. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** A count as PostgreSQL returns it (bigint as text, or null for none) as a number. */
export const n = (v: unknown): number => Number(v ?? 0);

/** The version of each row known at the kennisdatum. */
export function kennis(p: Params, s: Selectie, alias: string): string {
  // Without a kennisdatum only the current versions count, which the partial indexes hold.
  if (!s.kennis) return `${alias}.known_to IS NULL`;
  const k = p.add(s.kennis.toISOString());
  return `${alias}.known_from <= ${k}::timestamptz AND (${alias}.known_to IS NULL OR ${alias}.known_to > ${k}::timestamptz)`;
}

const ITEM_KOLOMMEN = [
  'gemeente',
  'soort',
  'wet',
  'productcategorie',
  'leveringsvorm',
  'regeling',
  'client_id',
  'huishouden',
  'besluitdatum',
  'ingangsdatum',
  'einddatum',
  'levering_start',
  'instroomreden',
  'uitstroomreden',
  'ingetrokken',
  'geslacht',
  'geboortedatum',
  'known_from',
  'known_to',
].join(', ');

/**
 * The item versions that can count for [van, tot] (a peildatum: van = tot), as a FROM source: those
 * whose valid interval reaches the period, through the bucket indexes of tijdvak.ts, so that the rows
 * read follow the caseload of the period rather than the history. Without a kennisdatum only current
 * versions; with one, also the closed versions known at it, each kind through its own partial index.
 * What it yields is a superset: the report's own conditions (itemFilter, its dates) still decide.
 * The start is least(ingangsdatum, besluitdatum), so it serves the wachtlijst's besluiten too.
 */
export function itemBron(p: Params, s: Selectie, van: string, tot: string): string {
  const a = `${p.add(van)}::date`;
  const b = `${p.add(tot)}::date`;
  const bereikt = `${eindVak('einddatum')} >= ${vak(a)} AND least(ingangsdatum, besluitdatum) <= ${b}`;
  const huidig = `SELECT ${ITEM_KOLOMMEN} FROM rm_item WHERE known_to IS NULL AND ${bereikt}`;
  if (!s.kennis) return `(${huidig})`;
  const k = `${p.add(s.kennis.toISOString())}::timestamptz`;
  return `(${huidig}
     UNION ALL SELECT ${ITEM_KOLOMMEN} FROM rm_item WHERE known_to IS NOT NULL AND einddatum IS NOT NULL AND ${bereikt}
     UNION ALL SELECT ${ITEM_KOLOMMEN} FROM rm_item
                WHERE known_to IS NOT NULL AND einddatum IS NULL AND ${kennisVak('known_to')} >= ${kennisVak(k)} AND known_from <= ${k})`;
}

const AANMELDING_KOLOMMEN = 'gemeente, wet, ontvangen_op, afgerond_op, ingetrokken, known_from, known_to';

/** The aanmeldingen that can be open on a day of [van, tot], as known at the kennisdatum (as itemBron). */
export function aanmeldingBron(p: Params, s: Selectie, van: string, tot: string): string {
  const a = `${p.add(van)}::date`;
  const b = `${p.add(tot)}::date`;
  const bereikt = `${eindVak('afgerond_op')} >= ${vak(a)} AND ontvangen_op <= ${b}`;
  const huidig = `SELECT ${AANMELDING_KOLOMMEN} FROM rm_aanmelding WHERE known_to IS NULL AND ${bereikt}`;
  if (!s.kennis) return `(${huidig})`;
  const k = `${p.add(s.kennis.toISOString())}::timestamptz`;
  return `(${huidig}
     UNION ALL SELECT ${AANMELDING_KOLOMMEN} FROM rm_aanmelding WHERE known_to IS NOT NULL AND afgerond_op IS NOT NULL AND ${bereikt}
     UNION ALL SELECT ${AANMELDING_KOLOMMEN} FROM rm_aanmelding
                WHERE known_to IS NOT NULL AND afgerond_op IS NULL AND ${kennisVak('known_to')} >= ${kennisVak(k)} AND known_from <= ${k})`;
}

/** Items (voorzieningen and uitkeringen) of the selection, as known at the kennisdatum. */
export function itemFilter(p: Params, s: Selectie, alias = 'i'): string {
  const w = [`${alias}.gemeente = ANY(${p.add(s.gemeenten)}::text[])`, kennis(p, s, alias), `NOT ${alias}.ingetrokken`];
  if (s.wet) w.push(`${alias}.wet = ${p.add(s.wet)}`);
  if (s.productcategorie) w.push(`${alias}.productcategorie = ${p.add(s.productcategorie)}`);
  if (s.leveringsvorm) w.push(`${alias}.leveringsvorm = ${p.add(s.leveringsvorm)}`);
  if (s.regeling) w.push(`${alias}.regeling = ${p.add(s.regeling)}`);
  return w.join(' AND ');
}

/**
 * The points a row counts on: a join yielding `nr`, the 1-based numbers of the points (a sorted date
 * array) from its start up to the day before its end (null: open). width_bucket(x, points) is the
 * number of points <= x, so only the points a row covers are generated: the join follows the rows
 * and what they cover, not rows × points. Read a point as `(points)[nr]`. For one point (a single
 * report) the plain comparison with that date, which the planner folds to a constant.
 */
export function gedekt(punten: string, start: string, eind: string | null, aantal: number): string {
  if (aantal === 1) {
    const d = `(${punten})[1]`;
    const open = eind === null ? '' : ` AND (${eind} IS NULL OR ${eind} > ${d})`;
    return `JOIN (VALUES (1)) AS pt(nr) ON ${start} <= ${d}${open}`;
  }
  const tot = eind === null ? String(aantal) : `coalesce(width_bucket(${eind} - 1, ${punten}), ${aantal})`;
  return `CROSS JOIN LATERAL generate_series(width_bucket(${start} - 1, ${punten}) + 1, ${tot}) AS pt(nr)`;
}

/** The rows of a statement over several points (a series), per point: `nr` is the point's 1-based number. */
export function perPunt<T extends { nr: string | number }>(rows: T[], punten: number): T[][] {
  const uit: T[][] = Array.from({ length: punten }, () => []);
  for (const r of rows) uit[Number(r.nr) - 1].push(r);
  return uit;
}

/** Sort key of breakdown rows: ascending by their key fields, as strings. */
export function sorteer<T>(rows: T[], ...keys: (keyof T)[]): T[] {
  return rows.sort((a, b) => {
    for (const k of keys) {
      const x = String(a[k]);
      const y = String(b[k]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

/**
 * The checkpoint the snapshot reflects: that of the least advanced of the asked gemeenten (all of
 * them, if none has events). Read in the report's own snapshot, so it is the position of its figures.
 */
export async function snapshotCheckpoint(db: Q, gemeenten: string[]): Promise<{ positie: number; geregistreerdOp: Date | null }> {
  const { rows } = await db.query<{ positie: string; geregistreerd_op: Date | null }>(
    `SELECT positie, geregistreerd_op FROM rm_checkpoint
      ORDER BY (gemeente = ANY($1::text[])) DESC, positie, gemeente LIMIT 1`,
    [gemeenten],
  );
  return { positie: Number(rows[0]?.positie ?? 0), geregistreerdOp: rows[0]?.geregistreerd_op ?? null };
}
