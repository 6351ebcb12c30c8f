import { Temporal } from 'temporal-polyfill';
import { LEEFTIJDSGROEPEN, type StandRapport } from '../rapportage.types.js';
import { itemBron, itemFilter, Params, type Q, type Selectie, type ZonderMeta } from '../sql.js';
import { KOLOMMEN, type StandRij, standSets, standUitRijen } from '../stand.query.js';
import { gVan } from '../uitsplitsingen.js';
import { Segmenten, tellingen, volgordeVan } from './segmenten.js';

/*
 * The stand on many peildata at once. Per peildatum the single stand sorts every running item once
 * per grouping set to count distinct clients and households; over 36 peildata that is 36 times the
 * work. Here a statement reads each item that runs on any of the peildata once, with the range of
 * points it covers, and the counts per point come from ranges (segmenten.ts). The rows per point are
 * those the single stand's statements give, so its own assembly makes the report.
 *
 * A client and its household belong to one gemeente (an item takes its client's), so the distinct
 * counts of gemeenten add up: they are counted a gemeente at a time, and only one gemeente's items
 * are in the app's small heap at once.
 */

/** The ages at which the leeftijdsgroep changes (LEEFTIJDSGROEPEN). */
const GRENZEN = [18, 27, 65, 75] as const;

/** Positions in a row: client, household, the stand's columns, the points [a, b), from which point the client is 18, 27, 65, 75. */
const KOLOM = { client: 0, huishouden: 1, a: 8, b: 9, grenzen: 10 } as const;
const POSITIE: Record<string, number> = { gemeente: 2, wet: 3, productcategorie: 4, leveringsvorm: 5, regeling: 6, geslacht: 7 };
type ItemRij = (string | number | null)[];

/** Per key of a grouping set: its values and, per point, the three counts. */
type Telling = { waarden: (string | null)[]; voorzieningen: Int32Array; clienten: Int32Array; huishoudens: Int32Array };

export async function standReeks(db: Q, s: Selectie, peildata: string[]): Promise<ZonderMeta<StandRapport>[]> {
  const n = peildata.length;
  const sets = standSets(s.gemeenten.length === 1);
  // As in the single stand: the second half of the sets counts only items whose client is known.
  const bekend = (r: ItemRij) => r[POSITIE.geslacht] !== null;
  const delen: [readonly string[], (r: ItemRij) => boolean][] = [
    ...sets.a.map((set): [readonly string[], (r: ItemRij) => boolean] => [set, () => true]),
    ...sets.b.map((set): [readonly string[], (r: ItemRij) => boolean] => [set, bekend]),
  ];
  const totalen = delen.map(() => new Map<string, Telling>());
  for (const gemeente of s.gemeenten) {
    const rows = await itemRijen(db, { ...s, gemeenten: [gemeente] }, peildata);
    const kol = (k: number) => {
      const uit = new Int32Array(rows.length);
      for (let i = 0; i < rows.length; i++) uit[i] = rows[i][k] as number;
      return uit;
    };
    const items = { client: kol(KOLOM.client), huishouden: kol(KOLOM.huishouden), a: kol(KOLOM.a), b: kol(KOLOM.b) };
    const grenzen = GRENZEN.map((_, i) => kol(KOLOM.grenzen + i));
    // The rows come by client and start; households are gathered here.
    const perClient = Uint32Array.from(rows.keys());
    const perHuishouden = volgordeVan(items.huishouden, items.a);
    delen.forEach(([set, telt], d) => {
      const segmenten = new Segmenten();
      const metLeeftijd = set.includes('leeftijdsgroep');
      const posities = set.map((k) => POSITIE[k]);
      rows.forEach((r, i) => {
        if (!telt(r)) return;
        if (!metLeeftijd) {
          const w = posities.length === 1 ? (r[posities[0]] as string | null) : posities.map((k) => r[k] as string | null);
          return segmenten.voegToe(w, i, items.a[i], items.b[i]);
        }
        // The age group changes with the peildatum: a segment per group, between its client's boundaries.
        const g = [0, ...grenzen.map((c) => c[i]), n];
        LEEFTIJDSGROEPEN.forEach((groep, j) => segmenten.voegToe(groep, i, Math.max(items.a[i], g[j]), Math.min(items.b[i], g[j + 1])));
      });
      const voorzieningen = tellingen(segmenten, null, n);
      const clienten = tellingen(segmenten, { volgorde: perClient, entiteit: items.client, herordenen: false }, n);
      // A client's age groups follow each other in time; a household's members each have their own.
      const huishoudens = tellingen(segmenten, { volgorde: perHuishouden, entiteit: items.huishouden, herordenen: metLeeftijd }, n);
      segmenten.waarden.forEach((waarden, k) => {
        const naam = segmenten.namen[k];
        let t = totalen[d].get(naam);
        if (!t)
          totalen[d].set(
            naam,
            (t = { waarden, voorzieningen: new Int32Array(n), clienten: new Int32Array(n), huishoudens: new Int32Array(n) }),
          );
        for (let j = 0; j < n; j++) {
          t.voorzieningen[j] += voorzieningen[k * n + j];
          t.clienten[j] += clienten[k * n + j];
          t.huishoudens[j] += huishoudens[k * n + j];
        }
      });
    });
  }
  const perPunt: StandRij[][] = peildata.map(() => []);
  delen.forEach(([set], d) => {
    const g = gVan(KOLOMMEN, set);
    for (const t of totalen[d].values()) {
      const kolommen = Object.fromEntries(KOLOMMEN.map((kolom) => [kolom, set.includes(kolom) ? t.waarden[set.indexOf(kolom)] : null]));
      for (let j = 0; j < n; j++)
        if (t.voorzieningen[j] > 0)
          perPunt[j].push({
            ...kolommen,
            g,
            voorzieningen: t.voorzieningen[j],
            clienten: t.clienten[j],
            huishoudens: t.huishoudens[j],
          } as unknown as StandRij);
    }
  });
  return peildata.map((d, j) => standUitRijen(s, d, perPunt[j]));
}

/**
 * The items that run on any of the peildata, as short arrays: client and household numbered by the
 * database, the points [a, b) (width_bucket(x, points) is the number of points <= x: an item counts
 * from its ingangsdatum up to the day before its einddatum), and the points from which its client is
 * 18, 27, 65 and 75, by client and then start.
 */
async function itemRijen(db: Q, s: Selectie, peildata: string[]): Promise<ItemRij[]> {
  const n = peildata.length;
  const p = new Params();
  const punten = `${p.add(peildata)}::date[]`;
  // Whole years before each peildatum, as the single stand computes them (Temporal, 29 February included).
  const grens = (jaren: number) =>
    `${p.add(peildata.map((d) => Temporal.PlainDate.from(d).subtract({ years: jaren }).toString()))}::date[]`;
  const { rows } = await db.query<ItemRij>({
    text: `SELECT dense_rank() OVER (ORDER BY client_id)::int, dense_rank() OVER (ORDER BY huishouden)::int,
                  gemeente, wet, productcategorie, leveringsvorm, regeling, geslacht, a, b, c18, c27, c65, c75
             FROM (SELECT i.*, width_bucket(i.ingangsdatum - 1, ${punten}) AS a,
                          coalesce(width_bucket(i.einddatum - 1, ${punten}), ${n}) AS b,
                          ${GRENZEN.map((j) => `coalesce(width_bucket(i.geboortedatum - 1, ${grens(j)}), 0) AS c${j}`).join(', ')}
                     FROM ${itemBron(p, s, peildata[0], peildata[n - 1])} i
                    WHERE ${itemFilter(p, s)}) i
            WHERE a < b
            ORDER BY client_id, a`,
    values: p.values,
    rowMode: 'array',
  });
  return rows;
}
