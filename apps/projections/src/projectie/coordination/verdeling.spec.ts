import { describe, expect, it } from '@jest/globals';
import { mijnGemeenten } from './verdeling.js';

const G = ['GM0005', 'GM0006', 'GM0007', 'GM0008', 'GM0009'];

describe('verdeling van gemeenten over workers', () => {
  it('gives one worker everything', () => expect(mijnGemeenten(G, [3], 3)).toEqual(G));

  it('gives three workers disjoint shares that cover every gemeente', () => {
    const delen = [0, 4, 7].map((slot) => mijnGemeenten(G, [7, 0, 4], slot));
    expect(delen.flat().sort()).toEqual(G);
    expect(delen.map((d) => d.length)).toEqual([2, 2, 1]);
  });

  it('redistributes when a worker is gone', () => {
    expect([0, 7].flatMap((slot) => mijnGemeenten(G, [0, 7], slot)).sort()).toEqual(G);
  });

  it('gives a worker that is not alive nothing', () => expect(mijnGemeenten(G, [0, 1], 5)).toEqual([]));
});
