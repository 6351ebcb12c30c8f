import { Temporal } from 'temporal-polyfill';
import { invalidField, type InvalidField } from '@sd/http';

/*
 * The intervals of a series (GET /rapportages/reeks): calendar months, quarters, half-years or years
 * from `van` to `tot`, which must be the first and the last day of one. A point-in-time report
 * (stand, wachtlijst, stapeling) is asked per last day of each interval, a period report
 * (instroom-uitstroom, bezwaren) per interval.
 */

export const INTERVALLEN = ['maand', 'kwartaal', 'halfjaar', 'jaar'] as const;
export type Interval = (typeof INTERVALLEN)[number];

const MAANDEN: Record<Interval, number> = { maand: 1, kwartaal: 3, halfjaar: 6, jaar: 12 };
const NAAM: Record<Interval, string> = { maand: 'een maand', kwartaal: 'een kwartaal', halfjaar: 'een halfjaar', jaar: 'een jaar' };

/** More points than this is no longer a trend one can read (20 years of months). */
export const MAX_PUNTEN = 240;

export interface Periode {
  van: string;
  tot: string;
}

/** The intervals from van to tot, or the fields that do not fit. */
export function intervallen(van: string, tot: string, interval: Interval): { perioden: Periode[] } | { fouten: InvalidField[] } {
  const m = MAANDEN[interval];
  const begin = Temporal.PlainDate.from(van);
  const eind = Temporal.PlainDate.from(tot);
  const fouten: InvalidField[] = [];
  const isBegin = (d: Temporal.PlainDate) => d.day === 1 && (d.month - 1) % m === 0;
  if (!isBegin(begin)) fouten.push(invalidField('van', `geen eerste dag van ${NAAM[interval]}`));
  if (!isBegin(eind.add({ days: 1 }))) fouten.push(invalidField('tot', `geen laatste dag van ${NAAM[interval]}`));
  if (fouten.length) return { fouten };
  if (Temporal.PlainDate.compare(begin, eind) > 0) return { fouten: [invalidField('tot', 'tot ligt voor van')] };
  const maanden = (eind.year - begin.year) * 12 + eind.month - begin.month + 1;
  const aantal = maanden / m;
  if (aantal > MAX_PUNTEN)
    return {
      fouten: [
        invalidField(
          'interval',
          `${aantal} punten; een reeks heeft er hoogstens ${MAX_PUNTEN}: kies een langer interval of een kortere periode`,
        ),
      ],
    };
  const perioden: Periode[] = [];
  for (let i = 0; i < aantal; i++) {
    const v = begin.add({ months: i * m });
    perioden.push({ van: v.toString(), tot: v.add({ months: m }).subtract({ days: 1 }).toString() });
  }
  return { perioden };
}
