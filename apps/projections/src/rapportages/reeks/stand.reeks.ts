import { Temporal } from 'temporal-polyfill';
import { LEEFTIJDSGROEPEN, type StandRapport } from '../rapportage.types.js';
import { itemBron, itemFilter, Params, type Q, type Selectie, type ZonderMeta } from '../sql.js';
import { KOLOMMEN, type StandRij, standSets, standUitRijen } from '../stand.query.js';
import { gVan } from '../uitsplitsingen.js';
import { Delta, groepeer, voegSamen } from './bereiken.js';

/*
 * The stand on many peildata in one statement. Per peildatum the single stand sorts every running
 * item once per grouping set to count distinct clients and households; over 36 peildata that is 36
 * times the work. Here the statement reads each item that runs on any of the peildata once, with the
 * range of points it covers (bereiken.ts), and the counts per point come from merged ranges. The
 * rows per point are those the single stand's statements give, so its own assembly makes the report.
 */

/** The ages at which the leeftijdsgroep changes (LEEFTIJDSGROEPEN). */
const GRENZEN = [18, 27, 65, 75] as const;

interface ItemRij {
  gemeente: string;
  wet: string;
  productcategorie: string | null;
  leveringsvorm: string | null;
  regeling: string | null;
  geslacht: string | null;
  client_id: string;
  huishouden: string;
  /** Points covered: [a, b). */
  a: number;
  b: number;
  /** From point c18 on the client is 18 or older, and so on (0: no geboortedatum, as the single stand: 75+). */
  c18: number;
  c27: number;
  c65: number;
  c75: number;
}

type Waarden = Record<string, string | null>;
type Segment = [Waarden, number, number];

export async function standReeks(db: Q, s: Selectie, peildata: string[]): Promise<ZonderMeta<StandRapport>[]> {
  const n = peildata.length;
  const p = new Params();
  const punten = `${p.add(peildata)}::date[]`;
  // Whole years before each peildatum, as the single stand computes them (Temporal, 29 February included).
  const grens = (jaren: number) =>
    `${p.add(peildata.map((d) => Temporal.PlainDate.from(d).subtract({ years: jaren }).toString()))}::date[]`;
  const eerste = peildata[0];
  const laatste = peildata[n - 1];
  // width_bucket(x, points) is the number of points <= x: an item counts on the points from
  // its ingangsdatum up to the day before its einddatum.
  const { rows } = await db.query<ItemRij>(
    `SELECT i.gemeente, i.wet, i.productcategorie, i.leveringsvorm, i.regeling, i.geslacht, i.client_id, i.huishouden,
            width_bucket(i.ingangsdatum - 1, ${punten}) AS a,
            coalesce(width_bucket(i.einddatum - 1, ${punten}), ${n}) AS b,
            ${GRENZEN.map((j) => `coalesce(width_bucket(i.geboortedatum - 1, ${grens(j)}), 0) AS c${j}`).join(', ')}
       FROM ${itemBron(p, s, eerste, laatste)} i
      WHERE ${itemFilter(p, s)}
        AND i.ingangsdatum <= ${p.add(laatste)}::date AND (i.einddatum IS NULL OR i.einddatum > ${p.add(eerste)}::date)`,
    p.values,
  );
  const sets = standSets(s.gemeenten.length === 1);
  const perPunt: StandRij[][] = peildata.map(() => []);
  // As in the single stand: the second half of the sets counts only items whose client is known.
  for (const [deel, items] of [
    [sets.a, rows],
    [sets.b, rows.filter((r) => r.geslacht !== null)],
  ] as const) {
    const entiteiten = [indexen(items, (r) => r.client_id), indexen(items, (r) => r.huishouden)] as const;
    for (const set of deel) tel(set, items, entiteiten, n, perPunt);
  }
  return peildata.map((d, j) => standUitRijen(s, d, perPunt[j]));
}

/** The indexes of the rows per value of a field (a client, a household). */
function indexen(rijen: ItemRij[], veld: (r: ItemRij) => string): number[][] {
  return [
    ...groepeer(
      rijen.map((r, i) => [veld(r), i] as const),
      ([k]) => k,
    ).values(),
  ].map((g) => g.map(([, i]) => i));
}

/**
 * One grouping set over every point: its rows, as the single stand's statement gives them, per
 * point. `entiteiten`: the items of each client and of each household, by index.
 */
function tel(
  set: readonly string[],
  items: ItemRij[],
  [perClient, perHuishouden]: readonly [number[][], number[][]],
  n: number,
  perPunt: StandRij[][],
): void {
  const waarden = new Map<string, Waarden>();
  const sleutel = (w: Waarden) => set.map((k) => w[k] ?? '\u0000').join('\u0001');
  // Each item's segments once: its key(s) and the points where they hold.
  const segs = items.map((r) =>
    segmenten(r, set, n).map(([w, a, b]) => {
      const k = sleutel(w);
      if (!waarden.has(k)) waarden.set(k, w);
      return [k, a, b] as const;
    }),
  );
  const voorzieningen = new Delta(n);
  for (const lijst of segs) for (const [k, a, b] of lijst) voorzieningen.bereik(k, a, b);
  const distinct = (groepen: number[][]) => {
    const delta = new Delta(n);
    for (const groep of groepen) {
      if (groep.length === 1) {
        for (const [k, a, b] of segs[groep[0]]) delta.bereik(k, a, b);
        continue;
      }
      const perSleutel = new Map<string, [number, number][]>();
      for (const i of groep)
        for (const [k, a, b] of segs[i]) {
          const l = perSleutel.get(k);
          if (l) l.push([a, b]);
          else perSleutel.set(k, [[a, b]]);
        }
      for (const [k, bereiken] of perSleutel) voegSamen(delta, k, bereiken);
    }
    return delta.tellingen();
  };
  const v = voorzieningen.tellingen();
  const c = distinct(perClient);
  const h = distinct(perHuishouden);
  const g = gVan(KOLOMMEN, set);
  for (const [k, aantallen] of v) {
    const w = waarden.get(k)!;
    const kolommen = Object.fromEntries(KOLOMMEN.map((kolom) => [kolom, set.includes(kolom) ? w[kolom] : null]));
    for (let j = 0; j < n; j++) {
      if (aantallen[j] === 0) continue;
      perPunt[j].push({
        ...kolommen,
        g,
        voorzieningen: aantallen[j],
        clienten: c.get(k)![j],
        huishoudens: h.get(k)![j],
      } as unknown as StandRij);
    }
  }
}

/** The item's values for the set's columns, over the points where they hold (the age group changes with the peildatum). */
function segmenten(r: ItemRij, set: readonly string[], n: number): Segment[] {
  if (!set.includes('leeftijdsgroep')) return [[r as unknown as Waarden, r.a, r.b]];
  const grenzen = [0, r.c18, r.c27, r.c65, r.c75, n];
  const uit: Segment[] = [];
  for (let i = 0; i < LEEFTIJDSGROEPEN.length; i++) {
    const a = Math.max(r.a, grenzen[i]);
    const b = Math.min(r.b, grenzen[i + 1]);
    if (a < b) uit.push([{ leeftijdsgroep: LEEFTIJDSGROEPEN[i] }, a, b]);
  }
  return uit;
}
