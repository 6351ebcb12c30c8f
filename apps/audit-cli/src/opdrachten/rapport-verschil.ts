/**
 * Every value that differs between two reports, by JSON path. Rows of a breakdown (`perGemeente`
 * and the like) are matched by their key fields (`perGemeente[gemeente=GM0005].clienten`), so a row
 * that appears or disappears is named once instead of shifting every row after it.
 */
export interface Verschil {
  pad: string;
  oud: unknown;
  nieuw: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A row's key: its text fields (gemeente, wet, leeftijdsgroep …), without the list of secret cells. */
function sleutel(rij: unknown): string | null {
  if (!isObject(rij)) return null;
  const delen = Object.entries(rij)
    .filter(([k, v]) => typeof v === 'string' && k !== 'geheim')
    .map(([k, v]) => `${k}=${v as string}`);
  return delen.length ? delen.join(',') : null;
}

function rijen(lijst: unknown[]): Map<string, unknown> | null {
  const m = new Map<string, unknown>();
  for (const rij of lijst) {
    const k = sleutel(rij);
    if (k === null || m.has(k)) return null;
    m.set(k, rij);
  }
  return m;
}

export function verschillen(oud: unknown, nieuw: unknown, pad = ''): Verschil[] {
  if (Array.isArray(oud) && Array.isArray(nieuw)) {
    const [a, b] = [rijen(oud), rijen(nieuw)];
    if (a && b) {
      const uit: Verschil[] = [];
      for (const k of new Set([...a.keys(), ...b.keys()])) uit.push(...verschillen(a.get(k), b.get(k), `${pad}[${k}]`));
      return uit;
    }
    const uit: Verschil[] = [];
    for (let i = 0; i < Math.max(oud.length, nieuw.length); i++) uit.push(...verschillen(oud[i], nieuw[i], `${pad}[${i}]`));
    return uit;
  }
  if (isObject(oud) && isObject(nieuw)) {
    const uit: Verschil[] = [];
    for (const k of new Set([...Object.keys(oud), ...Object.keys(nieuw)]))
      uit.push(...verschillen(oud[k], nieuw[k], pad ? `${pad}.${k}` : k));
    return uit;
  }
  return JSON.stringify(oud) === JSON.stringify(nieuw) ? [] : [{ pad, oud, nieuw }];
}
