import { Temporal } from 'temporal-polyfill';
import type { InstroomUitstroomRapport } from '../rapportage.types.js';
import { KOLOMMEN, STROOM_SETS, type StroomRij, stroomUitRijen } from '../instroom-uitstroom.query.js';
import { itemBron, itemFilter, Params, type Q, type Selectie, type ZonderMeta } from '../sql.js';
import { gVan } from '../uitsplitsingen.js';
import { Woordenboek } from './woordenboek.js';

/*
 * In- and uitstroom over many periods at once. The single report counts, per period, the items
 * running the day before it (beginstand), starting in it (instroom), ending in it (uitstroom) and
 * running on its last day (eindstand); per period of a series that was every item once per period
 * it touches. Here the database gives each item's run of periods for the two standen, and the one
 * period of its start and of its end, grouped into counts of alike items; a count per period is a
 * sum of +1 and −1 (as in segmenten.ts), without distinct counts. The rows per period are those of
 * the single report's statement, so its own assembly makes the report.
 */

/** Between the columns in their string, and for a null among them (neither is in a code). */
const SCHEIDING = '\u001f';
const NULL = '\u0001';
/** A period number that is none: the item does not start (end) in any of the periods. */
const GEEN = 255;

/** The columns as one string; the run of periods of the eindstand and the period of instroom; those of the beginstand and uitstroom; how many items. */
type Rij = [string, number, number, string];

/** Per key of a grouping set: its values and the four figures per period (the standen as +1/−1 first). */
interface Stroom {
  waarden: (string | null)[];
  begin: Int32Array;
  eind: Int32Array;
  instroom: Int32Array;
  uitstroom: Int32Array;
}

export async function instroomUitstroomReeks(
  db: Q,
  s: Selectie,
  perioden: { van: string; tot: string }[],
): Promise<ZonderMeta<InstroomUitstroomRapport>[]> {
  const n = perioden.length;
  const p = new Params();
  const vans = `${p.add(perioden.map((x) => x.van))}::date[]`;
  const tots = `${p.add(perioden.map((x) => x.tot))}::date[]`;
  const voors = `${p.add(perioden.map((x) => Temporal.PlainDate.from(x.van).subtract({ days: 1 }).toString()))}::date[]`;
  // [first, end) of the points (days) an item runs on, as in the stand series; the period a date falls in, or GEEN.
  const run = (punten: string) =>
    `width_bucket(i.ingangsdatum - 1, ${punten}) | (coalesce(width_bucket(i.einddatum - 1, ${punten}), ${n}) << 8)`;
  const periode = (datum: string) =>
    `coalesce(CASE WHEN width_bucket(${datum}, ${vans}) > 0 AND ${datum} <= (${tots})[width_bucket(${datum}, ${vans})]
                   THEN width_bucket(${datum}, ${vans}) - 1 END, ${GEEN})`;
  const waarden = [
    ...KOLOMMEN.slice(0, 5).map((k) => `coalesce(i.${k}, ${p.add(NULL)})`),
    `coalesce(i.instroomreden, 'onbekend')`,
    `coalesce(i.uitstroomreden, 'overig')`,
  ];
  const { rows } = await db.query<Rij>({
    text: `SELECT concat_ws(${p.add(SCHEIDING)}, ${waarden.join(', ')}) AS k,
                  ${run(tots)} | (${periode('i.ingangsdatum')} << 16) AS eind_en_in,
                  ${run(voors)} | (${periode('i.einddatum')} << 16) AS begin_en_uit, count(*)
             FROM ${itemBron(p, s, perioden[0].van, perioden[n - 1].tot)} i
            WHERE ${itemFilter(p, s)} AND i.ingangsdatum <= (${tots})[${n}] AND (i.einddatum IS NULL OR i.einddatum >= (${vans})[1])
            GROUP BY 1, 2, 3`,
    values: p.values,
    rowMode: 'array',
  });

  // Per combination of the columns, the key it has in each grouping set.
  const combinaties = new Woordenboek<string>();
  const sleutels: Int32Array[] = [];
  const sets = STROOM_SETS.map((set) => ({
    set,
    kolommen: set.map((k) => KOLOMMEN.indexOf(k)),
    namen: new Woordenboek<string>(),
    stromen: [] as Stroom[],
  }));
  for (const [k, eind, begin, aantalTekst] of rows) {
    const c = combinaties.nummer(k);
    if (c === sleutels.length) {
      const w = k.split(SCHEIDING).map((x) => (x === NULL ? null : x));
      sleutels.push(
        Int32Array.from(sets, (x) => {
          const nummer = x.namen.nummer(x.kolommen.map((i) => w[i]).join(SCHEIDING));
          if (nummer === x.stromen.length) {
            const z = () => new Int32Array(n + 1);
            x.stromen.push({ waarden: x.kolommen.map((i) => w[i]), begin: z(), eind: z(), instroom: z(), uitstroom: z() });
          }
          return nummer;
        }),
      );
    }
    const aantal = Number(aantalTekst);
    for (let x = 0; x < sets.length; x++) {
      const st = sets[x].stromen[sleutels[c][x]];
      st.eind[eind & 0xff] += aantal;
      st.eind[(eind >> 8) & 0xff] -= aantal;
      st.begin[begin & 0xff] += aantal;
      st.begin[(begin >> 8) & 0xff] -= aantal;
      if (eind >> 16 !== GEEN) st.instroom[eind >> 16] += aantal;
      if (begin >> 16 !== GEEN) st.uitstroom[begin >> 16] += aantal;
    }
  }

  const perPeriode: StroomRij[][] = perioden.map(() => []);
  for (const { set, stromen } of sets) {
    const g = gVan(KOLOMMEN, set);
    for (const st of stromen) {
      const kolommen = Object.fromEntries(KOLOMMEN.map((kolom) => [kolom, set.includes(kolom) ? st.waarden[set.indexOf(kolom)] : null]));
      for (let j = 0, beginstand = 0, eindstand = 0; j < n; j++) {
        beginstand += st.begin[j];
        eindstand += st.eind[j];
        if (beginstand || eindstand || st.instroom[j] || st.uitstroom[j])
          perPeriode[j].push({
            ...kolommen,
            g,
            beginstand,
            instroom: st.instroom[j],
            uitstroom: st.uitstroom[j],
            eindstand,
          } as unknown as StroomRij);
      }
    }
  }
  return perioden.map(({ van, tot }, j) => stroomUitRijen(van, tot, perPeriode[j]));
}
