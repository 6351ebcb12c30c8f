/*
 * Counting over many peildata at once. A row that runs from its start to its end covers a run of
 * consecutive points: with the points sorted, a half-open range [a, b) of point indexes. A count per
 * point is a sum of +1 at a and −1 at b. A count of distinct clients (or households) per point is the
 * same over what each one's ranges add to its earlier ones: taken in order of their start, a range
 * adds [max(a, the furthest end before it), b). The work follows the rows, not rows × points, and
 * lives in flat arrays.
 */

/** The ranges of one grouping set: each with its key (the set's values) and the row it came from. */
export class Segmenten {
  /** The values of each key, by key number. */
  readonly waarden: (string | null)[][] = [];
  /** The same keys as one string each. */
  readonly namen: string[] = [];
  readonly sleutel: number[] = [];
  readonly rij: number[] = [];
  readonly a: number[] = [];
  readonly b: number[] = [];
  private readonly nummers = new Map<string, number>();

  /** Rows must be added in increasing row order (all segments of a row together). A key of one value may be given as itself. */
  voegToe(waarden: string | null | (string | null)[], rij: number, a: number, b: number): void {
    if (a >= b) return;
    const naam = Array.isArray(waarden) ? waarden.join('\u0001') : (waarden ?? '\u0000');
    let k = this.nummers.get(naam);
    if (k === undefined) {
      k = this.waarden.length;
      this.nummers.set(naam, k);
      this.namen.push(naam);
      this.waarden.push(Array.isArray(waarden) ? waarden : [waarden]);
    }
    this.sleutel.push(k);
    this.rij.push(rij);
    this.a.push(a);
    this.b.push(b);
  }

  /** Per row r, its segments are [start[r], start[r + 1]). */
  perRij(rijen: number): Int32Array {
    const start = new Int32Array(rijen + 1);
    for (const r of this.rij) start[r + 1]++;
    for (let r = 0; r < rijen; r++) start[r + 1] += start[r];
    return start;
  }
}

/** Rows in the order to count them distinct: grouped by `entiteit`, and by start within a group. */
export interface Groepering {
  volgorde: Uint32Array;
  entiteit: Int32Array;
  /** The segments of a group do not come in order of their start (a household's members differ in age). */
  herordenen: boolean;
}

/**
 * The count per key and point (index key × points + point): of the segments, or (with a grouping)
 * of the distinct entities they belong to.
 */
export function tellingen(seg: Segmenten, groepering: Groepering | null, punten: number): Int32Array {
  const w = punten + 1;
  const d = new Int32Array(seg.waarden.length * w);
  const bereik = (k: number, a: number, b: number) => {
    d[k * w + a]++;
    d[k * w + b]--;
  };
  if (!groepering) for (let i = 0; i < seg.a.length; i++) bereik(seg.sleutel[i], seg.a[i], seg.b[i]);
  else {
    const { volgorde, entiteit, herordenen } = groepering;
    const start = seg.perRij(entiteit.length);
    const groep: number[] = [];
    const verwerk = () => {
      if (herordenen && groep.length > 1) groep.sort((x, y) => seg.a[x] - seg.a[y]);
      for (let p = 0; p < groep.length; p++) {
        const i = groep[p];
        const k = seg.sleutel[i];
        let verst = -1;
        for (let q = 0; q < p; q++) if (seg.sleutel[groep[q]] === k && seg.b[groep[q]] > verst) verst = seg.b[groep[q]];
        const van = Math.max(seg.a[i], verst);
        if (van < seg.b[i]) bereik(k, van, seg.b[i]);
      }
      groep.length = 0;
    };
    let huidige = -1;
    for (const r of volgorde) {
      if (entiteit[r] !== huidige) {
        verwerk();
        huidige = entiteit[r];
      }
      for (let i = start[r]; i < start[r + 1]; i++) groep.push(i);
    }
    verwerk();
  }
  const uit = new Int32Array(seg.waarden.length * punten);
  for (let k = 0; k < seg.waarden.length; k++) {
    let som = 0;
    for (let j = 0; j < punten; j++) uit[k * punten + j] = som += d[k * w + j];
  }
  return uit;
}

/** The rows' indexes ordered by entity, then by start. */
export function volgordeVan(entiteit: Int32Array, a: Int32Array): Uint32Array {
  return Uint32Array.from(entiteit.keys()).sort((x, y) => entiteit[x] - entiteit[y] || a[x] - a[y]);
}
