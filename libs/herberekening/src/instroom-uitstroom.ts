import { itemsNa, inStand } from './filters.js';
import { optellen, rijen } from './groeperen.js';
import { plusDagen } from './kalender.js';
import type { InstroomUitstroomRapport, StroomCijfers } from './rapport.types.js';
import type { PeriodeQuery, ZonderMeta } from './vraag.js';
import type { Item, Wereld } from './wereld.js';

export function instroomUitstroom(w: Wereld, q: PeriodeQuery): ZonderMeta<InstroomUitstroomRapport> {
  const { van: a, tot: b } = q;
  const voorA = plusDagen(a, -1);
  // DESIGN §4: "Instroom in period [a, b] — `a <= ingangsdatum <= b`."
  const instroom = (i: Item): boolean => a <= i.ingangsdatum && i.ingangsdatum <= b;
  // DESIGN §4: "Uitstroom in period [a, b] — `a <= einddatum <= b`, split by reden."
  const uitstroom = (i: Item): boolean => i.einddatum !== null && a <= i.einddatum && i.einddatum <= b;
  // types: "beginstand is the stand per `van` − 1 day, eindstand the stand per `tot`."
  const cijfers = (items: Item[]): StroomCijfers => ({
    beginstand: items.filter((i) => inStand(i, voorA)).length,
    instroom: items.filter(instroom).length,
    uitstroom: items.filter(uitstroom).length,
    eindstand: items.filter((i) => inStand(i, b)).length,
  });
  const items = itemsNa(w, q);
  // Rows: "for in/uitstroom: any of the four figures non-zero".
  const relevant = items.filter((i) => inStand(i, voorA) || instroom(i) || uitstroom(i) || inStand(i, b));

  const instroomPerReden: Record<string, number> = {};
  const uitstroomPerReden: Record<string, number> = {};
  for (const i of items) {
    if (instroom(i)) optellen(instroomPerReden, i.instroomreden);
    if (uitstroom(i)) optellen(uitstroomPerReden, i.uitstroomreden!);
  }
  return {
    van: a,
    tot: b,
    totaal: { ...cijfers(items), instroomPerReden, uitstroomPerReden },
    perGemeente: rijen(relevant, (i) => ({ gemeente: i.gemeente }), cijfers),
    perWet: rijen(relevant, (i) => ({ wet: i.wet }), cijfers),
    perProductcategorie: rijen(
      relevant,
      (i) => (i.productcategorie === null ? null : { wet: i.wet, productcategorie: i.productcategorie }),
      cijfers,
    ),
    perLeveringsvorm: rijen(relevant, (i) => (i.leveringsvorm === null ? null : { leveringsvorm: i.leveringsvorm }), cijfers),
    perRegeling: rijen(relevant, (i) => (i.regeling === null ? null : { regeling: i.regeling }), cijfers),
  };
}
