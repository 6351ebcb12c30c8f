import type { BezwarenCijfers, BezwarenRapport } from './rapportage.types.js';
import { kennis, n, Params, type Q, type Selectie, type ZonderMeta } from './sql.js';

export async function bezwaren(db: Q, s: Selectie, van: string, tot: string): Promise<ZonderMeta<BezwarenRapport>> {
  const p = new Params();
  const a = p.add(van);
  const b = p.add(tot);
  // Only bezwaren received or handled in the period count: each condition has its index.
  const w = [
    `z.gemeente = ANY(${p.add(s.gemeenten)}::text[])`,
    `(z.ontvangen_op BETWEEN ${a}::date AND ${b}::date OR z.afgehandeld_op BETWEEN ${a}::date AND ${b}::date)`,
    kennis(p, s, 'z'),
    'NOT z.ingetrokken',
  ];
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
