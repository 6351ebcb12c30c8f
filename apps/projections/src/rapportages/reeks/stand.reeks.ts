import { Temporal } from 'temporal-polyfill';
import { LEEFTIJDSGROEPEN, type StandRapport } from '../rapportage.types.js';
import { Params, type Q, type Selectie, type ZonderMeta } from '../sql.js';
import { KOLOMMEN, type StandRij, standSets, standUitRijen } from '../stand.query.js';
import { gVan } from '../uitsplitsingen.js';
import { lopendeItems, lopendeItemsSql } from './lopende-items.js';
import { Segmenten, tellingen } from './segmenten.js';
import { Woordenboek } from './woordenboek.js';

/*
 * The stand on many peildata at once. Per peildatum the single stand sorts every running item once
 * per grouping set to count distinct clients and households; over 36 peildata that is 36 times the
 * work. Here a statement reads each item that runs on any of the peildata once, with the range of
 * points it covers, and the counts per point come from ranges (segmenten.ts). The rows per point are
 * those the single stand's statements give, so its own assembly makes the report.
 *
 * A client and its household belong to one gemeente (an item takes its client's), so the distinct
 * counts of gemeenten add up: they are counted a gemeente at a time, and only one gemeente's items
 * are in the app's small heap at once.
 */

/** The ages at which the leeftijdsgroep changes (LEEFTIJDSGROEPEN). */
const GRENZEN = [18, 27, 65, 75] as const;

/** The columns of the grouping sets that come from the item (gemeente is the one asked, leeftijdsgroep follows from the points). */
const KENMERKEN = ['wet', 'productcategorie', 'leveringsvorm', 'regeling', 'geslacht'] as const;
/** A row: client and household (uuids), the KENMERKEN as one string, the points a, b and c18 in one number, c27, c65 and c75 in another. */
type ItemRij = [string, string, string, number, number];
/** Between the KENMERKEN in their string, and for a null among them (neither is in a code). */
const SCHEIDING = '\u001f';
const NULL = '\u0001';

/** Per key of a grouping set: its values and, per point, the three counts. */
type Telling = { waarden: (string | null)[]; voorzieningen: Int32Array; clienten: Int32Array; huishoudens: Int32Array };

export async function standReeks(db: Q, s: Selectie, peildata: string[]): Promise<ZonderMeta<StandRapport>[]> {
  const n = peildata.length;
  const sets = standSets(s.gemeenten.length === 1);
  // As in the single stand: the second half of the sets counts only items whose client is known.
  const delen: { set: readonly string[]; alleenBekend: boolean }[] = [
    ...sets.a.map((set) => ({ set, alleenBekend: false })),
    ...sets.b.map((set) => ({ set, alleenBekend: true })),
  ];
  const totalen = delen.map(() => new Map<string, Telling>());
  // The values of each column, numbered across the gemeenten: a key is the same numbers in each.
  const woorden: Record<string, Woordenboek<string | null>> = {
    gemeente: new Woordenboek(),
    leeftijdsgroep: new Woordenboek(),
    ...Object.fromEntries(KENMERKEN.map((k) => [k, new Woordenboek<string | null>()])),
  };
  LEEFTIJDSGROEPEN.forEach((groep) => woorden.leeftijdsgroep.nummer(groep));
  // A forgotten client's age is unknown (no geboortedatum): its own group, after the others.
  const ONBEKEND = woorden.leeftijdsgroep.nummer('onbekend');
  // The combinations of KENMERKEN as they come, and per combination the number of each value.
  const combinaties = new Woordenboek<string>();
  const perCombinatie: Int32Array[] = [];
  for (const gemeente of s.gemeenten) {
    const rows = await itemRijen(db, { ...s, gemeenten: [gemeente] }, peildata);
    const m = rows.length;
    const items = lopendeItems(rows, 3);
    const grenzen = GRENZEN.map(() => new Int32Array(m));
    const codes: Record<string, Int32Array> = {
      gemeente: new Int32Array(m).fill(woorden.gemeente.nummer(gemeente)),
      ...Object.fromEntries(KENMERKEN.map((k) => [k, new Int32Array(m)])),
    };
    const bekend = new Uint8Array(m);
    const leeftijdOnbekend = new Uint8Array(m);
    const geslacht = KENMERKEN.indexOf('geslacht');
    for (let i = 0; i < m; i++) {
      const [, , kenmerken, punten, leeftijden] = rows[i];
      const c = combinaties.nummer(kenmerken);
      if (c === perCombinatie.length)
        perCombinatie.push(Int32Array.from(kenmerken.split(SCHEIDING), (w, k) => woorden[KENMERKEN[k]].nummer(w === NULL ? null : w)));
      const nummers = perCombinatie[c];
      for (let k = 0; k < KENMERKEN.length; k++) codes[KENMERKEN[k]][i] = nummers[k];
      bekend[i] = woorden.geslacht.waarden[nummers[geslacht]] === null ? 0 : 1;
      grenzen[0][i] = (punten >> 16) & 0xff;
      leeftijdOnbekend[i] = punten >> 24;
      for (let j = 1; j < GRENZEN.length; j++) grenzen[j][i] = (leeftijden >> (8 * (j - 1))) & 0xff;
    }
    delen.forEach(({ set, alleenBekend }, d) => {
      const metLeeftijd = set.includes('leeftijdsgroep');
      // A key is the set's value numbers as the digits of one number.
      const ruimte = set.map((k) => woorden[k].aantal);
      const sleutels = ruimte.reduce((x, y) => x * y, 1);
      const segmenten = new Segmenten(metLeeftijd ? m * LEEFTIJDSGROEPEN.length : m, sleutels);
      const kolommen = set.map((k) => codes[k]);
      for (let i = 0; i < m; i++) {
        if (alleenBekend && !bekend[i]) continue;
        if (metLeeftijd && leeftijdOnbekend[i]) {
          segmenten.voegToe(ONBEKEND, i, items.a[i], items.b[i]);
          continue;
        }
        if (metLeeftijd) {
          // The age group changes with the peildatum: a segment per group, between its client's boundaries.
          let van = items.a[i];
          for (let j = 0; j < LEEFTIJDSGROEPEN.length; j++) {
            const tot = j < GRENZEN.length ? Math.min(items.b[i], Math.max(van, grenzen[j][i])) : items.b[i];
            segmenten.voegToe(j, i, van, tot);
            van = tot;
          }
          continue;
        }
        let sleutel = 0;
        for (let c = 0; c < kolommen.length; c++) sleutel = sleutel * ruimte[c] + kolommen[c][i];
        segmenten.voegToe(sleutel, i, items.a[i], items.b[i]);
      }
      const voorzieningen = tellingen(segmenten, null, n);
      const perClientTelling = tellingen(segmenten, { volgorde: items.perClient, entiteit: items.client, herordenen: false }, n);
      // A client's age groups follow each other in time; a household's members each have their own.
      const perHuishoudenTelling = tellingen(
        segmenten,
        { volgorde: items.perHuishouden, entiteit: items.huishouden, herordenen: metLeeftijd },
        n,
      );
      for (let k = 0; k < sleutels; k++) {
        let leeg = true;
        for (let j = 0; j < n && leeg; j++) leeg = voorzieningen[k * n + j] === 0;
        if (leeg) continue;
        const nummers: number[] = [];
        for (let c = set.length - 1, rest = k; c >= 0; c--) {
          nummers[c] = rest % ruimte[c];
          rest = Math.floor(rest / ruimte[c]);
        }
        const naam = nummers.join(',');
        let t = totalen[d].get(naam);
        if (!t) {
          const waarden = nummers.map((x, c) => woorden[set[c]].waarden[x]);
          totalen[d].set(
            naam,
            (t = { waarden, voorzieningen: new Int32Array(n), clienten: new Int32Array(n), huishoudens: new Int32Array(n) }),
          );
        }
        for (let j = 0; j < n; j++) {
          t.voorzieningen[j] += voorzieningen[k * n + j];
          t.clienten[j] += perClientTelling[k * n + j];
          t.huishoudens[j] += perHuishoudenTelling[k * n + j];
        }
      }
    });
  }
  const perPunt: StandRij[][] = peildata.map(() => []);
  delen.forEach(({ set }, d) => {
    const g = gVan(KOLOMMEN, set);
    for (const t of totalen[d].values()) {
      const kolommen = Object.fromEntries(KOLOMMEN.map((kolom) => [kolom, set.includes(kolom) ? t.waarden[set.indexOf(kolom)] : null]));
      for (let j = 0; j < n; j++)
        if (t.voorzieningen[j] > 0)
          perPunt[j].push({
            ...kolommen,
            g,
            voorzieningen: t.voorzieningen[j],
            clienten: t.clienten[j],
            huishoudens: t.huishoudens[j],
          } as unknown as StandRij);
    }
  });
  return peildata.map((d, j) => standUitRijen(s, d, perPunt[j]));
}

/**
 * The items that run on any of the peildata: client and household, the stand's columns, the points
 * [a, b) it covers and the points from which its client is 18, 27, 65 and 75, packed into five columns.
 */
async function itemRijen(db: Q, s: Selectie, peildata: string[]): Promise<ItemRij[]> {
  const p = new Params();
  // Whole years before each peildatum, as the single stand computes them (Temporal, 29 February included).
  const grens = (jaren: number) =>
    `coalesce(width_bucket(i.geboortedatum - 1, ${p.add(peildata.map((d) => Temporal.PlainDate.from(d).subtract({ years: jaren }).toString()))}::date[]), 0)`;
  const kenmerken = `concat_ws(${p.add(SCHEIDING)}, ${KENMERKEN.map((k) => `coalesce(i.${k}, ${p.add(NULL)})`).join(', ')})`;
  const { rows } = await db.query<ItemRij>({
    text: lopendeItemsSql(
      p,
      s,
      peildata,
      `i.client_id, i.huishouden, ${kenmerken}, a | (b << 8) | (${grens(18)} << 16) | ((i.geboortedatum IS NULL)::int << 24), ${grens(27)} | (${grens(65)} << 8) | (${grens(75)} << 16)`,
    ),
    values: p.values,
    rowMode: 'array',
  });
  return rows;
}
