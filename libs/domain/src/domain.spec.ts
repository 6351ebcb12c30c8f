import { describe, expect, it } from '@jest/globals';
import { Temporal } from 'temporal-polyfill';
import { isValidBsn } from './bsn.js';
import { isKalenderdatum, vandaag, vergelijkDatum } from './kalender.js';

describe('BSN elfproef', () => {
  it.each(['111222333', '123456782', '999999990'])('accepts %s', (bsn) => expect(isValidBsn(bsn)).toBe(true));
  it.each(['111222334', '12345678', '1234567890', '12345678a', 'abcdefghi', '000000000', '', 123456782, null])('refuses %p', (bsn) =>
    expect(isValidBsn(bsn)).toBe(false),
  );
});

describe('kalenderdatum', () => {
  it('accepts real dates and leap days', () => {
    expect(isKalenderdatum('2016-02-29')).toBe(true);
    expect(isKalenderdatum('2016-12-31')).toBe(true);
  });
  it.each(['2015-02-29', '2016-13-01', '2016-04-31', '2016-4-1', '01-04-2016', '2016-04-01T00:00:00Z', 20160401])('refuses %p', (d) =>
    expect(isKalenderdatum(d)).toBe(false),
  );
  it('takes today in Europe/Amsterdam, not UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam (UTC+1 in winter).
    expect(vandaag(Temporal.Instant.from('2016-12-31T23:30:00Z'))).toBe('2017-01-01');
    expect(vandaag(Temporal.Instant.from('2016-06-30T21:59:00Z'))).toBe('2016-06-30');
    expect(vandaag(Temporal.Instant.from('2016-06-30T22:00:00Z'))).toBe('2016-07-01');
  });
  it('compares dates', () => {
    expect(vergelijkDatum('2016-01-01', '2016-01-02')).toBeLessThan(0);
    expect(vergelijkDatum('2016-01-02', '2016-01-02')).toBe(0);
  });
});
