/**
 * What the history generator chooses from: the code lists and their weights, and the random
 * choices about a client that do not depend on its registrations (birth date, BSN).
 */
import { JEUGDWET_PRODUCTCATEGORIEEN, WMO_PRODUCTCATEGORIEEN } from '@sd/domain';
import { MAANDEINDEN, plusDagen, type Rng } from './kalender.js';

export const WMO = Object.keys(WMO_PRODUCTCATEGORIEEN).sort();
export const JEUGDWET = Object.keys(JEUGDWET_PRODUCTCATEGORIEEN).sort();
export const REGELINGEN = [
  ['participatiewet', 55],
  ['ioaw', 12],
  ['ioaz', 8],
  ['bbz', 12],
  ['participatiewet-elders-verzorgd', 10],
] as const;
export const BEEINDIGINGSREDENEN = [
  ['volgens-plan', 40],
  ['voortijdig-client', 15],
  ['voortijdig-aanbieder', 10],
  ['verhuizing', 10],
  ['overlijden', 10],
  ['wlz', 8],
  ['overig', 7],
] as const;
export const AFRONDINGEN_ZONDER_BESLUIT = ['algemene-voorziening', 'doorverwezen', 'geen-ondersteuning', 'ingetrokken'] as const;
export const ONDERWERPEN = [
  'huishoudelijke-hulp',
  'begeleiding-individueel',
  'beschermd-wonen',
  'pgb',
  'meerkostenregeling',
  'jeugdhulp',
  'levensonderhoud',
  'overig',
];
export const NORM: Record<string, number> = { wmo: 42, jeugdwet: 56, participatiewet: 56 };

/** A BSN passing the elfproef, unique per (seed, number). */
export function bsnVoor(seed: number, nr: number): string {
  for (let k = 0; ; k++) {
    const acht = String(10_000_000 + (((((seed % 1000) + 1000) % 1000) * 50_000 + nr * 7 + k) % 89_999_999)).padStart(8, '0');
    let som = 0;
    for (let i = 0; i < 8; i++) som += Number(acht[i]) * (9 - i);
    const laatste = som % 11;
    if (laatste <= 9) return `${acht}${laatste}`;
  }
}

export function geboortedatum(rng: Rng, kind: boolean): string {
  // Some exactly on an age boundary (18, 27, 65, 75) at a month end of the history, or a day off.
  if (rng.chance(0.08)) {
    const peil = rng.pick(MAANDEINDEN);
    const jaren = rng.pick([18, 27, 65, 75]);
    const d = `${Number(peil.slice(0, 4)) - jaren}${peil.slice(4)}`;
    return plusDagen(d, rng.pick([0, 0, 1, -1]));
  }
  if (kind) return rng.datum('1999-01-01', '2014-12-31');
  return rng.weighted([
    [rng.datum('1999-01-01', '2014-12-31'), 20],
    [rng.datum('1952-01-01', '1998-12-31'), 50],
    [rng.datum('1920-01-01', '1951-12-31'), 30],
  ] as const);
}
