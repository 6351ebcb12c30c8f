import { describe, expect, it } from '@jest/globals';
import { kennisdatumInstant, periodeGrenzen } from './periode.js';

describe('periodeGrenzen', () => {
  it.each([
    ['2016', '2016-01-01', '2016-12-31'],
    ['2016-H1', '2016-01-01', '2016-06-30'],
    ['2016-H2', '2016-07-01', '2016-12-31'],
    ['2016-Q1', '2016-01-01', '2016-03-31'],
    ['2016-Q4', '2016-10-01', '2016-12-31'],
    ['2016-02', '2016-02-01', '2016-02-29'],
    ['2015-02', '2015-02-01', '2015-02-28'],
  ])('%s is %s t/m %s', (periode, van, tot) => expect(periodeGrenzen(periode)).toEqual({ van, tot }));

  it.each(['2016-Q5', '2016-H3', '2016-13', '16-Q1', '2016-W05', ''])('%p is no period', (p) => expect(periodeGrenzen(p)).toBeNull());
});

describe('kennisdatumInstant', () => {
  it('takes a date as the end of that day in Amsterdam (summer: UTC+2)', () => {
    expect(kennisdatumInstant('2016-07-15')!.toISOString()).toBe('2016-07-15T21:59:59.999Z');
  });
  it('and in winter (UTC+1)', () => {
    expect(kennisdatumInstant('2016-01-15')!.toISOString()).toBe('2016-01-15T22:59:59.999Z');
  });
  it('takes an instant with Z or an offset as it is', () => {
    expect(kennisdatumInstant('2016-07-15T09:30:00Z')!.toISOString()).toBe('2016-07-15T09:30:00.000Z');
    expect(kennisdatumInstant('2016-07-15T11:30:00+02:00')!.toISOString()).toBe('2016-07-15T09:30:00.000Z');
  });
  it.each(['2016-07-15T09:30:00', '2016-02-30', '15-07-2016', 'gisteren', '2016-07-15T25:00:00Z'])('refuses %p', (v) =>
    expect(kennisdatumInstant(v)).toBeNull(),
  );
});
