import type { Cel } from './cel';

/**
 * A figure as data: one table whose first column names the rows. The chart draws some of its
 * columns; the HTML table beside it and the CSV hold every column, so all three show the same numbers.
 */
export interface Kolom {
  sleutel: string;
  kop: string;
  /** A share in percent: shown with `%`. */
  procent?: boolean;
}

export interface Rij {
  /** The row's code (a date, a wet, a reden …), for tests and for React. */
  sleutel: string;
  cellen: Record<string, Cel>;
}

export interface Tabel {
  kolommen: Kolom[];
  rijen: Rij[];
}

export interface GrafiekVorm {
  soort: 'lijn' | 'staaf' | 'gestapeld' | 'liggend';
  /** The columns drawn, as series; the first column is the category axis. */
  reeksen: string[];
}

/** Columns for the codes that occur in any of these maps, in code order, named by `naam`. */
export function codeKolommen(maps: (Record<string, unknown> | undefined)[], naam: (code: string) => string): Kolom[] {
  const codes = new Set<string>();
  for (const m of maps) for (const code of Object.keys(m ?? {})) codes.add(code);
  return [...codes].sort().map((code) => ({ sleutel: code, kop: naam(code) }));
}
