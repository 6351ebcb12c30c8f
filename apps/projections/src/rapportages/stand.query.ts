import { Temporal } from 'temporal-polyfill';
import { LEEFTIJDSGROEPEN, type StandCijfers, type StandRapport } from './rapportage.types.js';
import { itemBron, itemFilter, n, Params, type Selectie, type Snapshot, sorteer, type ZonderMeta } from './sql.js';
import { bit, GEDEELDE_KOLOMMEN, gVan, GROEPEN, groupingSets, type Kolommen, uitsplitsingen } from './uitsplitsingen.js';

/** The stand's GROUPING() columns: the shared breakdowns, then age and geslacht of the client. */
export const KOLOMMEN: Kolommen = [...GEDEELDE_KOLOMMEN, 'leeftijdsgroep', 'geslacht'];

/**
 * Age group at the peildatum: the birth dates that separate the groups, worked out once (a client
 * born after the date of turning 18 is 0-17), so the database compares dates instead of computing
 * an age per row.
 */
function leeftijdSql(p: Params, peildatum: string): string {
  const d = Temporal.PlainDate.from(peildatum);
  const grens = (jaren: number) => `${p.add(d.subtract({ years: jaren }).toString())}::date`;
  // A forgotten client has no geboortedatum: its age is `onbekend`.
  return `CASE
    WHEN i.geboortedatum IS NULL THEN 'onbekend'
    WHEN i.geboortedatum > ${grens(18)} THEN '0-17'
    WHEN i.geboortedatum > ${grens(27)} THEN '18-26'
    WHEN i.geboortedatum > ${grens(65)} THEN '27-64'
    WHEN i.geboortedatum > ${grens(75)} THEN '65-74'
    ELSE '75+' END`;
}

export type StandRij = Record<string, string | null> & { g: number; voorzieningen: string; clienten: string; huishoudens: string };

/**
 * One statement over some of the grouping sets. It groups only by the columns of its own sets, so it
 * sets the bits of the other columns itself: g means the same in every statement of the stand.
 */
function deel(s: Selectie, peildatum: string, sets: readonly (readonly string[])[]): { text: string; values: unknown[] } {
  const eigen = KOLOMMEN.filter((k) => sets.some((set) => set.includes(k)));
  const p = new Params();
  const d = p.add(peildatum);
  const metClient = eigen.includes('leeftijdsgroep') || eigen.includes('geslacht');
  const waarde = (k: string) => (k === 'leeftijdsgroep' ? leeftijdSql(p, peildatum) : `i.${k}`);
  const altijd = KOLOMMEN.filter((k) => !eigen.includes(k)).reduce((g, k) => g | bit(KOLOMMEN, k), 0);
  return {
    text: `WITH items AS (
       SELECT ${eigen.map((k) => `${waarde(k)} AS ${k}`).join(', ')}, i.client_id, i.huishouden
         FROM ${itemBron(p, s, peildatum, peildatum)} i
        WHERE ${itemFilter(p, s)} ${metClient ? 'AND i.geslacht IS NOT NULL' : ''}
          AND i.ingangsdatum <= ${d}::date AND (i.einddatum IS NULL OR i.einddatum > ${d}::date))
     SELECT ${eigen.join(', ')}, ${[String(altijd), ...eigen.map((k) => `(GROUPING(${k}) * ${bit(KOLOMMEN, k)})`)].join(' | ')} AS g,
            count(*) AS voorzieningen, count(DISTINCT client_id) AS clienten,
            count(DISTINCT huishouden) AS huishoudens
       FROM items
      GROUP BY ${groupingSets(sets)}`,
    values: p.values,
  };
}

/**
 * The grouping sets of the stand in two halves, each one statement: the second counts only items
 * whose client is known (age and geslacht come from the client).
 */
export function standSets(eenGemeente: boolean) {
  return {
    a: [
      GROEPEN.totaal,
      ...(eenGemeente ? [] : [GROEPEN.perGemeente]),
      GROEPEN.perWet,
      GROEPEN.perProductcategorie,
      GROEPEN.perLeveringsvorm,
    ],
    b: [GROEPEN.perRegeling, ['leeftijdsgroep'], ['geslacht']],
  } as const satisfies Record<string, readonly (readonly string[])[]>;
}

export async function stand(db: Snapshot, s: Selectie, peildatum: string): Promise<ZonderMeta<StandRapport>> {
  // Counting distinct clients and huishoudens sorts the items once per grouping set: the sets are
  // split over two statements, which run at the same time on two connections of one snapshot. A
  // huishouden is a uuid (see the projector), as cheap to count as a client. The client's age and
  // geslacht are on the item rows (the projection copies them from rm_client): an item whose client
  // is unknown counts in the totals but not under regeling, age or geslacht, as when this joined
  // the clients.
  //
  // Asked for one gemeente, its row equals the total: not counted a second time. The sets are split
  // so that both statements take about as long.
  const sets = standSets(s.gemeenten.length === 1);
  const a = deel(s, peildatum, sets.a);
  const b = deel(s, peildatum, sets.b);
  const [ra, rb] = await Promise.all([db.query<StandRij>(a.text, a.values), (db.naast ?? db).query<StandRij>(b.text, b.values)]);
  return standUitRijen(s, peildatum, [...ra.rows, ...rb.rows]);
}

/** The stand out of its grouping rows (g as in `deel`); the series builds the same rows per peildatum. */
export function standUitRijen(s: Selectie, peildatum: string, rows: StandRij[]): ZonderMeta<StandRapport> {
  const eenGemeente = s.gemeenten.length === 1;
  const cijfers = (r: StandRij): StandCijfers => ({
    voorzieningen: n(r.voorzieningen),
    clienten: n(r.clienten),
    huishoudens: n(r.huishoudens),
  });
  const set = (groep: readonly string[]) => rows.filter((r) => r.g === gVan(KOLOMMEN, groep));
  const totaal = set(GROEPEN.totaal)[0];
  const { perGemeente, ...perKenmerk } = uitsplitsingen(KOLOMMEN, rows, cijfers);
  return {
    peildatum,
    totaal: totaal ? cijfers(totaal) : { voorzieningen: 0, clienten: 0, huishoudens: 0 },
    perGemeente: eenGemeente
      ? totaal && n(totaal.voorzieningen) > 0
        ? [{ gemeente: s.gemeenten[0], ...cijfers(totaal) }]
        : []
      : perGemeente,
    ...perKenmerk,
    perLeeftijdsgroep: set(['leeftijdsgroep'])
      .map((r) => ({ leeftijdsgroep: r.leeftijdsgroep!, ...cijfers(r) }))
      .sort((x, y) => leeftijdVolgorde(x.leeftijdsgroep) - leeftijdVolgorde(y.leeftijdsgroep)),
    perGeslacht: sorteer(
      set(['geslacht']).map((r) => ({ geslacht: r.geslacht!, ...cijfers(r) })),
      'geslacht',
    ),
  };
}

/** The age groups in their order, `onbekend` after them. */
const leeftijdVolgorde = (groep: string) => {
  const i = LEEFTIJDSGROEPEN.indexOf(groep as never);
  return i < 0 ? LEEFTIJDSGROEPEN.length : i;
};
