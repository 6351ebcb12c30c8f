/*
 * Figure by figure, a report the API answered against its recomputation. Breakdown rows are
 * matched by their key fields (the string fields of a row: gemeente, wet, klasse, …), not by index,
 * so one missing row is one difference, not a cascade; a path reads `perWet[wet=wmo].clienten`.
 */

export interface Verschil {
  pad: string;
  /** `undefined` when the API has no such figure or row. */
  api: unknown;
  /** `undefined` when the recomputation has no such figure or row. */
  herberekend: unknown;
}

export interface Vergelijking {
  verschillen: Verschil[];
  /** How many figures (numbers and other leaves) were compared. */
  vergeleken: number;
  /** Top-level fields left out of the comparison: the report's meta fields and what was not recomputable. */
  nietVergeleken: string[];
}

/** The API's meta fields: about the answer, not figures of the report. */
export const META_VELDEN = ['rapport', 'kennisdatum', 'positie', 'filters', 'publicatie'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function rijSleutel(rij: unknown): string {
  if (!isObject(rij)) return JSON.stringify(rij);
  return Object.entries(rij)
    .filter(([, v]) => typeof v === 'string')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
}

function bladeren(waarde: unknown): number {
  if (Array.isArray(waarde)) return waarde.reduce((n: number, v) => n + bladeren(v), 0);
  if (isObject(waarde)) return Object.values(waarde).reduce((n: number, v) => n + bladeren(v), 0);
  return 1;
}

function loop(pad: string, api: unknown, her: unknown, uit: Vergelijking): void {
  if (Array.isArray(api) && Array.isArray(her)) {
    const perSleutel = new Map(her.map((r) => [rijSleutel(r), r] as const));
    const gezien = new Set<string>();
    for (const r of api) {
      const s = rijSleutel(r);
      gezien.add(s);
      if (perSleutel.has(s)) loop(`${pad}[${s}]`, r, perSleutel.get(s), uit);
      else {
        uit.vergeleken += bladeren(r);
        uit.verschillen.push({ pad: `${pad}[${s}]`, api: r, herberekend: undefined });
      }
    }
    for (const [s, r] of perSleutel)
      if (!gezien.has(s)) {
        uit.vergeleken += bladeren(r);
        uit.verschillen.push({ pad: `${pad}[${s}]`, api: undefined, herberekend: r });
      }
    return;
  }
  if (isObject(api) && isObject(her)) {
    for (const k of new Set([...Object.keys(api), ...Object.keys(her)])) loop(pad ? `${pad}.${k}` : k, api[k], her[k], uit);
    return;
  }
  uit.vergeleken += Math.max(1, bladeren(api === undefined ? her : api));
  if (JSON.stringify(api) !== JSON.stringify(her)) uit.verschillen.push({ pad, api, herberekend: her });
}

/** Compares every figure of `api` (meta fields and `overslaan` left out) with `herberekend`. */
export function vergelijkCijfers(
  api: Record<string, unknown>,
  herberekend: Record<string, unknown>,
  overslaan: readonly string[],
): Vergelijking {
  const weg = new Set<string>([...META_VELDEN, ...overslaan]);
  const zonder = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !weg.has(k)));
  const uit: Vergelijking = { verschillen: [], vergeleken: 0, nietVergeleken: [...overslaan] };
  loop('', zonder(api), zonder(herberekend), uit);
  return uit;
}
