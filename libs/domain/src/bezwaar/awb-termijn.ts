import { Temporal } from 'temporal-polyfill';

/**
 * Awb termijnen for bezwaar, on `YYYY-MM-DD` dates. A termijn "starts the day after" an event and
 * lasts whole weeks, so its last day is the start date plus that many weeks, minus one day: equal to
 * the event date plus the weeks.
 *
 * Kept exactly as DESIGN section 4 defines the report; the Algemene termijnenwet (a termijn ending on
 * a weekend day or feestdag runs on to the next working day) is deliberately not applied.
 */

/** What the beslistermijn depends on. */
export interface Beslistermijn {
  /** The day the besluit was bekendgemaakt (sent or handed out). */
  bekendmakingOp: string;
  /** Heard by an adviescommissie (Awb 7:13): twelve weeks instead of six. */
  adviescommissie: boolean;
  /** Verdaagd once under Awb 7:10 lid 3: six weeks more. */
  verdaagd: boolean;
}

/** Last day of the bezwaartermijn: six weeks (Awb 6:7) from the day after bekendmaking (6:8 lid 1). */
export function eindeBezwaartermijn(bekendmakingOp: string): string {
  return Temporal.PlainDate.from(bekendmakingOp).add({ weeks: 6 }).toString();
}

/**
 * Last day of the beslistermijn (Awb 7:10): six weeks, or twelve with an adviescommissie, from the
 * day after the bezwaartermijn ends; six weeks more when verdaagd.
 */
export function uiterlijkeBeslisdatum(termijn: Beslistermijn): string {
  const weken = (termijn.adviescommissie ? 12 : 6) + (termijn.verdaagd ? 6 : 0);
  return Temporal.PlainDate.from(eindeBezwaartermijn(termijn.bekendmakingOp)).add({ weeks: weken }).toString();
}

/** Whether a bezwaar afgehandeld on this day was decided within the beslistermijn (its last day included). */
export function binnenTermijn(afgehandeldOp: string, termijn: Beslistermijn): boolean {
  return Temporal.PlainDate.compare(Temporal.PlainDate.from(afgehandeldOp), uiterlijkeBeslisdatum(termijn)) <= 0;
}
