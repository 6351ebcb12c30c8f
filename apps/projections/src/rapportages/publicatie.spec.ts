import { describe, expect, it } from '@jest/globals';
import { afronden, publiceer } from './publicatie.js';

describe('publicatie', () => {
  it('rounds to the nearest multiple of 5', () => {
    expect([8, 10, 12, 13, 17, 18, 1234].map(afronden)).toEqual([10, 10, 10, 15, 15, 20, 1235]);
  });

  it('shows 0..7 as secret (null, named in geheim) and rounds the rest, totals from the raw total', () => {
    const rapport = {
      positie: 3,
      totaal: { voorzieningen: 23, clienten: 7, huishoudens: 0 },
      perGemeente: [
        { gemeente: 'GM0005', voorzieningen: 12, clienten: 4, huishoudens: 8 },
        { gemeente: 'GM0006', voorzieningen: 11, clienten: 3, huishoudens: 2 },
      ],
    };
    expect(publiceer(rapport)).toEqual({
      positie: 3,
      totaal: { voorzieningen: 25, clienten: null, huishoudens: null, geheim: ['clienten', 'huishoudens'] },
      perGemeente: [
        { gemeente: 'GM0005', voorzieningen: 10, clienten: null, huishoudens: 10, geheim: ['clienten'] },
        { gemeente: 'GM0006', voorzieningen: 10, clienten: null, huishoudens: null, geheim: ['clienten', 'huishoudens'] },
      ],
    });
  });

  it('treats counts inside code maps the same way', () => {
    expect(publiceer({ totaal: { uitstroomPerReden: { werk: 9, overig: 2 } } })).toEqual({
      totaal: { uitstroomPerReden: { werk: 10, overig: null }, geheim: ['uitstroomPerReden.overig'] },
    });
  });

  it('takes another threshold', () => {
    expect(publiceer({ totaal: { voorzieningen: 7 } }, 4)).toEqual({ totaal: { voorzieningen: 5 } });
  });
});
