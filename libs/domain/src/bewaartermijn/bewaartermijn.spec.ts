import { describe, expect, it } from '@jest/globals';
import { type BewaarItem, bewaartermijnEinde, isVerlopen, STANDAARD_BEWAARTERMIJNEN, termijnVan } from './bewaartermijn.js';

const T = STANDAARD_BEWAARTERMIJNEN; // wmo 15, jeugdwet 20, participatiewet 10
const item = (soort: BewaarItem['soort'], wet: string, einde: string | null): BewaarItem => ({ soort, wet, einde });

describe('bewaartermijnEinde', () => {
  it('one ended wmo voorziening: its einddatum plus 15 calendar years', () => {
    expect(bewaartermijnEinde([item('voorziening', 'wmo', '2010-03-31')], T)).toEqual({
      verlooptOp: '2025-03-31',
      laatsteEinde: '2010-03-31',
      wet: 'wmo',
    });
  });

  it('leap day: 2016-02-29 plus 15 years is 2031-02-28; plus 20 years lands on 2036-02-29 again', () => {
    expect(bewaartermijnEinde([item('voorziening', 'wmo', '2016-02-29')], T)?.verlooptOp).toBe('2031-02-28');
    expect(bewaartermijnEinde([item('voorziening', 'jeugdwet', '2016-02-29')], T)?.verlooptOp).toBe('2036-02-29');
  });

  it('no expiry while any item runs: one open uitkering outweighs every ended item', () => {
    const items = [item('voorziening', 'wmo', '2001-01-31'), item('uitkering', 'participatiewet', null)];
    expect(bewaartermijnEinde(items, T)).toBeNull();
  });

  it('an aanmelding not yet afgerond and a bezwaar not yet afgehandeld run too', () => {
    expect(bewaartermijnEinde([item('aanmelding', 'wmo', null)], T)).toBeNull();
    expect(bewaartermijnEinde([item('voorziening', 'wmo', '2001-01-31'), item('bezwaar', 'wmo', null)], T)).toBeNull();
  });

  it('no items at all: nothing to count from, no expiry', () => {
    expect(bewaartermijnEinde([], T)).toBeNull();
  });

  it('several wetten: the item whose term ends last decides, not the item that ended last', () => {
    // jeugdwet ended 2005-06-30 → 2025-06-30; participatiewet ended later, 2012-12-31 → 2022-12-31.
    const items = [item('voorziening', 'jeugdwet', '2005-06-30'), item('uitkering', 'participatiewet', '2012-12-31')];
    expect(bewaartermijnEinde(items, T)).toEqual({ verlooptOp: '2025-06-30', laatsteEinde: '2005-06-30', wet: 'jeugdwet' });
  });

  it('an aanmelding ends on its afronding, a bezwaar on its afhandeling, each with its own wet', () => {
    const items = [
      item('aanmelding', 'wmo', '2008-02-01'),
      item('voorziening', 'wmo', '2009-12-31'),
      item('bezwaar', 'participatiewet', '2016-03-15'), // about an uitkering's besluit: 10 years
    ];
    expect(bewaartermijnEinde(items, T)).toEqual({ verlooptOp: '2026-03-15', laatsteEinde: '2016-03-15', wet: 'participatiewet' });
  });

  it('the answer does not depend on the order of the items; ties go to the later end, then the wet code', () => {
    const a = item('voorziening', 'wmo', '2005-01-01'); // → 2020-01-01
    const b = item('uitkering', 'participatiewet', '2010-01-01'); // → 2020-01-01
    expect(bewaartermijnEinde([a, b], T)).toEqual(bewaartermijnEinde([b, a], T));
    expect(bewaartermijnEinde([a, b], T)).toMatchObject({ laatsteEinde: '2010-01-01', wet: 'participatiewet' });
    const c = item('aanmelding', 'jeugdwet', '2005-01-01');
    const d = item('voorziening', 'wmo', '2010-01-01');
    const gelijk = { ...T, jeugdwet: 15, wmo: 10 }; // both → 2020-01-01
    expect(bewaartermijnEinde([c, d], gelijk)).toEqual(bewaartermijnEinde([d, c], gelijk));
  });

  it('takes configured terms: wmo 1 year ends a year after the einddatum', () => {
    expect(bewaartermijnEinde([item('voorziening', 'wmo', '2024-12-31')], { ...T, wmo: 1 })?.verlooptOp).toBe('2025-12-31');
  });
});

describe('termijnVan', () => {
  it('an unknown wet gets the longest configured term, never the shortest', () => {
    expect(termijnVan('wmo', T)).toBe(15);
    expect(termijnVan('onbekend', T)).toBe(20);
    expect(termijnVan('onbekend', { wmo: 30, jeugdwet: 5, participatiewet: 5 })).toBe(30);
  });
});

describe('isVerlopen', () => {
  const verloop = bewaartermijnEinde([item('voorziening', 'wmo', '2010-03-31')], T); // 2025-03-31

  it('on its last day the term still runs; the day after it has passed', () => {
    expect(isVerlopen(verloop, '2025-03-31')).toBe(false);
    expect(isVerlopen(verloop, '2025-04-01')).toBe(true);
    expect(isVerlopen(verloop, '2024-01-01')).toBe(false);
  });

  it('no expiry never passes', () => {
    expect(isVerlopen(null, '2999-12-31')).toBe(false);
  });
});
