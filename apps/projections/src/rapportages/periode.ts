import { Temporal } from 'temporal-polyfill';

/**
 * Period shortcuts of the design: a month `2016-05`, a quarter `2016-Q2`, a half-year `2016-H1`,
 * a year `2016`. Returns the first and last day (inclusive), or null when it is none of these.
 */
export function periodeGrenzen(periode: string): { van: string; tot: string } | null {
  let m: RegExpExecArray | null;
  const blok = (jaar: number, eersteMaand: number, maanden: number) => {
    const van = Temporal.PlainDate.from({ year: jaar, month: eersteMaand, day: 1 });
    return { van: van.toString(), tot: van.add({ months: maanden }).subtract({ days: 1 }).toString() };
  };
  if ((m = /^(\d{4})$/.exec(periode))) return blok(Number(m[1]), 1, 12);
  if ((m = /^(\d{4})-H([12])$/.exec(periode))) return blok(Number(m[1]), Number(m[2]) === 1 ? 1 : 7, 6);
  if ((m = /^(\d{4})-Q([1-4])$/.exec(periode))) return blok(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3);
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(periode))) return blok(Number(m[1]), Number(m[2]), 1);
  return null;
}
