import type pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import {
  LEEFTIJDSGROEPEN,
  STAPEL_KLASSEN,
  WACHTTIJD_KLASSEN,
  type BezwarenCijfers,
  type BezwarenRapport,
  type InstroomUitstroomRapport,
  type StandCijfers,
  type StandRapport,
  type StapelingCijfers,
  type StapelingGemeente,
  type StapelingRapport,
  type StroomCijfers,
  type WachtlijstCijfers,
  type WachtlijstRapport,
} from './rapportage.types.js';

/*
 * The reports as SQL over the read models of one generation (the caller sets search_path).
 * Each follows DESIGN section 4 literally; rapportage.types.ts records the choices it leaves open.
 * Every query computes totals from the raw rows (GROUPING SETS), never by adding up breakdowns.
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

type Q = Pick<pg.PoolClient, 'query'>;

/**
 * The report's snapshot. `naast`, when there, is a second connection in the same snapshot
 * (an exported one), so a report can run two statements at the same time on two cores.
 */
export type Snapshot = Q & { naast?: Q };

/** Builds numbered parameters for one query. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

const n = (v: unknown): number => Number(v ?? 0);
const dagVoor = (d: string): string => Temporal.PlainDate.from(d).subtract({ days: 1 }).toString();

/** The version of each row known at the kennisdatum. */
function kennis(p: Params, s: Selectie, alias: string): string {
  // Without a kennisdatum only the current versions count, which the partial indexes hold.
  if (!s.kennis) return `${alias}.known_to IS NULL`;
  const k = p.add(s.kennis.toISOString());
  return `${alias}.known_from <= ${k}::timestamptz AND (${alias}.known_to IS NULL OR ${alias}.known_to > ${k}::timestamptz)`;
}

/** Items (voorzieningen and uitkeringen) of the selection, as known at the kennisdatum. */
function itemFilter(p: Params, s: Selectie, alias = 'i'): string {
  const w = [`${alias}.gemeente = ANY(${p.add(s.gemeenten)}::text[])`, kennis(p, s, alias), `NOT ${alias}.ingetrokken`];
  if (s.wet) w.push(`${alias}.wet = ${p.add(s.wet)}`);
  if (s.productcategorie) w.push(`${alias}.productcategorie = ${p.add(s.productcategorie)}`);
  if (s.leveringsvorm) w.push(`${alias}.leveringsvorm = ${p.add(s.leveringsvorm)}`);
  if (s.regeling) w.push(`${alias}.regeling = ${p.add(s.regeling)}`);
  return w.join(' AND ');
}

/** Sort key of breakdown rows: ascending by their key fields, as strings. */
function sorteer<T>(rows: T[], ...keys: (keyof T)[]): T[] {
  return rows.sort((a, b) => {
    for (const k of keys) {
      const x = String(a[k]);
      const y = String(b[k]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

// ---------------------------------------------------------------- stand

/**
 * Age group at the peildatum: the birth dates that separate the groups, worked out once (a client
 * born after the date of turning 18 is 0-17), so the database compares dates instead of computing
 * an age per row.
 */
function leeftijdSql(p: Params, peildatum: string): string {
  const d = Temporal.PlainDate.from(peildatum);
  const grens = (jaren: number) => `${p.add(d.subtract({ years: jaren }).toString())}::date`;
  return `CASE
    WHEN c.geboortedatum > ${grens(18)} THEN '0-17'
    WHEN c.geboortedatum > ${grens(27)} THEN '18-26'
    WHEN c.geboortedatum > ${grens(65)} THEN '27-64'
    WHEN c.geboortedatum > ${grens(75)} THEN '65-74'
    ELSE '75+' END`;
}

type StandRij = Record<string, string | null> & { g: number; voorzieningen: string; clienten: string; huishoudens: string };

export async function stand(db: Snapshot, s: Selectie, peildatum: string): Promise<Omit<StandRapport, keyof import('./rapportage.types.js').RapportMeta>> {
  // Counting distinct clients and huishoudens sorts the items once per grouping set: the sets are
  // split over two statements (only the second needs the clients' age and geslacht), which run at
  // the same time on two connections of one snapshot. A huishouden is a uuid (see the projector),
  // as cheap to count as a client. A client's items are all of its own gemeente,
  // so the join reads only the clients of the gemeenten asked for (said in so many words: the
  // planner does not carry `= ANY(...)` over from the items to the clients).
  const kolommen = ['gemeente', 'wet', 'productcategorie', 'leveringsvorm', 'regeling', 'leeftijdsgroep', 'geslacht'];
  /** The grouping sets over `eigen` (columns of `kolommen`); g has a bit per column of `kolommen`, set when rolled up. */
  const deel = (eigen: string[], sets: string[][]) => {
    const p = new Params();
    const d = p.add(peildatum);
    const metClient = eigen.includes('leeftijdsgroep') || eigen.includes('geslacht');
    const waarde = (k: string) => (k === 'leeftijdsgroep' ? leeftijdSql(p, peildatum) : k === 'geslacht' ? 'c.geslacht' : `i.${k}`);
    const bit = (k: string) => kolommen.length - 1 - kolommen.indexOf(k);
    const altijd = kolommen.filter((k) => !eigen.includes(k)).reduce((g, k) => g | (1 << bit(k)), 0);
    return {
      text: `WITH items AS (
         SELECT ${eigen.map((k) => `${waarde(k)} AS ${k}`).join(', ')}, i.client_id, i.huishouden
           FROM rm_item i ${metClient ? `JOIN rm_client c ON c.client_id = i.client_id AND c.gemeente = i.gemeente AND c.gemeente = ANY(${p.add(s.gemeenten)}::text[])` : ''}
          WHERE ${itemFilter(p, s)}
            AND i.ingangsdatum <= ${d}::date AND (i.einddatum IS NULL OR i.einddatum > ${d}::date))
       SELECT ${eigen.join(', ')}, ${[String(altijd), ...eigen.map((k) => `(GROUPING(${k}) << ${bit(k)})`)].join(' | ')} AS g,
              count(*) AS voorzieningen, count(DISTINCT client_id) AS clienten,
              count(DISTINCT huishouden) AS huishoudens
         FROM items
        GROUP BY GROUPING SETS (${sets.map((set) => `(${set.join(', ')})`).join(', ')})`,
      values: p.values,
    };
  };
  // Asked for one gemeente, its row equals the total: not counted a second time. The sets are split
  // so that both statements take about as long.
  const eenGemeente = s.gemeenten.length === 1;
  const a = eenGemeente
    ? deel(['wet', 'productcategorie', 'leveringsvorm'], [[], ['wet'], ['wet', 'productcategorie'], ['leveringsvorm']])
    : deel(['gemeente', 'wet', 'productcategorie', 'leveringsvorm'], [[], ['gemeente'], ['wet'], ['wet', 'productcategorie'], ['leveringsvorm']]);
  const b = deel(['regeling', 'leeftijdsgroep', 'geslacht'], [['regeling'], ['leeftijdsgroep'], ['geslacht']]);
  const [ra, rb] = await Promise.all([db.query<StandRij>(a.text, a.values), (db.naast ?? db).query<StandRij>(b.text, b.values)]);
  const rows = [...ra.rows, ...rb.rows];
  const cijfers = (r: StandRij): StandCijfers => ({ voorzieningen: n(r.voorzieningen), clienten: n(r.clienten), huishoudens: n(r.huishoudens) });
  // GROUPING() bit order: gemeente=64, wet=32, productcategorie=16, leveringsvorm=8, regeling=4, leeftijdsgroep=2, geslacht=1
  const set = (alleenGegroepeerd: number) => rows.filter((r) => r.g === 127 - alleenGegroepeerd);
  const totaal = set(0)[0];
  return {
    peildatum,
    totaal: totaal ? cijfers(totaal) : { voorzieningen: 0, clienten: 0, huishoudens: 0 },
    perGemeente: eenGemeente
      ? totaal && n(totaal.voorzieningen) > 0
        ? [{ gemeente: s.gemeenten[0]!, ...cijfers(totaal) }]
        : []
      : sorteer(set(64).map((r) => ({ gemeente: r.gemeente!, ...cijfers(r) })), 'gemeente'),
    perWet: sorteer(set(32).map((r) => ({ wet: r.wet!, ...cijfers(r) })), 'wet'),
    perProductcategorie: sorteer(
      set(48).filter((r) => r.productcategorie !== null).map((r) => ({ wet: r.wet!, productcategorie: r.productcategorie!, ...cijfers(r) })),
      'wet',
      'productcategorie',
    ),
    perLeveringsvorm: sorteer(set(8).filter((r) => r.leveringsvorm !== null).map((r) => ({ leveringsvorm: r.leveringsvorm!, ...cijfers(r) })), 'leveringsvorm'),
    perRegeling: sorteer(set(4).filter((r) => r.regeling !== null).map((r) => ({ regeling: r.regeling!, ...cijfers(r) })), 'regeling'),
    perLeeftijdsgroep: set(2)
      .map((r) => ({ leeftijdsgroep: r.leeftijdsgroep!, ...cijfers(r) }))
      .sort((a, b) => LEEFTIJDSGROEPEN.indexOf(a.leeftijdsgroep as never) - LEEFTIJDSGROEPEN.indexOf(b.leeftijdsgroep as never)),
    perGeslacht: sorteer(set(1).map((r) => ({ geslacht: r.geslacht!, ...cijfers(r) })), 'geslacht'),
  };
}

// ---------------------------------------------------------------- instroom-uitstroom

type StroomRij = Record<string, string | null> & { g: number; beginstand: string; instroom: string; uitstroom: string; eindstand: string };

export async function instroomUitstroom(
  db: Q,
  s: Selectie,
  van: string,
  tot: string,
): Promise<Omit<InstroomUitstroomRapport, keyof import('./rapportage.types.js').RapportMeta>> {
  const p = new Params();
  const a = p.add(van);
  const b = p.add(tot);
  const voor = p.add(dagVoor(van));
  // One scan for the figures and the reasons: the reasons are two more grouping sets.
  const { rows } = await db.query<StroomRij>(
    `WITH items AS (
       SELECT i.gemeente, i.wet, i.productcategorie, i.leveringsvorm, i.regeling,
              coalesce(i.instroomreden, 'onbekend') AS instroomreden, coalesce(i.uitstroomreden, 'overig') AS uitstroomreden,
              (i.ingangsdatum <= ${voor}::date AND (i.einddatum IS NULL OR i.einddatum > ${voor}::date)) AS in_begin,
              (i.ingangsdatum BETWEEN ${a}::date AND ${b}::date) AS in_stroom,
              (i.einddatum BETWEEN ${a}::date AND ${b}::date) AS uit_stroom,
              (i.ingangsdatum <= ${b}::date AND (i.einddatum IS NULL OR i.einddatum > ${b}::date)) AS in_eind
         FROM rm_item i
        WHERE ${itemFilter(p, s)} AND i.ingangsdatum <= ${b}::date AND (i.einddatum IS NULL OR i.einddatum >= ${a}::date))
     SELECT gemeente, wet, productcategorie, leveringsvorm, regeling, instroomreden, uitstroomreden,
            GROUPING(gemeente, wet, productcategorie, leveringsvorm, regeling, instroomreden, uitstroomreden) AS g,
            count(*) FILTER (WHERE in_begin) AS beginstand, count(*) FILTER (WHERE in_stroom) AS instroom,
            count(*) FILTER (WHERE uit_stroom) AS uitstroom, count(*) FILTER (WHERE in_eind) AS eindstand
       FROM items
      GROUP BY GROUPING SETS ((), (gemeente), (wet), (wet, productcategorie), (leveringsvorm), (regeling), (instroomreden), (uitstroomreden))`,
    p.values,
  );
  const cijfers = (r: StroomRij): StroomCijfers => ({
    beginstand: n(r.beginstand),
    instroom: n(r.instroom),
    uitstroom: n(r.uitstroom),
    eindstand: n(r.eindstand),
  });
  // GROUPING() bits: gemeente=64, wet=32, productcategorie=16, leveringsvorm=8, regeling=4, instroomreden=2, uitstroomreden=1
  const set = (gegroepeerd: number) =>
    rows.filter((r) => r.g === 127 - gegroepeerd && (n(r.beginstand) || n(r.instroom) || n(r.uitstroom) || n(r.eindstand)));
  const totaal = rows.find((r) => r.g === 127);
  const perReden = (veld: 'instroomreden' | 'uitstroomreden', bit: number, aantal: 'instroom' | 'uitstroom') =>
    Object.fromEntries(
      rows
        .filter((r) => r.g === 127 - bit && n(r[aantal]) > 0)
        .sort((x, y) => (x[veld]! < y[veld]! ? -1 : 1))
        .map((r) => [r[veld]!, n(r[aantal])]),
    );
  return {
    van,
    tot,
    totaal: {
      ...(totaal ? cijfers(totaal) : { beginstand: 0, instroom: 0, uitstroom: 0, eindstand: 0 }),
      instroomPerReden: perReden('instroomreden', 2, 'instroom'),
      uitstroomPerReden: perReden('uitstroomreden', 1, 'uitstroom'),
    },
    perGemeente: sorteer(set(64).map((r) => ({ gemeente: r.gemeente!, ...cijfers(r) })), 'gemeente'),
    perWet: sorteer(set(32).map((r) => ({ wet: r.wet!, ...cijfers(r) })), 'wet'),
    perProductcategorie: sorteer(
      set(48).filter((r) => r.productcategorie !== null).map((r) => ({ wet: r.wet!, productcategorie: r.productcategorie!, ...cijfers(r) })),
      'wet',
      'productcategorie',
    ),
    perLeveringsvorm: sorteer(set(8).filter((r) => r.leveringsvorm !== null).map((r) => ({ leveringsvorm: r.leveringsvorm!, ...cijfers(r) })), 'leveringsvorm'),
    perRegeling: sorteer(set(4).filter((r) => r.regeling !== null).map((r) => ({ regeling: r.regeling!, ...cijfers(r) })), 'regeling'),
  };
}

// ---------------------------------------------------------------- wachtlijst

export async function wachtlijst(
  db: Q,
  s: Selectie,
  peildatum: string,
  normen: Record<string, number>,
): Promise<Omit<WachtlijstRapport, keyof import('./rapportage.types.js').RapportMeta>> {
  const p = new Params();
  const d = p.add(peildatum);
  const normJson = p.add(JSON.stringify(normen));
  // Aanmeldingen have no productcategorie, leveringsvorm or regeling: such a filter leaves none.
  const aanmeldingenMogelijk = !s.productcategorie && !s.leveringsvorm && !s.regeling;
  const aw = [`a.gemeente = ANY(${p.add(s.gemeenten)}::text[])`, kennis(p, s, 'a'), 'NOT a.ingetrokken', aanmeldingenMogelijk ? 'true' : 'false'];
  if (s.wet) aw.push(`a.wet = ${p.add(s.wet)}`);
  const { rows: aanmeldingen } = await db.query<{ gemeente: string | null; wet: string | null; klasse: string | null; g: number; aantal: string; boven: string }>(
    `WITH wachtend AS (
       SELECT a.gemeente, a.wet, (${d}::date - a.ontvangen_op) AS wachttijd,
              (${d}::date - a.ontvangen_op) > coalesce((${normJson}::jsonb ->> a.wet)::int, 2147483647) AS boven
         FROM rm_aanmelding a
        WHERE ${aw.join(' AND ')}
          AND a.ontvangen_op <= ${d}::date AND (a.afgerond_op IS NULL OR a.afgerond_op > ${d}::date)),
     geklasseerd AS (
       SELECT *, CASE WHEN wachttijd <= 14 THEN '0-14' WHEN wachttijd <= 28 THEN '15-28' WHEN wachttijd <= 42 THEN '29-42'
                      WHEN wachttijd <= 56 THEN '43-56' WHEN wachttijd <= 91 THEN '57-91' ELSE '92+' END AS klasse
         FROM wachtend)
     SELECT gemeente, wet, klasse, GROUPING(gemeente, wet, klasse) AS g, count(*) AS aantal, count(*) FILTER (WHERE boven) AS boven
       FROM geklasseerd GROUP BY GROUPING SETS ((), (gemeente), (wet), (klasse))`,
    p.values,
  );
  const q = new Params();
  const d2 = q.add(peildatum);
  const { rows: nietGestart } = await db.query<{ gemeente: string | null; wet: string | null; g: number; aantal: string }>(
    `SELECT gemeente, wet, GROUPING(gemeente, wet) AS g, count(*) AS aantal
       FROM rm_item i
      WHERE ${itemFilter(q, s)} AND i.soort = 'voorziening'
        AND i.besluitdatum <= ${d2}::date
        AND (i.levering_start IS NULL OR i.levering_start > ${d2}::date)
        AND (i.einddatum IS NULL OR i.einddatum > ${d2}::date)
      GROUP BY GROUPING SETS ((), (gemeente), (wet))`,
    q.values,
  );
  const rij = (aanm?: { aantal: string; boven: string }, ng?: { aantal: string }): WachtlijstCijfers => ({
    aanmeldingen: n(aanm?.aantal),
    aanmeldingenBovenNorm: n(aanm?.boven),
    nietGestart: n(ng?.aantal),
  });
  const per = (veld: 'gemeente' | 'wet', gA: number, gN: number) => {
    const sleutels = new Set([
      ...aanmeldingen.filter((r) => r.g === gA).map((r) => r[veld]!),
      ...nietGestart.filter((r) => r.g === gN).map((r) => r[veld]!),
    ]);
    return [...sleutels].sort().map((k) => ({
      [veld]: k,
      ...rij(aanmeldingen.find((r) => r.g === gA && r[veld] === k), nietGestart.find((r) => r.g === gN && r[veld] === k)),
    }));
  };
  return {
    peildatum,
    normen,
    totaal: rij(aanmeldingen.find((r) => r.g === 7), nietGestart.find((r) => r.g === 3)),
    perGemeente: per('gemeente', 3, 1) as WachtlijstRapport['perGemeente'],
    perWet: per('wet', 5, 2) as WachtlijstRapport['perWet'],
    wachttijdVerdeling: WACHTTIJD_KLASSEN.map((klasse) => ({
      klasse,
      aanmeldingen: n(aanmeldingen.find((r) => r.g === 6 && r.klasse === klasse)?.aantal),
    })),
  };
}

// ---------------------------------------------------------------- stapeling

export async function stapeling(
  db: Q,
  s: Selectie,
  periode: { peildatum: string } | { van: string; tot: string },
): Promise<Omit<StapelingRapport, keyof import('./rapportage.types.js').RapportMeta>> {
  const p = new Params();
  const actief =
    'peildatum' in periode
      ? (() => {
          const d = p.add(periode.peildatum);
          return `i.ingangsdatum <= ${d}::date AND (i.einddatum IS NULL OR i.einddatum > ${d}::date)`;
        })()
      : (() => {
          // CBS: every item active on at least one day of the period.
          const a = p.add(periode.van);
          const b = p.add(periode.tot);
          return `i.ingangsdatum <= ${b}::date AND (i.einddatum IS NULL OR i.einddatum >= ${a}::date)`;
        })();
  const { rows } = await db.query<{ soort: string; gemeente: string | null; sleutel: string; g: number; aantal: string }>(
    `WITH items AS (SELECT i.gemeente, i.client_id, i.huishouden, i.wet FROM rm_item i WHERE ${itemFilter(p, s)} AND ${actief}),
     per_client AS (SELECT gemeente, client_id, CASE WHEN count(*) >= 6 THEN '6+' ELSE count(*)::text END AS klasse,
                           string_agg(DISTINCT wet, '+' ORDER BY wet) AS combinatie
                      FROM items GROUP BY gemeente, client_id),
     per_huishouden AS (SELECT gemeente, CASE WHEN count(*) >= 6 THEN '6+' ELSE count(*)::text END AS klasse
                          FROM items GROUP BY gemeente, huishouden)
     SELECT 'clienten' AS soort, gemeente, klasse AS sleutel, GROUPING(gemeente) AS g, count(*) AS aantal
       FROM per_client GROUP BY GROUPING SETS ((klasse), (gemeente, klasse))
     UNION ALL
     SELECT 'huishoudens', gemeente, klasse, GROUPING(gemeente), count(*)
       FROM per_huishouden GROUP BY GROUPING SETS ((klasse), (gemeente, klasse))
     UNION ALL
     SELECT 'combinaties', gemeente, combinatie, GROUPING(gemeente), count(*)
       FROM per_client GROUP BY GROUPING SETS ((combinatie), (gemeente, combinatie))`,
    p.values,
  );
  const cijfers = (gemeente: string | null): StapelingCijfers => {
    const van = (soort: string) => rows.filter((r) => r.soort === soort && (gemeente === null ? r.g === 1 : r.g === 0 && r.gemeente === gemeente));
    const verdeling = (soort: string) => Object.fromEntries(STAPEL_KLASSEN.map((k) => [k, n(van(soort).find((r) => r.sleutel === k)?.aantal)]));
    return {
      clienten: verdeling('clienten'),
      huishoudens: verdeling('huishoudens'),
      combinaties: Object.fromEntries(van('combinaties').sort((x, y) => (x.sleutel < y.sleutel ? -1 : 1)).map((r) => [r.sleutel, n(r.aantal)])),
    };
  };
  const jaar = Number(('peildatum' in periode ? periode.peildatum : periode.tot).slice(0, 4));
  const bq = new Params();
  const { rows: bevolking } = await db.query<{ gemeente: string; inwoners: number; huishoudens: number }>(
    `SELECT b.gemeente, b.inwoners, b.huishoudens FROM rm_bevolking b
      WHERE b.gemeente = ANY(${bq.add(s.gemeenten)}::text[]) AND b.jaar = ${bq.add(jaar)} AND ${kennis(bq, s, 'b')}`,
    bq.values,
  );
  const gemeenten = [...new Set(rows.filter((r) => r.g === 0).map((r) => r.gemeente!))].sort();
  const som = (m: Record<string, number | null>) => Object.values(m).reduce<number>((t, v) => t + (v ?? 0), 0);
  const perGemeente: StapelingGemeente[] = gemeenten.map((gemeente) => {
    const c = cijfers(gemeente);
    const b = bevolking.find((x) => x.gemeente === gemeente);
    if (!b) return { gemeente, ...c };
    return {
      gemeente,
      ...c,
      bevolking: { jaar, inwoners: b.inwoners, huishoudens: b.huishoudens },
      clientenPer1000Inwoners: b.inwoners > 0 ? Math.round((som(c.clienten) / b.inwoners) * 10000) / 10 : null,
      huishoudensPer1000Huishoudens: b.huishoudens > 0 ? Math.round((som(c.huishoudens) / b.huishoudens) * 10000) / 10 : null,
    };
  });
  return { ...periode, totaal: cijfers(null), perGemeente };
}

// ---------------------------------------------------------------- bezwaren

export async function bezwaren(
  db: Q,
  s: Selectie,
  van: string,
  tot: string,
): Promise<Omit<BezwarenRapport, keyof import('./rapportage.types.js').RapportMeta>> {
  const p = new Params();
  const a = p.add(van);
  const b = p.add(tot);
  const w = [`z.gemeente = ANY(${p.add(s.gemeenten)}::text[])`, kennis(p, s, 'z'), 'NOT z.ingetrokken'];
  if (s.wet) w.push(`z.wet = ${p.add(s.wet)}`);
  const { rows } = await db.query<{ soort: string; gemeente: string | null; sleutel: string | null; g: number; aantal: string }>(
    `WITH z AS (
       SELECT z.gemeente, z.onderwerp, z.uitkomst,
              z.ontvangen_op BETWEEN ${a}::date AND ${b}::date AS ontvangen,
              z.afgehandeld_op BETWEEN ${a}::date AND ${b}::date AS afgehandeld,
              z.afgehandeld_op <= z.uiterlijke_beslisdatum AS op_tijd
         FROM rm_bezwaar z WHERE ${w.join(' AND ')})
     SELECT 'ontvangen' AS soort, gemeente, NULL AS sleutel, GROUPING(gemeente) AS g, count(*) AS aantal FROM z WHERE ontvangen GROUP BY GROUPING SETS ((), (gemeente))
     UNION ALL
     SELECT 'afgehandeld', gemeente, NULL, GROUPING(gemeente), count(*) FROM z WHERE afgehandeld GROUP BY GROUPING SETS ((), (gemeente))
     UNION ALL
     SELECT 'binnenTermijn', gemeente, NULL, GROUPING(gemeente), count(*) FROM z WHERE afgehandeld AND op_tijd GROUP BY GROUPING SETS ((), (gemeente))
     UNION ALL
     SELECT 'perUitkomst', gemeente, uitkomst, GROUPING(gemeente), count(*) FROM z WHERE afgehandeld GROUP BY GROUPING SETS ((uitkomst), (gemeente, uitkomst))
     UNION ALL
     SELECT 'perOnderwerp', gemeente, onderwerp, GROUPING(gemeente), count(*) FROM z WHERE ontvangen GROUP BY GROUPING SETS ((onderwerp), (gemeente, onderwerp))`,
    p.values,
  );
  const cijfers = (gemeente: string | null): BezwarenCijfers => {
    const van = (soort: string) => rows.filter((r) => r.soort === soort && (gemeente === null ? r.g === 1 : r.g === 0 && r.gemeente === gemeente));
    const map = (soort: string) => Object.fromEntries(van(soort).sort((x, y) => (x.sleutel! < y.sleutel! ? -1 : 1)).map((r) => [r.sleutel!, n(r.aantal)]));
    return {
      ontvangen: n(van('ontvangen')[0]?.aantal),
      afgehandeld: n(van('afgehandeld')[0]?.aantal),
      perUitkomst: map('perUitkomst'),
      perOnderwerp: map('perOnderwerp'),
      binnenTermijn: n(van('binnenTermijn')[0]?.aantal),
    };
  };
  const gemeenten = [...new Set(rows.filter((r) => r.g === 0).map((r) => r.gemeente!))].sort();
  return { van, tot, totaal: cijfers(null), perGemeente: gemeenten.map((gemeente) => ({ gemeente, ...cijfers(gemeente) })) };
}
