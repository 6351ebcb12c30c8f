import type { OracleFilters } from './vraag.js';
import type { Aanmelding, Bezwaar, Item, Wereld } from './wereld.js';

/**
 * DESIGN §5: "Filters, all optional, combinable: gemeente, wet, productcategorie, leveringsvorm,
 * regeling." types: "A filter on an attribute excludes whatever lacks it: `productcategorie` and
 * `leveringsvorm` exclude uitkeringen ..., `regeling` excludes voorzieningen".
 */
export function itemsNa(w: Wereld, q: OracleFilters): Item[] {
  return w.items.filter(
    (i) =>
      (q.gemeente === undefined || q.gemeente.includes(i.gemeente)) &&
      (q.wet === undefined || i.wet === q.wet) &&
      (q.productcategorie === undefined || i.productcategorie === q.productcategorie) &&
      (q.leveringsvorm === undefined || i.leveringsvorm === q.leveringsvorm) &&
      (q.regeling === undefined || i.regeling === q.regeling),
  );
}

/** types: "`productcategorie` and `leveringsvorm` exclude ... aanmeldingen, `regeling` excludes ... aanmeldingen". */
export function aanmeldingenNa(w: Wereld, q: OracleFilters): Aanmelding[] {
  if (q.productcategorie !== undefined || q.leveringsvorm !== undefined || q.regeling !== undefined) return [];
  return w.aanmeldingen.filter(
    (a) => (q.gemeente === undefined || q.gemeente.includes(a.gemeente)) && (q.wet === undefined || a.wet === q.wet),
  );
}

/** types: "The bezwaren report takes `gemeente` and `wet` only." */
export function bezwarenNa(w: Wereld, q: OracleFilters): Bezwaar[] {
  return w.bezwaren.filter(
    (b) => (q.gemeente === undefined || q.gemeente.includes(b.gemeente)) && (q.wet === undefined || b.wet === q.wet),
  );
}

/**
 * DESIGN §4 Stand: "counted at the *end* of day d: `ingangsdatum <= d` and (`einddatum` is empty
 * or `einddatum > d`)".
 */
export function inStand(i: Item, d: string): boolean {
  return i.ingangsdatum <= d && (i.einddatum === null || i.einddatum > d);
}
