import { itemsNa, inStand } from './filters.js';
import { leeftijdsgroep, rijen } from './groeperen.js';
import { leeftijd } from './kalender.js';
import type { StandCijfers, StandRapport } from './rapport.types.js';
import type { PeildatumQuery, ZonderMeta } from './vraag.js';
import type { Item, Wereld } from './wereld.js';

/** "Reported as number of voorzieningen, unique clients and unique households". */
export function standCijfers(items: Item[]): StandCijfers {
  return {
    voorzieningen: items.length,
    clienten: new Set(items.map((i) => i.client.clientId)).size,
    huishoudens: new Set(items.map((i) => i.client.huishouden)).size,
  };
}

export function stand(w: Wereld, q: PeildatumQuery): ZonderMeta<StandRapport> {
  const d = q.peildatum;
  const populatie = itemsNa(w, q).filter((i) => inStand(i, d));
  const c = standCijfers;
  return {
    peildatum: d,
    totaal: c(populatie),
    // "split by gemeente, wet, productcategorie, leveringsvorm (uitkeringen: regeling)"
    perGemeente: rijen(populatie, (i) => ({ gemeente: i.gemeente }), c),
    perWet: rijen(populatie, (i) => ({ wet: i.wet }), c),
    perProductcategorie: rijen(
      populatie,
      (i) => (i.productcategorie === null ? null : { wet: i.wet, productcategorie: i.productcategorie }),
      c,
    ),
    perLeveringsvorm: rijen(populatie, (i) => (i.leveringsvorm === null ? null : { leveringsvorm: i.leveringsvorm }), c),
    perRegeling: rijen(populatie, (i) => (i.regeling === null ? null : { regeling: i.regeling }), c),
    // types: "Age (leeftijdsgroep) is in whole years at the peildatum." A hidden birth date is no
    // age: `onbekend`, and the breakdown is then reported as not recomputable (VERBORGEN_NODIG).
    perLeeftijdsgroep: rijen(
      populatie,
      (i) => ({ leeftijdsgroep: i.client.geboortedatum === null ? 'onbekend' : leeftijdsgroep(leeftijd(i.client.geboortedatum, d)) }),
      c,
    ),
    perGeslacht: rijen(populatie, (i) => ({ geslacht: i.client.geslacht }), c),
  };
}
