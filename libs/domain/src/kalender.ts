import { Temporal } from 'temporal-polyfill';

/** Every date in the domain is a calendar date in the Netherlands. */
export const TIJDZONE = 'Europe/Amsterdam';

/** A `YYYY-MM-DD` string that names a real calendar date (no 2016-02-30). */
export function isKalenderdatum(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Today's date in Europe/Amsterdam, as `YYYY-MM-DD`. */
export function vandaag(now: Temporal.Instant = Temporal.Now.instant()): string {
  return now.toZonedDateTimeISO(TIJDZONE).toPlainDate().toString();
}

/** Negative when a is before b, 0 when equal, positive after. Dates are `YYYY-MM-DD`. */
export function vergelijkDatum(a: string, b: string): number {
  return Temporal.PlainDate.compare(Temporal.PlainDate.from(a), Temporal.PlainDate.from(b));
}

/** Is date a strictly before date b? */
export const isVoor = (a: string, b: string): boolean => vergelijkDatum(a, b) < 0;
