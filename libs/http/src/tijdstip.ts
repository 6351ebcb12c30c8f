import { Temporal } from 'temporal-polyfill';

/**
 * Kennisdatum: an ISO 8601 instant with offset or Z, or a date meaning the end of that day in
 * Europe/Amsterdam. Our clock resolution is the millisecond, so the end of a day is its last ms.
 */
export function kennisdatumInstant(waarde: string): Date | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(waarde)) {
    try {
      const dag = Temporal.PlainDate.from(waarde, { overflow: 'reject' });
      const volgende = dag.add({ days: 1 }).toZonedDateTime({ timeZone: 'Europe/Amsterdam' });
      return new Date(volgende.epochMilliseconds - 1);
    } catch {
      return null;
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(waarde)) return null;
  try {
    return new Date(Temporal.Instant.from(waarde).epochMilliseconds);
  } catch {
    return null;
  }
}
