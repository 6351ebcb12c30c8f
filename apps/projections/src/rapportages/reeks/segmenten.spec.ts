import { describe, expect, it } from '@jest/globals';
import { Segmenten, tellingen, volgordeVan } from './segmenten.js';

describe('counting over point ranges', () => {
  it('counts a row on each point of its range [a, b)', () => {
    const s = new Segmenten(4, 2);
    s.voegToe(0, 0, 1, 3);
    s.voegToe(0, 1, 2, 5);
    s.voegToe(0, 2, 4, 4); // empty: covers no point
    s.voegToe(1, 3, 0, 1);
    expect([...tellingen(s, null, 5)]).toEqual([0, 1, 2, 1, 1, 1, 0, 0, 0, 0]);
  });

  it('counts an entity once per point however its ranges overlap, per key', () => {
    // client 7 has five items (two keys), client 9 one
    // keys: x = 0, y = 1; clients numbered 0 (7) and 1 (9)
    const ranges: [number, number, number, number][] = [
      [0, 0, 3, 6],
      [0, 0, 0, 2],
      [0, 0, 1, 4],
      [1, 0, 1, 3],
      [0, 0, 7, 8],
      [0, 1, 2, 3],
    ];
    const s = new Segmenten(ranges.length, 2);
    ranges.forEach(([k, , a, b], i) => s.voegToe(k, i, a, b));
    const entiteit = Int32Array.from(ranges, (r) => r[1]);
    const a = Int32Array.from(ranges, (r) => r[2]);
    const telling = tellingen(s, { volgorde: volgordeVan(entiteit, a, 2), entiteit, herordenen: false }, 8);
    expect([...telling.slice(0, 8)]).toEqual([1, 1, 2, 1, 1, 1, 0, 1]); // x
    expect([...telling.slice(8, 16)]).toEqual([0, 1, 1, 0, 0, 0, 0, 0]); // y
  });

  it('reorders a group whose segments do not come by start', () => {
    const s = new Segmenten(2, 1);
    s.voegToe(0, 0, 4, 6); // row 0 starts at 0, but its segment for this key at 4
    s.voegToe(0, 1, 2, 5);
    const entiteit = Int32Array.from([1, 1]);
    const volgorde = Uint32Array.from([0, 1]);
    expect([...tellingen(s, { volgorde, entiteit, herordenen: true }, 6)]).toEqual([0, 0, 1, 1, 1, 1]);
  });

  it('orders rows by entity, then by start within it', () => {
    const entiteit = Int32Array.from([2, 0, 2, 1, 0, 2]);
    const a = Int32Array.from([5, 3, 1, 0, 3, 2]);
    expect([...volgordeVan(entiteit, a, 3)]).toEqual([1, 4, 3, 2, 5, 0]);
  });
});
