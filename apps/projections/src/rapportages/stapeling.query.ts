import { STAPEL_KLASSEN, type StapelingCijfers, type StapelingGemeente, type StapelingRapport } from './rapportage.types.js';
import { itemBron, itemFilter, kennis, n, Params, type Q, type Selectie, type ZonderMeta } from './sql.js';

export async function stapeling(
  db: Q,
  s: Selectie,
  periode: { peildatum: string } | { van: string; tot: string },
): Promise<ZonderMeta<StapelingRapport>> {
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
  const bron = 'peildatum' in periode ? itemBron(p, s, periode.peildatum, periode.peildatum) : itemBron(p, s, periode.van, periode.tot);
  const { rows } = await db.query<{ soort: string; gemeente: string | null; sleutel: string; g: number; aantal: string }>(
    `WITH items AS (SELECT i.gemeente, i.client_id, i.huishouden, i.wet FROM ${bron} i WHERE ${itemFilter(p, s)} AND ${actief}),
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
    const van = (soort: string) =>
      rows.filter((r) => r.soort === soort && (gemeente === null ? r.g === 1 : r.g === 0 && r.gemeente === gemeente));
    const verdeling = (soort: string) =>
      Object.fromEntries(STAPEL_KLASSEN.map((k) => [k, n(van(soort).find((r) => r.sleutel === k)?.aantal)]));
    return {
      clienten: verdeling('clienten'),
      huishoudens: verdeling('huishoudens'),
      combinaties: Object.fromEntries(
        van('combinaties')
          .sort((x, y) => (x.sleutel < y.sleutel ? -1 : 1))
          .map((r) => [r.sleutel, n(r.aantal)]),
      ),
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
