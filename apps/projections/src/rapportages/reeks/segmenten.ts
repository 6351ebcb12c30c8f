/*
 * Counting over many peildata at once. A row that runs from its start to its end covers a run of
 * consecutive points: with the points sorted, a half-open range [a, b) of point indexes. A count per
 * point is a sum of +1 at a and −1 at b. A count of distinct clients (or households) per point is the
 * same over what each one's ranges add to its earlier ones: taken in order of their start, a range
 * adds [max(a, the furthest end before it), b). The work follows the rows, not rows × points, and
 * lives in flat typed arrays: keys are numbers 0 … sleutels − 1, which the caller gives meaning.
 */

/** The ranges of one grouping set: each with its key and the row it came from. */
export class Segmenten {
  readonly sleutel: Int32Array;
  readonly rij: Int32Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  lengte = 0;

  /** At most `capaciteit` segments, keys below `sleutels`. */
  constructor(
    capaciteit: number,
    readonly sleutels: number,
  ) {
    this.sleutel = new Int32Array(capaciteit);
    this.rij = new Int32Array(capaciteit);
    this.a = new Int32Array(capaciteit);
    this.b = new Int32Array(capaciteit);
  }

  /** Rows must be added in increasing row order (all segments of a row together). */
  voegToe(sleutel: number, rij: number, a: number, b: number): void {
    if (a >= b) return;
    const i = this.lengte++;
    this.sleutel[i] = sleutel;
    this.rij[i] = rij;
    this.a[i] = a;
    this.b[i] = b;
  }

  /** Per row r, its segments are [start[r], start[r + 1]). */
  perRij(rijen: number): Int32Array {
    const start = new Int32Array(rijen + 1);
    for (let i = 0; i < this.lengte; i++) start[this.rij[i] + 1]++;
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
  const d = new Int32Array(seg.sleutels * w);
  if (!groepering)
    for (let i = 0; i < seg.lengte; i++) {
      d[seg.sleutel[i] * w + seg.a[i]]++;
      d[seg.sleutel[i] * w + seg.b[i]]--;
    }
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
        if (van < seg.b[i]) {
          d[k * w + van]++;
          d[k * w + seg.b[i]]--;
        }
      }
      groep.length = 0;
    };
    let huidige = -1;
    for (let v = 0; v < volgorde.length; v++) {
      const r = volgorde[v];
      if (entiteit[r] !== huidige) {
        verwerk();
        huidige = entiteit[r];
      }
      for (let i = start[r]; i < start[r + 1]; i++) groep.push(i);
    }
    verwerk();
  }
  const uit = new Int32Array(seg.sleutels * punten);
  for (let k = 0; k < seg.sleutels; k++) {
    let som = 0;
    for (let j = 0; j < punten; j++) uit[k * punten + j] = som += d[k * w + j];
  }
  return uit;
}

/**
 * The rows' indexes ordered by entity (numbered 0 … entiteiten − 1), then by start: a counting sort
 * by entity, then an insertion sort within each (small) group.
 */
export function volgordeVan(entiteit: Int32Array, a: Int32Array, entiteiten: number): Uint32Array {
  const start = new Int32Array(entiteiten + 1);
  for (let i = 0; i < entiteit.length; i++) start[entiteit[i] + 1]++;
  for (let e = 0; e < entiteiten; e++) start[e + 1] += start[e];
  const plek = start.slice(0, entiteiten);
  const uit = new Uint32Array(entiteit.length);
  for (let i = 0; i < entiteit.length; i++) uit[plek[entiteit[i]]++] = i;
  for (let e = 0; e < entiteiten; e++)
    for (let p = start[e] + 1; p < start[e + 1]; p++) {
      const x = uit[p];
      let q = p - 1;
      for (; q >= start[e] && a[uit[q]] > a[x]; q--) uit[q + 1] = uit[q];
      uit[q + 1] = x;
    }
  return uit;
}
