import { describe, expect, it } from '@jest/globals';
import { kennisdatumInstant } from './tijdstip.js';

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
