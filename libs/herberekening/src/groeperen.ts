import { LEEFTIJDSGROEPEN, STAPEL_KLASSEN, WACHTTIJD_KLASSEN } from './rapport.types.js';

/** Plain code-unit order, as for the codes the reports group by. */
export function vergelijk(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function optellen(map: Record<string, number>, sleutel: string): void {
  map[sleutel] = (map[sleutel] ?? 0) + 1;
}

/**
 * types: "Breakdown rows (`perX` arrays) exist for each value present in the filtered population,
 * sorted ascending by their key field(s)." Groups the population by the key fields (a null key
 * leaves the element out of this breakdown) and makes one row per key.
 */
export function rijen<T, K extends Record<string, string>, C>(
  populatie: T[],
  sleutel: (t: T) => K | null,
  cijfers: (groep: T[]) => C,
): (C & K)[] {
  const groepen = new Map<string, { key: K; leden: T[] }>();
  for (const t of populatie) {
    const key = sleutel(t);
    if (key === null) continue;
    const id = JSON.stringify(Object.values(key));
    let g = groepen.get(id);
    if (!g) groepen.set(id, (g = { key, leden: [] }));
    g.leden.push(t);
  }
  const lijst = [...groepen.values()];
  lijst.sort((a, b) => {
    const va = Object.values(a.key);
    const vb = Object.values(b.key);
    for (let i = 0; i < va.length; i++) {
      const c = vergelijk(va[i], vb[i]);
      if (c !== 0) return c;
    }
    return 0;
  });
  return lijst.map((g) => ({ ...g.key, ...cijfers(g.leden) }));
}

/** Rounds a non-negative fraction teller/noemer to one decimal, half up, without floating error. */
export function eenDecimaal(teller: number, noemer: number): number {
  const tienden = Math.floor((teller * 10) / noemer);
  const rest = teller * 10 - tienden * noemer;
  return (2 * rest >= noemer ? tienden + 1 : tienden) / 10;
}

export function leeftijdsgroep(jaren: number): (typeof LEEFTIJDSGROEPEN)[number] {
  if (jaren <= 17) return '0-17';
  if (jaren <= 26) return '18-26';
  if (jaren <= 64) return '27-64';
  if (jaren <= 74) return '65-74';
  return '75+';
}

export function wachttijdKlasse(dagen: number): (typeof WACHTTIJD_KLASSEN)[number] {
  if (dagen <= 14) return '0-14';
  if (dagen <= 28) return '15-28';
  if (dagen <= 42) return '29-42';
  if (dagen <= 56) return '43-56';
  if (dagen <= 91) return '57-91';
  return '92+';
}

export function stapelKlasse(aantal: number): (typeof STAPEL_KLASSEN)[number] {
  return aantal >= 6 ? '6+' : (String(aantal) as (typeof STAPEL_KLASSEN)[number]);
}
