import { itemBron, itemFilter, type Params, type Selectie } from '../sql.js';
import { volgordeVan } from './segmenten.js';
import { Woordenboek } from './woordenboek.js';

/**
 * The statement over the items that run on any of the peildata (ascending), for the series that
 * count from ranges (segmenten.ts). `kolommen` selects from the item (`i.*`) and its points [a, b):
 * width_bucket(x, points) is the number of points <= x, so an item counts from its ingangsdatum up
 * to the day before its einddatum, as in the single reports. A series has at most 240 points, so a
 * point number fits in a byte: callers pack numbers into one column (node-pg's reading of many
 * columns was most of the time).
 */
export function lopendeItemsSql(p: Params, s: Selectie, peildata: string[], kolommen: string): string {
  const n = peildata.length;
  const punten = `${p.add(peildata)}::date[]`;
  return `SELECT ${kolommen}
            FROM (SELECT i.*, width_bucket(i.ingangsdatum - 1, ${punten}) AS a,
                         coalesce(width_bucket(i.einddatum - 1, ${punten}), ${n}) AS b
                    FROM ${itemBron(p, s, peildata[0], peildata[n - 1])} i
                   WHERE ${itemFilter(p, s)}) i
           WHERE a < b`;
}

/** Per item its client and household (numbered 0 …), its points [a, b), and per client and household its items by start. */
export interface LopendeItems {
  client: Int32Array;
  huishouden: Int32Array;
  a: Int32Array;
  b: Int32Array;
  perClient: Uint32Array;
  perHuishouden: Uint32Array;
}

/** Rows of `lopendeItemsSql` with the client in column 0, the household in 1 and `a | (b << 8) | …` in column `punten`. */
export function lopendeItems(rows: readonly (readonly unknown[])[], punten: number): LopendeItems {
  const clienten = new Woordenboek<unknown>();
  const huishoudens = new Woordenboek<unknown>();
  const client = clienten.nummersVan(rows, 0);
  const huishouden = huishoudens.nummersVan(rows, 1);
  const a = new Int32Array(rows.length);
  const b = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const x = rows[i][punten] as number;
    a[i] = x & 0xff;
    b[i] = (x >> 8) & 0xff;
  }
  return {
    client,
    huishouden,
    a,
    b,
    perClient: volgordeVan(client, a, clienten.aantal),
    perHuishouden: volgordeVan(huishouden, a, huishoudens.aantal),
  };
}
