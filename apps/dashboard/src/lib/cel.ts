import type { Aantal, Geheim } from '../api/rapportages';

/**
 * One cell of a figure: a number, a label, a secret count (publication mode) or nothing to show
 * (a ratio without population figures, a share of zero).
 */
export const GEHEIM = { geheim: true } as const;
export type Cel = string | number | null | typeof GEHEIM;

export function isGeheim(c: Cel): c is typeof GEHEIM {
  return typeof c === 'object' && c !== null;
}

/**
 * The count `naam` of an object from the API. Secret when the object's `geheim` list names it
 * (maps: `naam.code`). Absent from a map means zero; published, a zero is secret too.
 */
export function aantal(rij: Geheim | undefined, naam: string, publicatie: boolean): Cel {
  if (!rij) return publicatie ? GEHEIM : 0;
  if (rij.geheim?.includes(naam)) return GEHEIM;
  const obj = rij as Record<string, unknown>;
  const punt = naam.indexOf('.');
  const waarde = punt < 0 ? obj[naam] : (obj[naam.slice(0, punt)] as Record<string, Aantal> | undefined)?.[naam.slice(punt + 1)];
  if (typeof waarde === 'number') return waarde;
  if (waarde === null) return GEHEIM;
  return publicatie ? GEHEIM : 0;
}

const GETAL = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** As the table shows it: `1.302`, `12,5`, `geheim`, `–`. */
export function celTekst(c: Cel, procent = false): string {
  if (isGeheim(c)) return 'geheim';
  if (c === null) return '–';
  if (typeof c === 'number') return procent ? `${GETAL.format(c)}%` : GETAL.format(c);
  return c;
}

/** As the CSV holds it (Excel NL): a secret cell is `.` as in the API's CSV, decimals with a comma. */
export function celCsv(c: Cel): string | number {
  if (isGeheim(c)) return '.';
  if (c === null) return '';
  if (typeof c === 'number') return Number.isInteger(c) ? c : String(c).replace('.', ',');
  return c;
}

/** For a chart: a secret cell leaves a gap. */
export function celGetal(c: Cel): number | null {
  return typeof c === 'number' ? c : null;
}

/** `deel` as a percentage of `geheel`, one decimal; secret when either is. */
export function aandeel(deel: Cel, geheel: Cel): Cel {
  if (isGeheim(deel) || isGeheim(geheel)) return GEHEIM;
  if (typeof deel !== 'number' || typeof geheel !== 'number' || geheel === 0) return null;
  return Math.round((deel / geheel) * 1000) / 10;
}
