import { aanmeldingenNa, itemsNa } from './filters.js';
import { optellen, rijen, wachttijdKlasse } from './groeperen.js';
import { dagnummer } from './kalender.js';
import { WACHTTIJD_KLASSEN, type WachtlijstCijfers, type WachtlijstRapport } from './rapport.types.js';
import { STANDAARD_NORMEN, type WachtlijstQuery, type ZonderMeta } from './vraag.js';
import type { Aanmelding, Item, Wereld } from './wereld.js';

export function wachtlijst(w: Wereld, q: WachtlijstQuery): ZonderMeta<WachtlijstRapport> {
  const d = q.peildatum;
  const normen = { ...STANDAARD_NORMEN, ...(q.normen ?? {}) };
  // DESIGN §4 Wachtlijst (1): "aanmeldingen with `ontvangenOp <= d` and not afgerond by the end of d".
  const wachtend = aanmeldingenNa(w, q).filter((a) => a.ontvangenOp <= d && (a.afgerondOp === null || a.afgerondOp > d));
  // "with wachttijd `d - ontvangenOp` in days"
  const wachttijd = (a: Aanmelding): number => dagnummer(d) - dagnummer(a.ontvangenOp);
  // "(2) toegekende voorzieningen with besluit on or before d whose levering has not started by the
  // end of d and that have not ended" (ended as in the stand: einddatum <= d).
  // types: "Wachtlijst part 2 (nietGestart) counts voorzieningen only".
  const nietGestart = itemsNa(w, q).filter(
    (i) =>
      i.soort === 'voorziening' &&
      i.besluitdatum <= d &&
      (i.leveringGestartOp === null || i.leveringGestartOp > d) &&
      (i.einddatum === null || i.einddatum > d),
  );

  type Lid = { aanmelding: Aanmelding } | { voorziening: Item };
  const leden: Lid[] = [...wachtend.map((a) => ({ aanmelding: a })), ...nietGestart.map((v) => ({ voorziening: v }))];
  const cijfers = (groep: Lid[]): WachtlijstCijfers => {
    const am = groep.flatMap((l) => ('aanmelding' in l ? [l.aanmelding] : []));
    return {
      aanmeldingen: am.length,
      // "the number whose wachttijd is strictly greater than the norm" of their wet
      aanmeldingenBovenNorm: am.filter((a) => wachttijd(a) > normen[a.wet]).length,
      nietGestart: groep.filter((l) => 'voorziening' in l).length,
    };
  };
  const gemeenteVan = (l: Lid): string => ('aanmelding' in l ? l.aanmelding.gemeente : l.voorziening.gemeente);
  const wetVan = (l: Lid): string => ('aanmelding' in l ? l.aanmelding.wet : l.voorziening.wet);

  const verdeling: Record<string, number> = {};
  for (const a of wachtend) optellen(verdeling, wachttijdKlasse(wachttijd(a)));
  return {
    peildatum: d,
    normen,
    totaal: cijfers(leden),
    perGemeente: rijen(leden, (l) => ({ gemeente: gemeenteVan(l) }), cijfers),
    perWet: rijen(leden, (l) => ({ wet: wetVan(l) }), cijfers),
    // Read as a distribution over the fixed classes (like stapeling's): all six, in class order.
    wachttijdVerdeling: WACHTTIJD_KLASSEN.map((klasse) => ({ klasse, aanmeldingen: verdeling[klasse] ?? 0 })),
  };
}
