import { describe, expect, it } from '@jest/globals';
import { periodeGrenzen } from './periode.js';

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
