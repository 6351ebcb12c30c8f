/**
 * The seeded PRNG of the history generator, with dates, and the calendar of the history: every
 * date lies in EERSTE_DAG … LAATSTE_DAG (2015-06-01 … 2016-12-31).
 */
import { Rng as SeededRng } from '@sd/testing';

/** The shared seeded PRNG, with dates. */
export class Rng extends SeededRng {
  /** A date in [van, tot]. */
  datum(van: string, tot: string): string {
    return plusDagen(van, this.int(0, dagnummer(tot) - dagnummer(van)));
  }
}

const DAG_MS = 86_400_000;
export const dagnummer = (d: string): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / DAG_MS;
export const plusDagen = (d: string, n: number): string => new Date((dagnummer(d) + n) * DAG_MS).toISOString().slice(0, 10);
/** The last day of the month of d. */
export const maandeinde = (d: string): string => new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0)).toISOString().slice(0, 10);
export const max = (a: string, b: string): string => (a > b ? a : b);
export const min = (a: string, b: string): string => (a < b ? a : b);

export const EERSTE_DAG = '2015-06-01';
export const LAATSTE_DAG = '2016-12-31';
/** Every date of the history lies in [EERSTE_DAG, LAATSTE_DAG]. */
export const binnen = (d: string): string => min(max(d, EERSTE_DAG), LAATSTE_DAG);

/** The month ends of 2015-06 … 2016-12. */
export const MAANDEINDEN: string[] = (() => {
  const lijst: string[] = [];
  for (let d = EERSTE_DAG; d <= LAATSTE_DAG; d = plusDagen(maandeinde(d), 1)) lijst.push(maandeinde(d));
  return lijst;
})();
