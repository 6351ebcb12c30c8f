import type { BezwarenCijfers, BezwarenRapport } from './rapportage.types.js';
import { kennis, n, Params, perPunt, type Q, type Selectie, type ZonderMeta } from './sql.js';

type BezwaarRij = { nr: string; soort: string; gemeente: string | null; sleutel: string | null; g: number; aantal: string };

export async function bezwaren(db: Q, s: Selectie, van: string, tot: string): Promise<ZonderMeta<BezwarenRapport>> {
  return (await bezwarenPerPeriode(db, s, [{ van, tot }]))[0];
}

/** Bezwaren in each of the periods (ascending), in one statement counted per period (`nr`). */
export async function bezwarenPerPeriode(
  db: Q,
  s: Selectie,
  perioden: { van: string; tot: string }[],
): Promise<ZonderMeta<BezwarenRapport>[]> {
  const p = new Params();
  const a = p.add(perioden[0].van);
  const b = p.add(perioden[perioden.length - 1].tot);
  const vans = p.add(perioden.map((x) => x.van));
  const tots = p.add(perioden.map((x) => x.tot));
  // Only bezwaren received or handled in the whole range are read: each condition has its index.
  const w = [
    `z.gemeente = ANY(${p.add(s.gemeenten)}::text[])`,
    `(z.ontvangen_op BETWEEN ${a}::date AND ${b}::date OR z.afgehandeld_op BETWEEN ${a}::date AND ${b}::date)`,
    kennis(p, s, 'z'),
    'NOT z.ingetrokken',
  ];
  if (s.wet) w.push(`z.wet = ${p.add(s.wet)}`);
  const { rows } = await db.query<BezwaarRij>(
    `WITH z AS (
       SELECT pt.nr, z.gemeente, z.onderwerp, z.uitkomst,
              z.ontvangen_op BETWEEN pt.van AND pt.tot AS ontvangen,
              z.afgehandeld_op BETWEEN pt.van AND pt.tot AS afgehandeld,
              z.afgehandeld_op <= z.uiterlijke_beslisdatum AS op_tijd
         FROM rm_bezwaar z
         JOIN unnest(${vans}::date[], ${tots}::date[]) WITH ORDINALITY AS pt(van, tot, nr)
           ON z.ontvangen_op BETWEEN pt.van AND pt.tot OR z.afgehandeld_op BETWEEN pt.van AND pt.tot
        WHERE ${w.join(' AND ')})
     SELECT nr, 'ontvangen' AS soort, gemeente, NULL AS sleutel, GROUPING(gemeente) AS g, count(*) AS aantal FROM z WHERE ontvangen GROUP BY GROUPING SETS ((nr), (nr, gemeente))
     UNION ALL
     SELECT nr, 'afgehandeld', gemeente, NULL, GROUPING(gemeente), count(*) FROM z WHERE afgehandeld GROUP BY GROUPING SETS ((nr), (nr, gemeente))
     UNION ALL
     SELECT nr, 'binnenTermijn', gemeente, NULL, GROUPING(gemeente), count(*) FROM z WHERE afgehandeld AND op_tijd GROUP BY GROUPING SETS ((nr), (nr, gemeente))
     UNION ALL
     SELECT nr, 'perUitkomst', gemeente, uitkomst, GROUPING(gemeente), count(*) FROM z WHERE afgehandeld GROUP BY GROUPING SETS ((nr, uitkomst), (nr, gemeente, uitkomst))
     UNION ALL
     SELECT nr, 'perOnderwerp', gemeente, onderwerp, GROUPING(gemeente), count(*) FROM z WHERE ontvangen GROUP BY GROUPING SETS ((nr, onderwerp), (nr, gemeente, onderwerp))`,
    p.values,
  );
  const perPeriode = perPunt(rows, perioden.length);
  return perioden.map(({ van, tot }, j) => bezwarenUitRijen(van, tot, perPeriode[j]));
}

function bezwarenUitRijen(van: string, tot: string, rows: BezwaarRij[]): ZonderMeta<BezwarenRapport> {
  const cijfers = (gemeente: string | null): BezwarenCijfers => {
    const van = (soort: string) =>
      rows.filter((r) => r.soort === soort && (gemeente === null ? r.g === 1 : r.g === 0 && r.gemeente === gemeente));
    const map = (soort: string) =>
      Object.fromEntries(
        van(soort)
          .sort((x, y) => (x.sleutel! < y.sleutel! ? -1 : 1))
          .map((r) => [r.sleutel!, n(r.aantal)]),
      );
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
