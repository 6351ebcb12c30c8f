import { sorteer } from './sql.js';

/*
 * The breakdowns stand and instroom-uitstroom share: per gemeente, wet, productcategorie (within its
 * wet), leveringsvorm and regeling, one grouping set each. Both reports GROUP BY these five columns
 * and then two of their own, in this order, so GROUPING() over the seven gives a column the same bit
 * in both: gemeente 64, wet 32, productcategorie 16, leveringsvorm 8, regeling 4; then 2 and 1.
 */
export const GEDEELDE_KOLOMMEN = ['gemeente', 'wet', 'productcategorie', 'leveringsvorm', 'regeling'] as const;

/** A report's GROUPING() columns: the shared five, then its own two. */
export type Kolommen = readonly [...typeof GEDEELDE_KOLOMMEN, string, string];

/** The shared grouping sets, by the part of the report each one gives. */
export const GROEPEN = {
  totaal: [],
  perGemeente: ['gemeente'],
  perWet: ['wet'],
  perProductcategorie: ['wet', 'productcategorie'],
  perLeveringsvorm: ['leveringsvorm'],
  perRegeling: ['regeling'],
} as const satisfies Record<string, readonly string[]>;

/** The bit GROUPING() sets for a column in a row that is rolled up over it. */
export function bit(kolommen: Kolommen, kolom: string): number {
  return 1 << (kolommen.length - 1 - kolommen.indexOf(kolom));
}

/** g (GROUPING() over all columns) of the rows of the grouping set over `set`. */
export function gVan(kolommen: Kolommen, set: readonly string[]): number {
  return set.reduce((g, k) => g & ~bit(kolommen, k), (1 << kolommen.length) - 1);
}

/** `GROUPING SETS (...)` over these sets, in this order. */
export function groupingSets(sets: readonly (readonly string[])[]): string {
  return `GROUPING SETS (${sets.map((set) => `(${set.join(', ')})`).join(', ')})`;
}

export type GroepRij = Record<string, string | null> & { g: number };

/**
 * The shared breakdowns out of a report's grouping rows, each sorted by its key. An item without a
 * productcategorie, leveringsvorm or regeling has no row there; `toon` leaves out rows the report
 * does not show.
 */
export function uitsplitsingen<R extends GroepRij, C extends object>(
  kolommen: Kolommen,
  rows: R[],
  cijfers: (r: R) => C,
  toon: (r: R) => boolean = () => true,
) {
  const set = (groep: readonly string[]) => rows.filter((r) => r.g === gVan(kolommen, groep) && toon(r));
  return {
    perGemeente: sorteer(
      set(GROEPEN.perGemeente).map((r) => ({ gemeente: r.gemeente!, ...cijfers(r) })),
      'gemeente',
    ),
    perWet: sorteer(
      set(GROEPEN.perWet).map((r) => ({ wet: r.wet!, ...cijfers(r) })),
      'wet',
    ),
    perProductcategorie: sorteer(
      set(GROEPEN.perProductcategorie)
        .filter((r) => r.productcategorie !== null)
        .map((r) => ({ wet: r.wet!, productcategorie: r.productcategorie!, ...cijfers(r) })),
      'wet',
      'productcategorie',
    ),
    perLeveringsvorm: sorteer(
      set(GROEPEN.perLeveringsvorm)
        .filter((r) => r.leveringsvorm !== null)
        .map((r) => ({ leveringsvorm: r.leveringsvorm!, ...cijfers(r) })),
      'leveringsvorm',
    ),
    perRegeling: sorteer(
      set(GROEPEN.perRegeling)
        .filter((r) => r.regeling !== null)
        .map((r) => ({ regeling: r.regeling!, ...cijfers(r) })),
      'regeling',
    ),
  };
}
