/**
 * Burgerservicenummer: 9 digits that pass the elfproef
 * (9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11). All zeros passes the sum but is no BSN.
 */
export function isValidBsn(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}
