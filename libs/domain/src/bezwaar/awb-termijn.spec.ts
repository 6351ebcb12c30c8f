import { describe, expect, it } from '@jest/globals';
import { binnenTermijn, eindeBezwaartermijn, uiterlijkeBeslisdatum } from './awb-termijn.js';

const gewoon = { bekendmakingOp: '2016-01-04', adviescommissie: false, verdaagd: false };

describe('Awb termijnen', () => {
  it('bekendmaking Mon 2016-01-04: bezwaartermijn runs Tue 01-05 t/m Mon 02-15 (6 × 7 = 42 days)', () => {
    expect(eindeBezwaartermijn('2016-01-04')).toBe('2016-02-15');
  });

  it('beslistermijn runs from 2016-02-16, six weeks t/m 2016-03-28 (February 2016 has 29 days)', () => {
    expect(uiterlijkeBeslisdatum(gewoon)).toBe('2016-03-28');
  });

  it('with an adviescommissie twelve weeks after 2016-02-15: t/m 2016-05-09', () => {
    expect(uiterlijkeBeslisdatum({ ...gewoon, adviescommissie: true })).toBe('2016-05-09');
  });

  it('verdaagd without commissie: 6 + 6 weeks after 2016-02-15, also t/m 2016-05-09', () => {
    expect(uiterlijkeBeslisdatum({ ...gewoon, verdaagd: true })).toBe('2016-05-09');
  });

  it('verdaagd with commissie: 12 + 6 weeks after 2016-02-15: t/m 2016-06-20', () => {
    expect(uiterlijkeBeslisdatum({ ...gewoon, adviescommissie: true, verdaagd: true })).toBe('2016-06-20');
  });

  it('bekendmaking 2015-12-31 crosses the year: bezwaartermijn t/m 2016-02-11, beslistermijn t/m 2016-03-24 over 29 February', () => {
    expect(eindeBezwaartermijn('2015-12-31')).toBe('2016-02-11');
    expect(uiterlijkeBeslisdatum({ ...gewoon, bekendmakingOp: '2015-12-31' })).toBe('2016-03-24');
  });

  it('afgehandeld on the last day 2016-03-28 is binnen termijn, a day later not', () => {
    expect(binnenTermijn('2016-03-28', gewoon)).toBe(true);
    expect(binnenTermijn('2016-03-29', gewoon)).toBe(false);
    expect(binnenTermijn('2016-02-01', gewoon)).toBe(true);
  });

  it('afgehandeld 2016-04-15 is late without verdaging, in time once verdaagd (t/m 2016-05-09)', () => {
    expect(binnenTermijn('2016-04-15', gewoon)).toBe(false);
    expect(binnenTermijn('2016-04-15', { ...gewoon, verdaagd: true })).toBe(true);
  });
});
