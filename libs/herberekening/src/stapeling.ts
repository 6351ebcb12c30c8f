import { inStand, itemsNa } from './filters.js';
import { eenDecimaal, optellen, rijen, stapelKlasse, vergelijk } from './groeperen.js';
import { STAPEL_KLASSEN, type StapelingCijfers, type StapelingGemeente, type StapelingRapport } from './rapport.types.js';
import type { StapelingQuery, ZonderMeta } from './vraag.js';
import type { Item, Wereld } from './wereld.js';

function stapelingCijfers(items: Item[]): StapelingCijfers {
  // "per client and per household, the number of items and the set of wetten"
  const perClient = new Map<string, { aantal: number; wetten: Set<string> }>();
  const perHuishouden = new Map<string, number>();
  for (const i of items) {
    let c = perClient.get(i.client.clientId);
    if (!c) perClient.set(i.client.clientId, (c = { aantal: 0, wetten: new Set() }));
    c.aantal++;
    c.wetten.add(i.wet);
    perHuishouden.set(i.client.huishouden, (perHuishouden.get(i.client.huishouden) ?? 0) + 1);
  }
  // "reported as a distribution (1, 2, 3, 4, 5, 6+ items)"; types: "always hold all six classes".
  const clienten: Record<string, number> = Object.fromEntries(STAPEL_KLASSEN.map((k) => [k, 0]));
  const huishoudens: Record<string, number> = Object.fromEntries(STAPEL_KLASSEN.map((k) => [k, 0]));
  // "as counts per combination of wetten": sorted wetten joined by `+` → number of clients.
  const combinaties: Record<string, number> = {};
  for (const c of perClient.values()) {
    optellen(clienten, stapelKlasse(c.aantal));
    optellen(combinaties, [...c.wetten].sort(vergelijk).join('+'));
  }
  for (const aantal of perHuishouden.values()) optellen(huishoudens, stapelKlasse(aantal));
  return { clienten, huishoudens, combinaties };
}

export function stapeling(w: Wereld, q: StapelingQuery): ZonderMeta<StapelingRapport> {
  // DESIGN §4 Stapeling: "over all voorzieningen and uitkeringen in the stand per d", or over a
  // period [a, b]: "every item active on at least one day of the period, `ingangsdatum <= b` and
  // (`einddatum` empty or `einddatum >= a`)".
  const actief =
    'peildatum' in q
      ? (i: Item) => inStand(i, q.peildatum)
      : (i: Item) => i.ingangsdatum <= q.tot && (i.einddatum === null || i.einddatum >= q.van);
  const populatie = itemsNa(w, q).filter(actief);
  const bevolking = q.bevolking ?? w.bevolking;

  const jaar = Number(('peildatum' in q ? q.peildatum : q.tot).slice(0, 4));
  const perGemeente: StapelingGemeente[] = rijen(
    populatie,
    (i) => ({ gemeente: i.gemeente }),
    (items) => {
      const rij: StapelingCijfers & Partial<StapelingGemeente> = stapelingCijfers(items);
      // "and per 1,000 inwoners / huishoudens where population figures for that gemeente and year are loaded"
      const bev = bevolking.find((b) => b.gemeente === items[0].gemeente && b.jaar === jaar);
      if (bev) {
        const nClienten = new Set(items.map((i) => i.client.clientId)).size;
        const nHuishoudens = new Set(items.map((i) => i.client.huishouden)).size;
        rij.bevolking = { jaar: bev.jaar, inwoners: bev.inwoners, huishoudens: bev.huishoudens };
        rij.clientenPer1000Inwoners = bev.inwoners > 0 ? eenDecimaal(nClienten * 1000, bev.inwoners) : null;
        rij.huishoudensPer1000Huishoudens = bev.huishoudens > 0 ? eenDecimaal(nHuishoudens * 1000, bev.huishoudens) : null;
      }
      return rij;
    },
  );

  return {
    ...('peildatum' in q ? { peildatum: q.peildatum } : { van: q.van, tot: q.tot }),
    totaal: stapelingCijfers(populatie),
    perGemeente,
  };
}
