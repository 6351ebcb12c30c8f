import { Temporal } from 'temporal-polyfill';

/*
 * Calendar dates as `YYYY-MM-DD` strings (no time zone involved, plain arithmetic), and the two
 * places where Europe/Amsterdam matters: a kennisdatum given as a date, and period shortcuts.
 */

const DAG_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date. */
export function dagnummer(datum: string): number {
  const [j, m, d] = datum.split('-').map(Number) as [number, number, number];
  return Date.UTC(j, m - 1, d) / DAG_MS;
}

export function plusDagen(datum: string, dagen: number): string {
  return new Date((dagnummer(datum) + dagen) * DAG_MS).toISOString().slice(0, 10);
}

/** Whole years from geboortedatum to the date: the birthday itself counts as reached. */
export function leeftijd(geboortedatum: string, op: string): number {
  const [gj, gm, gd] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [j, m, d] = op.split('-').map(Number) as [number, number, number];
  let jaren = j - gj;
  if (m < gm || (m === gm && d < gd)) jaren--;
  return jaren;
}

/** The last day of the month of a date. */
export function maandeinde(datum: string): string {
  const [j, m] = datum.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(j, m, 0)).toISOString().slice(0, 10);
}

/** DESIGN §4 period shortcuts: `2016-05`, `2016-Q2`, `2016-H1`, `2016`; null when it is none of them. */
export function periodeGrenzen(periode: string): { van: string; tot: string } | null {
  let m: RegExpExecArray | null;
  const blok = (jaar: string, eersteMaand: number, maanden: number) => {
    const van = `${jaar}-${String(eersteMaand).padStart(2, '0')}-01`;
    return { van, tot: maandeinde(`${jaar}-${String(eersteMaand + maanden - 1).padStart(2, '0')}-01`) };
  };
  if ((m = /^(\d{4})$/.exec(periode))) return blok(m[1], 1, 12);
  if ((m = /^(\d{4})-H([12])$/.exec(periode))) return blok(m[1], m[2] === '1' ? 1 : 7, 6);
  if ((m = /^(\d{4})-Q([1-4])$/.exec(periode))) return blok(m[1], 3 * Number(m[2]) - 2, 3);
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(periode))) return blok(m[1], Number(m[2]), 1);
  return null;
}

/**
 * DESIGN §4 Kennisdatum: an ISO 8601 instant with offset or `Z`, or a date meaning the end of that
 * day in Europe/Amsterdam (its last millisecond, the clock's resolution). Null when it is neither.
 */
export function kennisdatumTijdstip(waarde: string): Date | null {
  try {
    if (/^\d{4}-\d{2}-\d{2}$/.test(waarde)) {
      const volgende = Temporal.PlainDate.from(waarde, { overflow: 'reject' }).add({ days: 1 });
      return new Date(volgende.toZonedDateTime({ timeZone: 'Europe/Amsterdam' }).epochMilliseconds - 1);
    }
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(waarde)) return null;
    return new Date(Temporal.Instant.from(waarde).epochMilliseconds);
  } catch {
    return null;
  }
}

/** A valid calendar date `YYYY-MM-DD`. */
export const isDatum = (waarde: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(waarde) && plusDagen(waarde, 0) === waarde;
