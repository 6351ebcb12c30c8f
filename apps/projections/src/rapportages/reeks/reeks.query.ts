import { bezwarenPerPeriode } from '../bezwaren.query.js';
import type { Rapport, RapportMeta } from '../rapportage.types.js';
import type { Selectie, Snapshot, ZonderMeta } from '../sql.js';
import { wachtlijsten } from '../wachtlijst.query.js';
import type { Periode } from './intervallen.js';
import { instroomUitstroomReeks } from './instroom-uitstroom.reeks.js';
import { standReeks } from './stand.reeks.js';
import { stapelingReeks } from './stapeling.reeks.js';

export type RapportNaam = RapportMeta['rapport'];

/**
 * Every point of a series in a few statements over the read model, each point equal to the single
 * report: stand, wachtlijst and stapeling on the last day of each interval, instroom-uitstroom and
 * bezwaren over each interval.
 */
export function reeks(
  db: Snapshot,
  s: Selectie,
  rapport: RapportNaam,
  perioden: Periode[],
  normen: Record<string, number>,
): Promise<ZonderMeta<Rapport>[]> {
  const peildata = perioden.map((p) => p.tot);
  switch (rapport) {
    case 'stand':
      return standReeks(db, s, peildata);
    case 'wachtlijst':
      return wachtlijsten(db, s, peildata, normen);
    case 'stapeling':
      return stapelingReeks(db, s, peildata);
    case 'instroom-uitstroom':
      return instroomUitstroomReeks(db, s, perioden);
    case 'bezwaren':
      return bezwarenPerPeriode(db, s, perioden);
  }
}
