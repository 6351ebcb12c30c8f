import { STAPEL_KLASSEN, type StapelingCijfers, type StapelingGemeente, type StapelingRapport } from './rapportage.types.js';
import { gedekt, itemBron, itemFilter, kennis, n, Params, perPunt, type Q, type Selectie, type ZonderMeta } from './sql.js';

type StapelRij = { nr: string; soort: string; gemeente: string | null; sleutel: string; g: number; aantal: string };
type Bevolking = { gemeente: string; jaar: number; inwoners: number; huishoudens: number };

export async function stapeling(
  db: Q,
  s: Selectie,
  periode: { peildatum: string } | { van: string; tot: string },
): Promise<ZonderMeta<StapelingRapport>> {
  if ('peildatum' in periode) return (await stapelingPerPeildatum(db, s, [periode.peildatum]))[0];
  // CBS: every item active on at least one day of the period.
  const p = new Params();
  const a = p.add(periode.van);
  const b = p.add(periode.tot);
  const items = `SELECT 1 AS nr, i.gemeente, i.client_id, i.huishouden, i.wet FROM ${itemBron(p, s, periode.van, periode.tot)} i
                  WHERE ${itemFilter(p, s)} AND i.ingangsdatum <= ${b}::date AND (i.einddatum IS NULL OR i.einddatum >= ${a}::date)`;
  const { rows } = await db.query<StapelRij>(stapelSql(items, false), p.values);
  const jaar = Number(periode.tot.slice(0, 4));
  return stapelingUitRijen(periode, jaar, rows, await bevolking(db, s, [jaar]));
}

/** Stapeling on each of the peildata (ascending), in one statement counted per peildatum (`nr`). */
export async function stapelingPerPeildatum(db: Q, s: Selectie, peildata: string[]): Promise<ZonderMeta<StapelingRapport>[]> {
  const p = new Params();
  const punten = p.add(peildata);
  const items = `SELECT nr, i.gemeente, i.client_id, i.huishouden, i.wet
                   FROM ${itemBron(p, s, peildata[0], peildata[peildata.length - 1])} i
                  ${gedekt(`${punten}::date[]`, 'i.ingangsdatum', 'i.einddatum', peildata.length)}
                  WHERE ${itemFilter(p, s)}`;
  const { rows } = await db.query<StapelRij>(stapelSql(items, peildata.length > 1), p.values);
  const jaren = peildata.map((d) => Number(d.slice(0, 4)));
  const inwoners = await bevolking(db, s, [...new Set(jaren)]);
  const perPeildatum = perPunt(rows, peildata.length);
  return peildata.map((peildatum, j) => stapelingUitRijen({ peildatum }, jaren[j], perPeildatum[j], inwoners));
}

/**
 * Items per client and household, and the combinations of wetten, per `nr` of the items. Over one
 * point or period (a single report) not grouped by it: the extra sort key costs the report time.
 */
function stapelSql(items: string, perNr: boolean): string {
  const nr = perNr ? 'nr, ' : '';
  const kolom = perNr ? 'nr' : '1 AS nr';
  return `WITH items AS (${items}),
     per_client AS (SELECT ${nr}gemeente, client_id, CASE WHEN count(*) >= 6 THEN '6+' ELSE count(*)::text END AS klasse,
                           string_agg(DISTINCT wet, '+' ORDER BY wet) AS combinatie
                      FROM items GROUP BY ${nr}gemeente, client_id),
     per_huishouden AS (SELECT ${nr}gemeente, CASE WHEN count(*) >= 6 THEN '6+' ELSE count(*)::text END AS klasse
                          FROM items GROUP BY ${nr}gemeente, huishouden)
     SELECT ${kolom}, 'clienten' AS soort, gemeente, klasse AS sleutel, GROUPING(gemeente) AS g, count(*) AS aantal
       FROM per_client GROUP BY GROUPING SETS ((${nr}klasse), (${nr}gemeente, klasse))
     UNION ALL
     SELECT ${kolom}, 'huishoudens', gemeente, klasse, GROUPING(gemeente), count(*)
       FROM per_huishouden GROUP BY GROUPING SETS ((${nr}klasse), (${nr}gemeente, klasse))
     UNION ALL
     SELECT ${kolom}, 'combinaties', gemeente, combinatie, GROUPING(gemeente), count(*)
       FROM per_client GROUP BY GROUPING SETS ((${nr}combinatie), (${nr}gemeente, combinatie))`;
}

/** The population figures of these years, as known at the kennisdatum. */
async function bevolking(db: Q, s: Selectie, jaren: number[]): Promise<Bevolking[]> {
  const bq = new Params();
  const { rows } = await db.query<Bevolking>(
    `SELECT b.gemeente, b.jaar, b.inwoners, b.huishoudens FROM rm_bevolking b
      WHERE b.gemeente = ANY(${bq.add(s.gemeenten)}::text[]) AND b.jaar = ANY(${bq.add(jaren)}::int[]) AND ${kennis(bq, s, 'b')}`,
    bq.values,
  );
  return rows;
}

function stapelingUitRijen(
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
