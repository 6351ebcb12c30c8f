/**
 * Publication mode, as CBS publishes the gemeentelijke monitor sociaal domein (seed 004: "afgerond
 * op vijftallen … de waarden 0 tot en met 7 weergegeven als geheim"): a count up to the threshold
 * becomes null and is named in the `geheim` list of its object; any other count is rounded to the
 * nearest multiple of 5. Totals were computed from raw rows, so they are rounded, never summed.
 */

/** Fields that hold counts, directly or as a map of code → count. */
const AANTALLEN = new Set([
  'voorzieningen',
  'clienten',
  'huishoudens',
  'beginstand',
  'instroom',
  'uitstroom',
  'eindstand',
  'aanmeldingen',
  'aanmeldingenBovenNorm',
  'nietGestart',
  'ontvangen',
  'afgehandeld',
  'binnenTermijn',
]);
const MAPS = new Set(['instroomPerReden', 'uitstroomPerReden', 'perUitkomst', 'perOnderwerp', 'clienten', 'huishoudens', 'combinaties']);
/** Ratios derived from counts: secret when the counts they come from are. */
const VERHOUDINGEN: Record<string, string> = { clientenPer1000Inwoners: 'clienten', huishoudensPer1000Huishoudens: 'huishoudens' };
/** Meta and input figures that are no counts of people. */
const GEEN_CEL = new Set(['positie', 'normen', 'bevolking', 'kennisdatum', 'filters']);

export function afronden(aantal: number): number {
  return Math.round(aantal / 5) * 5;
}

export function publiceer<T>(rapport: T, geheimTot = 7): T {
  const cel = (v: number, naam: string, geheim: string[]) => {
    if (v <= geheimTot) {
      geheim.push(naam);
      return null;
    }
    return afronden(v);
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const uit: Record<string, unknown> = {};
    const geheim: string[] = [];
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (GEEN_CEL.has(k)) uit[k] = v;
      else if (typeof v === 'number' && AANTALLEN.has(k)) uit[k] = cel(v, k, geheim);
      else if (MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v)) {
        uit[k] = Object.fromEntries(
          Object.entries(v).map(([code, x]) => [code, typeof x === 'number' ? cel(x, `${k}.${code}`, geheim) : x]),
        );
      } else uit[k] = walk(v);
    }
    for (const [ratio, bron] of Object.entries(VERHOUDINGEN)) {
      if (ratio in uit && Object.keys((node as Record<string, Record<string, number>>)[bron] ?? {}).length) {
        const som = Object.values((node as Record<string, Record<string, number>>)[bron]).reduce((t, x) => t + x, 0);
        if (som <= geheimTot) {
          uit[ratio] = null;
          geheim.push(ratio);
        }
      }
    }
    if (geheim.length) uit.geheim = geheim;
    return uit;
  };
  return walk(rapport) as T;
}
