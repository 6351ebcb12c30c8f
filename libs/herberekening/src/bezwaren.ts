import { bezwarenNa } from './filters.js';
import { optellen, rijen } from './groeperen.js';
import { plusDagen } from './kalender.js';
import type { BezwarenCijfers, BezwarenRapport } from './rapport.types.js';
import type { PeriodeQuery, ZonderMeta } from './vraag.js';
import type { Bezwaar, Wereld } from './wereld.js';

/**
 * DESIGN §4 Bezwaren: "afgehandeld within the Awb term (art. 7:10 Awb): 6 weeks, or 12 with an
 * adviescommissie, counted from the day after the bezwaartermijn ends (6 weeks after bekendmaking
 * of the besluit), plus 6 weeks when verdaagd". Computed here from the bekendmaking, not taken
 * from the event.
 */
function laatsteDag(bz: Bezwaar): string {
  const eindeBezwaartermijn = plusDagen(bz.bekendmakingOp, 6 * 7);
  const weken = (bz.adviescommissie ? 12 : 6) + (bz.verdaagd ? 6 : 0);
  return plusDagen(eindeBezwaartermijn, weken * 7);
}

export function bezwaren(w: Wereld, q: PeriodeQuery): ZonderMeta<BezwarenRapport> {
  const { van: a, tot: b } = q;
  const inPeriode = (datum: string | null): boolean => datum !== null && a <= datum && datum <= b;
  const cijfers = (groep: Bezwaar[]): BezwarenCijfers => {
    // types: "Bezwaren with ontvangenOp in the period"; "with afgehandeldOp in the period".
    const ontvangen = groep.filter((bz) => inPeriode(bz.ontvangenOp));
    const afgehandeld = groep.filter((bz) => inPeriode(bz.afgehandeldOp));
    const perUitkomst: Record<string, number> = {};
    const perOnderwerp: Record<string, number> = {};
    for (const bz of afgehandeld) optellen(perUitkomst, bz.uitkomst!);
    for (const bz of ontvangen) optellen(perOnderwerp, bz.onderwerp);
    return {
      ontvangen: ontvangen.length,
      afgehandeld: afgehandeld.length,
      perUitkomst,
      perOnderwerp,
      // "Of the afgehandelde: afgehandeld on or before the last day of the Awb beslistermijn."
      binnenTermijn: afgehandeld.filter((bz) => bz.afgehandeldOp! <= laatsteDag(bz)).length,
    };
  };
  const alle = bezwarenNa(w, q);
  const relevant = alle.filter((bz) => inPeriode(bz.ontvangenOp) || inPeriode(bz.afgehandeldOp));
  return { van: a, tot: b, totaal: cijfers(alle), perGemeente: rijen(relevant, (bz) => ({ gemeente: bz.gemeente }), cijfers) };
}
