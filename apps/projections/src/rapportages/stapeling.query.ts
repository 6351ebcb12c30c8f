import { STAPEL_KLASSEN, type StapelingCijfers, type StapelingGemeente, type StapelingRapport } from './rapportage.types.js';
import { itemBron, itemFilter, kennis, n, Params, type Q, type Selectie, type ZonderMeta } from './sql.js';

/** A row of the stapeling statement; `nr` is the point of a series (reeks/stapeling.reeks.ts), 1 here. */
export type StapelRij = { nr: string; soort: string; gemeente: string | null; sleutel: string; g: number; aantal: string };
type Bevolking = { gemeente: string; jaar: number; inwoners: number; huishoudens: number };

export async function stapeling(
  db: Q,
  s: Selectie,
  periode: { peildatum: string } | { van: string; tot: string },
): Promise<ZonderMeta<StapelingRapport>> {
  const p = new Params();
  // On a peildatum the items running that day; over a period (CBS) every item active on at least one of its days.
  const [van, tot] = 'peildatum' in periode ? [periode.peildatum, periode.peildatum] : [periode.van, periode.tot];
  const a = p.add(van);
  const b = p.add(tot);
  const einde = 'peildatum' in periode ? `i.einddatum > ${a}::date` : `i.einddatum >= ${a}::date`;
  const items = `SELECT i.gemeente, i.client_id, i.huishouden, i.wet FROM ${itemBron(p, s, van, tot)} i
                  WHERE ${itemFilter(p, s)} AND i.ingangsdatum <= ${b}::date AND (i.einddatum IS NULL OR ${einde})`;
  const { rows } = await db.query<StapelRij>(stapelSql(items), p.values);
  const jaar = Number(tot.slice(0, 4));
  return stapelingUitRijen(periode, jaar, rows, await bevolking(db, s, [jaar]));
}

/** Items per client and household, and the combinations of wetten. */
function stapelSql(items: string): string {
  return `WITH items AS (${items}),
     per_client AS (SELECT gemeente, client_id, CASE WHEN count(*) >= 6 THEN '6+' ELSE count(*)::text END AS klasse,
                           string_agg(DISTINCT wet, '+' ORDER BY wet) AS combinatie
                      FROM items GROUP BY gemeente, client_id),
     per_huishouden AS (SELECT gemeente, CASE WHEN count(*) >= 6 THEN '6+' ELSE count(*)::text END AS klasse
                          FROM items GROUP BY gemeente, huishouden)
     SELECT 1 AS nr, 'clienten' AS soort, gemeente, klasse AS sleutel, GROUPING(gemeente) AS g, count(*) AS aantal
       FROM per_client GROUP BY GROUPING SETS ((klasse), (gemeente, klasse))
     UNION ALL
     SELECT 1, 'huishoudens', gemeente, klasse, GROUPING(gemeente), count(*)
       FROM per_huishouden GROUP BY GROUPING SETS ((klasse), (gemeente, klasse))
     UNION ALL
     SELECT 1, 'combinaties', gemeente, combinatie, GROUPING(gemeente), count(*)
       FROM per_client GROUP BY GROUPING SETS ((combinatie), (gemeente, combinatie))`;
}

/** The population figures of these years, as known at the kennisdatum. */
export async function bevolking(db: Q, s: Selectie, jaren: number[]): Promise<Bevolking[]> {
  const bq = new Params();
  const { rows } = await db.query<Bevolking>(
    `SELECT b.gemeente, b.jaar, b.inwoners, b.huishoudens FROM rm_bevolking b
      WHERE b.gemeente = ANY(${bq.add(s.gemeenten)}::text[]) AND b.jaar = ANY(${bq.add(jaren)}::int[]) AND ${kennis(bq, s, 'b')}`,
    bq.values,
  );
  return rows;
}

export function stapelingUitRijen(
  periode: { peildatum: string } | { van: string; tot: string },
  jaar: number,
  rows: StapelRij[],
  inwoners: Bevolking[],
): ZonderMeta<StapelingRapport> {
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
  const gemeenten = [...new Set(rows.filter((r) => r.g === 0).map((r) => r.gemeente!))].sort();
  const som = (m: Record<string, number | null>) => Object.values(m).reduce<number>((t, v) => t + (v ?? 0), 0);
  const perGemeente: StapelingGemeente[] = gemeenten.map((gemeente) => {
    const c = cijfers(gemeente);
    const b = inwoners.find((x) => x.gemeente === gemeente && x.jaar === jaar);
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
