/**
 * Calendar dates as the API speaks them (`YYYY-MM-DD`, Europe/Amsterdam) and the intervals of a
 * series. Plain strings and UTC arithmetic: a calendar date has no time of day to shift.
 */

export const INTERVALLEN = ['maand', 'kwartaal', 'halfjaar', 'jaar'] as const;
export type Interval = (typeof INTERVALLEN)[number];

const MAANDEN: Record<Interval, number> = { maand: 1, kwartaal: 3, halfjaar: 6, jaar: 12 };
const MAANDNAMEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

export function isInterval(waarde: string | undefined): waarde is Interval {
  return (INTERVALLEN as readonly string[]).includes(waarde ?? '');
}

export function isDatum(waarde: string | undefined): waarde is string {
  if (!waarde || !/^\d{4}-\d{2}-\d{2}$/.test(waarde)) return false;
  const [j, m, d] = waarde.split('-').map(Number);
  const utc = new Date(Date.UTC(j, m - 1, d));
  return utc.getUTCFullYear() === j && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d;
}

function delen(datum: string): [number, number, number] {
  const [j, m, d] = datum.split('-').map(Number);
  return [j, m, d];
}

function tekst(utc: Date): string {
  return utc.toISOString().slice(0, 10);
}

/** Today in Europe/Amsterdam (the API's calendar). */
export function vandaag(nu = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(nu);
}

/** First day of the interval that holds `datum`. */
export function beginVanInterval(datum: string, interval: Interval): string {
  const [j, m] = delen(datum);
  const stap = MAANDEN[interval];
  const eersteMaand = Math.floor((m - 1) / stap) * stap;
  return tekst(new Date(Date.UTC(j, eersteMaand, 1)));
}

/** Last day of the interval that holds `datum`. */
export function eindeVanInterval(datum: string, interval: Interval): string {
  const [j, m] = delen(beginVanInterval(datum, interval));
  return tekst(new Date(Date.UTC(j, m - 1 + MAANDEN[interval], 0)));
}

/** The first day of the interval `n` intervals after (or before, n < 0) the one starting on `begin`. */
export function verschuif(begin: string, interval: Interval, n: number): string {
  const [j, m] = delen(begin);
  return tekst(new Date(Date.UTC(j, m - 1 + n * MAANDEN[interval], 1)));
}

/** How many points a series shows when the view names no `van`. */
export const STANDAARD_AANTAL: Record<Interval, number> = { maand: 12, kwartaal: 4, halfjaar: 4, jaar: 5 };

/** `2016-06-30` → `30-06-2016`, as the council reports write it. */
export function datumNl(datum: string): string {
  const [j, m, d] = datum.split('-');
  return `${d}-${m}-${j}`;
}

/** An instant (kennisdatum) in Dutch, in Europe/Amsterdam time. */
export function tijdstipNl(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'medium' }).format(d);
}

/** The name of one interval of a series: `jun 2016`, `2e kwartaal 2016`, `1e halfjaar 2016`, `2016`. */
export function intervalNaam(begin: string, interval: Interval): string {
  const [j, m] = delen(begin);
  switch (interval) {
    case 'maand':
      return `${MAANDNAMEN[m - 1]} ${j}`;
    case 'kwartaal':
      return `${Math.floor((m - 1) / 3) + 1}e kwartaal ${j}`;
    case 'halfjaar':
      return `${m <= 6 ? 1 : 2}e halfjaar ${j}`;
    case 'jaar':
      return String(j);
  }
}

/** The interval word in a title: `per maand`, `per kwartaal`, … */
export function perInterval(interval: Interval): string {
  return `per ${interval}`;
}
