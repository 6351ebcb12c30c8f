/**
 * A number per distinct value (of a column, a client, a household), in order of first sight:
 * numbers index typed arrays and group faster than strings.
 */
export class Woordenboek<T> {
  private readonly nummers = new Map<T, number>();
  readonly waarden: T[] = [];

  nummer(waarde: T): number {
    let k = this.nummers.get(waarde);
    if (k === undefined) {
      k = this.waarden.length;
      this.nummers.set(waarde, k);
      this.waarden.push(waarde);
    }
    return k;
  }

  /** The number of each row's value in column `kolom`. */
  nummersVan(rows: readonly (readonly unknown[])[], kolom: number): Int32Array {
    const uit = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) uit[i] = this.nummer(rows[i][kolom] as T);
    return uit;
  }

  get aantal(): number {
    return this.waarden.length;
  }
}
