/*
 * Counting over many peildata at once. A row that runs from its start to its end covers a run of
 * consecutive points: with the points sorted, that is a half-open range [a, b) of point indexes
 * (PostgreSQL's width_bucket gives a and b). A count per point is then a sum of +1 at a and −1 at b;
 * a count of distinct clients or households per point is the same over each one's merged ranges.
 * The work follows the rows, not rows × points.
 */

/** Per key, +1/−1 at point indexes; `tellingen` turns them into a count per point. */
export class Delta {
  private readonly perSleutel = new Map<string, Int32Array>();
  constructor(private readonly punten: number) {}

  bereik(sleutel: string, a: number, b: number): void {
    if (a >= b) return;
    let d = this.perSleutel.get(sleutel);
    if (!d) this.perSleutel.set(sleutel, (d = new Int32Array(this.punten + 1)));
    d[a]++;
    d[b]--;
  }

  /** key → count per point. */
  tellingen(): Map<string, Int32Array> {
    const uit = new Map<string, Int32Array>();
    for (const [sleutel, d] of this.perSleutel) {
      const t = new Int32Array(this.punten);
      let som = 0;
      for (let j = 0; j < this.punten; j++) t[j] = som += d[j];
      uit.set(sleutel, t);
    }
    return uit;
  }
}

/** Adds the union of these ranges (each [a, b)) under one key: a client or household counted once per point. */
export function voegSamen(delta: Delta, sleutel: string, bereiken: [number, number][]): void {
  if (bereiken.length === 1) return delta.bereik(sleutel, bereiken[0][0], bereiken[0][1]);
  bereiken.sort((x, y) => x[0] - y[0]);
  let [a, b] = bereiken[0];
  for (let i = 1; i < bereiken.length; i++) {
    const [c, d] = bereiken[i];
    if (c <= b) b = Math.max(b, d);
    else {
      delta.bereik(sleutel, a, b);
      [a, b] = [c, d];
    }
  }
  delta.bereik(sleutel, a, b);
}

/** Rows grouped by a field (a client, a household), in the order they came. */
export function groepeer<T>(rijen: T[], veld: (r: T) => string): Map<string, T[]> {
  const groepen = new Map<string, T[]>();
  for (const r of rijen) {
    const k = veld(r);
    const g = groepen.get(k);
    if (g) g.push(r);
    else groepen.set(k, [r]);
  }
  return groepen;
}
