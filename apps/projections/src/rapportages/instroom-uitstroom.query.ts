import { Temporal } from 'temporal-polyfill';
import type { InstroomUitstroomRapport, StroomCijfers } from './rapportage.types.js';
import { itemBron, itemFilter, n, Params, perPunt, type Q, type Selectie, type ZonderMeta } from './sql.js';
import { GEDEELDE_KOLOMMEN, gVan, GROEPEN, groupingSets, type Kolommen, uitsplitsingen } from './uitsplitsingen.js';

/** The GROUPING() columns: the shared breakdowns, then the two reasons. */
const KOLOMMEN: Kolommen = [...GEDEELDE_KOLOMMEN, 'instroomreden', 'uitstroomreden'];

type StroomRij = Record<string, string | null> & { g: number; beginstand: string; instroom: string; uitstroom: string; eindstand: string };

const dagVoor = (d: string): string => Temporal.PlainDate.from(d).subtract({ days: 1 }).toString();

export async function instroomUitstroom(db: Q, s: Selectie, van: string, tot: string): Promise<ZonderMeta<InstroomUitstroomRapport>> {
  return (await instroomUitstroomPerPeriode(db, s, [{ van, tot }]))[0];
}

/**
 * In- and uitstroom in each of the periods (ascending) in one statement: every item is joined to the
 * periods it touches and counted per period (`nr`). One period is the single report.
 */
export async function instroomUitstroomPerPeriode(
  db: Q,
  s: Selectie,
  perioden: { van: string; tot: string }[],
): Promise<ZonderMeta<InstroomUitstroomRapport>[]> {
  const p = new Params();
  const vans = p.add(perioden.map((x) => x.van));
  const tots = p.add(perioden.map((x) => x.tot));
  const voors = p.add(perioden.map((x) => dagVoor(x.van)));
  // One scan for the figures and the reasons: the reasons are two more grouping sets.
  const { rows } = await db.query<StroomRij & { nr: string }>(
    `WITH items AS (
       SELECT pt.nr, i.gemeente, i.wet, i.productcategorie, i.leveringsvorm, i.regeling,
              coalesce(i.instroomreden, 'onbekend') AS instroomreden, coalesce(i.uitstroomreden, 'overig') AS uitstroomreden,
              (i.ingangsdatum <= pt.voor AND (i.einddatum IS NULL OR i.einddatum > pt.voor)) AS in_begin,
              (i.ingangsdatum BETWEEN pt.van AND pt.tot) AS in_stroom,
              (i.einddatum BETWEEN pt.van AND pt.tot) AS uit_stroom,
              (i.ingangsdatum <= pt.tot AND (i.einddatum IS NULL OR i.einddatum > pt.tot)) AS in_eind
         FROM ${itemBron(p, s, perioden[0].van, perioden[perioden.length - 1].tot)} i
        ${
          perioden.length === 1
            ? `JOIN (SELECT 1 AS nr, (${vans}::date[])[1] AS van, (${tots}::date[])[1] AS tot, (${voors}::date[])[1] AS voor) pt
                 ON i.ingangsdatum <= pt.tot AND (i.einddatum IS NULL OR i.einddatum >= pt.van)`
            : // the periods the item touches: those ending on or after its ingangsdatum and beginning on or before its einddatum
              `CROSS JOIN LATERAL (SELECT nr, (${vans}::date[])[nr] AS van, (${tots}::date[])[nr] AS tot, (${voors}::date[])[nr] AS voor
                                     FROM generate_series(width_bucket(i.ingangsdatum - 1, ${tots}::date[]) + 1,
                                                          coalesce(width_bucket(i.einddatum, ${vans}::date[]), ${perioden.length})) AS nr) pt`
        }
        WHERE ${itemFilter(p, s)})
     SELECT nr, ${KOLOMMEN.join(', ')},
            GROUPING(${KOLOMMEN.join(', ')}) AS g,
            count(*) FILTER (WHERE in_begin) AS beginstand, count(*) FILTER (WHERE in_stroom) AS instroom,
            count(*) FILTER (WHERE uit_stroom) AS uitstroom, count(*) FILTER (WHERE in_eind) AS eindstand
       FROM items
      GROUP BY ${groupingSets([...Object.values(GROEPEN), ['instroomreden'], ['uitstroomreden']].map((set) => ['nr', ...set]))}`,
    p.values,
  );
  const perPeriode = perPunt(rows, perioden.length);
  return perioden.map(({ van, tot }, j) => stroomUitRijen(van, tot, perPeriode[j]));
}

function stroomUitRijen(van: string, tot: string, rows: StroomRij[]): ZonderMeta<InstroomUitstroomRapport> {
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
