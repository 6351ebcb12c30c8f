import { Temporal } from 'temporal-polyfill';
import type { InstroomUitstroomRapport, StroomCijfers } from './rapportage.types.js';
import { itemBron, itemFilter, n, Params, type Q, type Selectie, type ZonderMeta } from './sql.js';
import { GEDEELDE_KOLOMMEN, gVan, GROEPEN, groupingSets, type Kolommen, uitsplitsingen } from './uitsplitsingen.js';

/** The GROUPING() columns: the shared breakdowns, then the two reasons. */
export const KOLOMMEN: Kolommen = [...GEDEELDE_KOLOMMEN, 'instroomreden', 'uitstroomreden'];
/** The grouping sets: the shared ones, and the reasons (two more sets of the same scan). */
export const STROOM_SETS: readonly (readonly string[])[] = [...Object.values(GROEPEN), ['instroomreden'], ['uitstroomreden']];

export type StroomRij = Record<string, string | null> & {
  g: number;
  beginstand: string;
  instroom: string;
  uitstroom: string;
  eindstand: string;
};

const dagVoor = (d: string): string => Temporal.PlainDate.from(d).subtract({ days: 1 }).toString();

/** In- and uitstroom over one period in one statement; a series of periods is reeks/instroom-uitstroom.reeks.ts. */
export async function instroomUitstroom(db: Q, s: Selectie, van: string, tot: string): Promise<ZonderMeta<InstroomUitstroomRapport>> {
  const p = new Params();
  const a = `${p.add(van)}::date`;
  const b = `${p.add(tot)}::date`;
  const voor = `${p.add(dagVoor(van))}::date`;
  const { rows } = await db.query<StroomRij>(
    `WITH items AS (
       SELECT i.gemeente, i.wet, i.productcategorie, i.leveringsvorm, i.regeling,
              coalesce(i.instroomreden, 'onbekend') AS instroomreden, coalesce(i.uitstroomreden, 'overig') AS uitstroomreden,
              (i.ingangsdatum <= ${voor} AND (i.einddatum IS NULL OR i.einddatum > ${voor})) AS in_begin,
              (i.ingangsdatum BETWEEN ${a} AND ${b}) AS in_stroom,
              (i.einddatum BETWEEN ${a} AND ${b}) AS uit_stroom,
              (i.ingangsdatum <= ${b} AND (i.einddatum IS NULL OR i.einddatum > ${b})) AS in_eind
         FROM ${itemBron(p, s, van, tot)} i
        WHERE ${itemFilter(p, s)} AND i.ingangsdatum <= ${b} AND (i.einddatum IS NULL OR i.einddatum >= ${a}))
     SELECT ${KOLOMMEN.join(', ')},
            GROUPING(${KOLOMMEN.join(', ')}) AS g,
            count(*) FILTER (WHERE in_begin) AS beginstand, count(*) FILTER (WHERE in_stroom) AS instroom,
            count(*) FILTER (WHERE uit_stroom) AS uitstroom, count(*) FILTER (WHERE in_eind) AS eindstand
       FROM items
      GROUP BY ${groupingSets(STROOM_SETS)}`,
    p.values,
  );
  return stroomUitRijen(van, tot, rows);
}

export function stroomUitRijen(van: string, tot: string, rows: StroomRij[]): ZonderMeta<InstroomUitstroomRapport> {
  const cijfers = (r: StroomRij): StroomCijfers => ({
    beginstand: n(r.beginstand),
    instroom: n(r.instroom),
    uitstroom: n(r.uitstroom),
    eindstand: n(r.eindstand),
  });
  const totaal = rows.find((r) => r.g === gVan(KOLOMMEN, GROEPEN.totaal));
  const perReden = (veld: 'instroomreden' | 'uitstroomreden', aantal: 'instroom' | 'uitstroom') =>
    Object.fromEntries(
      rows
        .filter((r) => r.g === gVan(KOLOMMEN, [veld]) && n(r[aantal]) > 0)
        .sort((x, y) => (x[veld]! < y[veld]! ? -1 : 1))
        .map((r) => [r[veld]!, n(r[aantal])]),
    );
  return {
    van,
    tot,
    totaal: {
      ...(totaal ? cijfers(totaal) : { beginstand: 0, instroom: 0, uitstroom: 0, eindstand: 0 }),
      instroomPerReden: perReden('instroomreden', 'instroom'),
      uitstroomPerReden: perReden('uitstroomreden', 'uitstroom'),
    },
    // A breakdown row is shown when it has something to show in any of the four figures.
    ...uitsplitsingen(KOLOMMEN, rows, cijfers, (r) => Boolean(n(r.beginstand) || n(r.instroom) || n(r.uitstroom) || n(r.eindstand))),
  };
}
