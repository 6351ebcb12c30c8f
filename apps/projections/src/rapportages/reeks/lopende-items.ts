import { itemBron, itemFilter, type Params, type Selectie } from '../sql.js';

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
