/**
 * A small seeded PRNG (mulberry32, uniform in [0, 1)) for generated test data and benchmark
 * histories: the same seed gives the same history on every machine.
 */
export class Rng {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  float(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.float() * list.length)];
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(list: readonly (readonly [T, number])[]): T {
    const total = list.reduce((s, [, w]) => s + w, 0);
    let r = this.float() * total;
    for (const [v, w] of list) if ((r -= w) < 0) return v;
    return list[list.length - 1][0];
  }

  /** An integer in [lo, hi] skewed towards lo: the lower of two uniform draws. */
  skewed(lo: number, hi: number): number {
    return lo + Math.floor(Math.min(this.float(), this.float()) * (hi - lo + 1));
  }
}
