/**
 * The recomputed chain value per position, packed: 8 bytes of position and 32 of hash per event
 * (40 MB for a million), because the export lists its checkpoints after the events they sign, and
 * a checkpoint is held against the value recomputed at its position. Positions are appended in
 * strictly increasing order, so a lookup is a binary search.
 */
export class KetenGeheugen {
  private posities = new Float64Array(1024);
  private ketens = Buffer.alloc(1024 * 32);
  private aantal = 0;

  voegToe(positie: number, keten: string): void {
    if (this.aantal === this.posities.length) {
      const posities = new Float64Array(this.posities.length * 2);
      posities.set(this.posities);
      this.posities = posities;
      const ketens = Buffer.alloc(this.ketens.length * 2);
      this.ketens.copy(ketens);
      this.ketens = ketens;
    }
    this.posities[this.aantal] = positie;
    this.ketens.write(keten, this.aantal * 32, 32, 'hex');
    this.aantal++;
  }

  /** How many positions are above this one. */
  aantalNa(positie: number): number {
    let laag = 0;
    let hoog = this.aantal;
    while (laag < hoog) {
      const midden = (laag + hoog) >>> 1;
      if (this.posities[midden] <= positie) laag = midden + 1;
      else hoog = midden;
    }
    return this.aantal - laag;
  }

  /** The value recomputed at this position, or undefined when the log has no such position. */
  op(positie: number): string | undefined {
    let laag = 0;
    let hoog = this.aantal - 1;
    while (laag <= hoog) {
      const midden = (laag + hoog) >>> 1;
      const p = this.posities[midden];
      if (p === positie) return this.ketens.toString('hex', midden * 32, midden * 32 + 32);
      if (p < positie) laag = midden + 1;
      else hoog = midden - 1;
    }
    return undefined;
  }
}
