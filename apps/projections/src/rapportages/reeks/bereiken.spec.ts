import { describe, expect, it } from '@jest/globals';
import { Delta, voegSamen } from './bereiken.js';

describe('counting over point ranges', () => {
  it('counts a row on each point of its range [a, b)', () => {
    const d = new Delta(5);
    d.bereik('x', 1, 3);
    d.bereik('x', 2, 5);
    d.bereik('x', 4, 4); // empty: covers no point
    expect([...d.tellingen().get('x')!]).toEqual([0, 1, 2, 1, 1]);
  });

  it('counts a client once per point however many of its ranges overlap', () => {
    const d = new Delta(8);
    voegSamen(d, 'c', [
      [3, 6],
      [0, 2],
      [1, 4],
      [7, 8],
      [6, 6],
    ]);
    expect([...d.tellingen().get('c')!]).toEqual([1, 1, 1, 1, 1, 1, 0, 1]);
  });
});
