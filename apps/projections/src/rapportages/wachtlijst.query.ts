import { WACHTTIJD_KLASSEN, type WachtlijstCijfers, type WachtlijstRapport } from './rapportage.types.js';
import { aanmeldingBron, gedekt, itemBron, itemFilter, kennis, n, Params, perPunt, type Q, type Selectie, type ZonderMeta } from './sql.js';

export async function wachtlijst(
  db: Q,
  s: Selectie,
  peildatum: string,
  normen: Record<string, number>,
): Promise<ZonderMeta<WachtlijstRapport>> {
  return (await wachtlijsten(db, s, [peildatum], normen))[0];
}

/**
 * The wachtlijst on each of the peildata (ascending), in two statements: every row is joined to the
 * peildata it is open on and counted per peildatum (`nr`). One peildatum is the single report.
 */
export async function wachtlijsten(
  db: Q,
  s: Selectie,
  peildata: string[],
  normen: Record<string, number>,
): Promise<ZonderMeta<WachtlijstRapport>[]> {
  const eerste = peildata[0];
  const laatste = peildata[peildata.length - 1];
  const p = new Params();
  const punten = p.add(peildata);
  const normJson = p.add(JSON.stringify(normen));
  // Aanmeldingen have no productcategorie, leveringsvorm or regeling: such a filter leaves none.
  const aanmeldingenMogelijk = !s.productcategorie && !s.leveringsvorm && !s.regeling;
  const aw = [
    `a.gemeente = ANY(${p.add(s.gemeenten)}::text[])`,
    kennis(p, s, 'a'),
    'NOT a.ingetrokken',
    aanmeldingenMogelijk ? 'true' : 'false',
  ];
  if (s.wet) aw.push(`a.wet = ${p.add(s.wet)}`);
  const { rows: aanmeldingen } = await db.query<{
    nr: string;
    gemeente: string | null;
    wet: string | null;
    klasse: string | null;
    g: number;
    aantal: string;
    boven: string;
  }>(
    `WITH wachtend AS (
       SELECT nr, a.gemeente, a.wet, ((${punten}::date[])[nr] - a.ontvangen_op) AS wachttijd,
              ((${punten}::date[])[nr] - a.ontvangen_op) > coalesce((${normJson}::jsonb ->> a.wet)::int, 2147483647) AS boven
         FROM ${aanmeldingBron(p, s, eerste, laatste)} a
        ${gedekt(`${punten}::date[]`, 'a.ontvangen_op', 'a.afgerond_op', peildata.length)}
        WHERE ${aw.join(' AND ')}),
     geklasseerd AS (
       SELECT *, CASE WHEN wachttijd <= 14 THEN '0-14' WHEN wachttijd <= 28 THEN '15-28' WHEN wachttijd <= 42 THEN '29-42'
                      WHEN wachttijd <= 56 THEN '43-56' WHEN wachttijd <= 91 THEN '57-91' ELSE '92+' END AS klasse
         FROM wachtend)
     SELECT nr, gemeente, wet, klasse, GROUPING(gemeente, wet, klasse) AS g, count(*) AS aantal, count(*) FILTER (WHERE boven) AS boven
       FROM geklasseerd GROUP BY GROUPING SETS ((nr), (nr, gemeente), (nr, wet), (nr, klasse))`,
    p.values,
  );
  const q = new Params();
  const punten2 = q.add(peildata);
  const { rows: nietGestart } = await db.query<{ nr: string; gemeente: string | null; wet: string | null; g: number; aantal: string }>(
    `SELECT nr, gemeente, wet, GROUPING(gemeente, wet) AS g, count(*) AS aantal
       FROM ${itemBron(q, s, eerste, laatste)} i
      -- waiting from the besluit until the levering starts or the voorziening ends (least skips NULL)
      ${gedekt(`${punten2}::date[]`, 'i.besluitdatum', 'least(i.levering_start, i.einddatum)', peildata.length)}
      WHERE ${itemFilter(q, s)} AND i.soort = 'voorziening'
      GROUP BY GROUPING SETS ((nr), (nr, gemeente), (nr, wet))`,
    q.values,
  );
  const [wachtend, ng] = [perPunt(aanmeldingen, peildata.length), perPunt(nietGestart, peildata.length)];
  return peildata.map((peildatum, j) => wachtlijstUitRijen(peildatum, normen, wachtend[j], ng[j]));
}

function wachtlijstUitRijen(
  peildatum: string,
  normen: Record<string, number>,
  aanmeldingen: { gemeente: string | null; wet: string | null; klasse: string | null; g: number; aantal: string; boven: string }[],
  nietGestart: { gemeente: string | null; wet: string | null; g: number; aantal: string }[],
): ZonderMeta<WachtlijstRapport> {
  const rij = (aanm?: { aantal: string; boven: string }, ng?: { aantal: string }): WachtlijstCijfers => ({
    aanmeldingen: n(aanm?.aantal),
    aanmeldingenBovenNorm: n(aanm?.boven),
    nietGestart: n(ng?.aantal),
  });
  const per = (veld: 'gemeente' | 'wet', gA: number, gN: number) => {
    const sleutels = new Set([
      ...aanmeldingen.filter((r) => r.g === gA).map((r) => r[veld]!),
      ...nietGestart.filter((r) => r.g === gN).map((r) => r[veld]!),
    ]);
    return [...sleutels].sort().map((k) => ({
      [veld]: k,
      ...rij(
        aanmeldingen.find((r) => r.g === gA && r[veld] === k),
        nietGestart.find((r) => r.g === gN && r[veld] === k),
      ),
    }));
  };
  return {
    peildatum,
    normen,
    totaal: rij(
      aanmeldingen.find((r) => r.g === 7),
      nietGestart.find((r) => r.g === 3),
    ),
    perGemeente: per('gemeente', 3, 1) as WachtlijstRapport['perGemeente'],
    perWet: per('wet', 5, 2) as WachtlijstRapport['perWet'],
    wachttijdVerdeling: WACHTTIJD_KLASSEN.map((klasse) => ({
      klasse,
      aanmeldingen: n(aanmeldingen.find((r) => r.g === 6 && r.klasse === klasse)?.aantal),
    })),
  };
}
