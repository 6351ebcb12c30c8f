/** The report series of the benchmarks: every report asked over HTTP with random (seeded) parameters. */
import { Rng } from '@sd/testing';
import { iso } from './history.js';
import { afgerond, verdeling, Voortgang } from './measure.js';
import type { RapportMeting, Scope } from './output.js';

export const DOEL_EEN_MS = 100;
export const DOEL_ALLE_MS = 1000;
/** The dashboard's trends: a series of 36 months (12 quarters) in one request (issue 14). */
export const DOEL_REEKS_EEN_MS = 300;
export const DOEL_REEKS_ALLE_MS = 2000;

export interface ReportSeriesOptions {
  /** Base URL of the projections app. */
  basis: string;
  /** A `rapportage` token for every gemeente below. */
  token: string;
  gemeenten: string[];
  /** Instants a kennisdatum is picked from (besides none). */
  kennisdata: string[];
  requests: number;
  warmup: number;
  seed: number;
  log: (regel: string) => void;
}

/**
 * Asks each of the five reports `requests` times for (a) one random gemeente and (b) all
 * gemeenten of the token, after `warmup` requests that are not counted. Parameters: peildatum in
 * 2015-06-01 … 2017-06-30, periods of 1, 3, 6 or 12 months starting in 2015-06 … 2017-06, stapeling
 * with a period 20 % of the time, kennisdatum none or one of `kennisdata`. These are the last three
 * years of the history at every size (a longer history starts earlier: history.ts), so the reports
 * ask about the same caseload. Client-side time from sending the request to the last byte of the body.
 */
export async function meetRapporten(o: ReportSeriesOptions): Promise<RapportMeting[]> {
  const rng = new Rng(o.seed);
  const dagVan = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;
  const peildatum = () => iso(rng.int(dagVan('2015-06-01'), dagVan('2017-06-30')));
  const periode = (): { van: string; tot: string } => {
    // a month, quarter, half year or year starting in 2015-06 … 2017-06
    const maand = rng.int(0, 24); // months after 2015-06
    const lengte = rng.pick([1, 3, 6, 12]);
    const jaar = 2015 + Math.floor((5 + maand) / 12);
    const m = ((5 + maand) % 12) + 1;
    const van = `${jaar}-${String(m).padStart(2, '0')}-01`;
    const eind = new Date(Date.UTC(jaar, m - 1 + lengte, 0)).toISOString().slice(0, 10);
    return { van, tot: eind > '2017-06-30' ? '2017-06-30' : eind };
  };
  const kennisdatum = (): Record<string, string> => {
    const k = rng.pick<string | null>([null, ...o.kennisdata]);
    return k ? { kennisdatum: k } : {};
  };
  const RAPPORTEN: { rapport: string; params: () => Record<string, string>; pad?: string; doel?: [number, number] }[] = [
    { rapport: 'stand', params: () => ({ peildatum: peildatum() }) },
    { rapport: 'instroom-uitstroom', params: () => periode() },
    { rapport: 'wachtlijst', params: () => ({ peildatum: peildatum() }) },
    { rapport: 'stapeling', params: () => (rng.chance(0.8) ? { peildatum: peildatum() } : periode()) },
    { rapport: 'bezwaren', params: () => periode() },
    // The dashboard's series (issue 14 names the stand's target; the others are held to the same).
    ...(
      [
        ['stand', 'maand', 'stand per maand, 36 maanden'],
        ['wachtlijst', 'maand', 'wachtlijst per maand, 36 maanden'],
        ['stapeling', 'maand', 'stapeling per maand, 36 maanden'],
        ['instroom-uitstroom', 'kwartaal', 'instroom-uitstroom per kwartaal, 12'],
      ] as const
    ).map(([reeks, interval, naam]) => ({
      rapport: naam,
      pad: 'reeks',
      params: () => ({ rapport: reeks, interval, van: '2015-01-01', tot: '2017-12-31' }),
      doel: [DOEL_REEKS_EEN_MS, DOEL_REEKS_ALLE_MS] as [number, number],
    })),
  ];

  const metingen: RapportMeting[] = [];
  for (const scope of ['een', 'alle'] as Scope[]) {
    for (const { rapport, params, pad = rapport, doel = [DOEL_EEN_MS, DOEL_ALLE_MS] } of RAPPORTEN) {
      const tijden: number[] = [];
      const perGemeente: Record<string, number[]> = {};
      let fouten = 0;
      let eersteFout: string | undefined;
      let bytes = 0;
      let traagste = { ms: -1, query: '' };
      // a bar on a terminal; in a log only the summary line below
      const bar = process.stdout.isTTY ? new Voortgang(`${rapport.slice(0, 8)}/${scope}`, o.warmup + o.requests, 'requests') : null;
      for (let i = 0; i < o.warmup + o.requests; i++) {
        const gemeente = scope === 'een' ? rng.pick(o.gemeenten) : undefined;
        const query = new URLSearchParams({ ...params(), ...kennisdatum(), ...(gemeente ? { gemeente } : {}) }).toString();
        const t0 = performance.now();
        const res = await fetch(`${o.basis}/rapportages/${pad}?${query}`, { headers: { authorization: `Bearer ${o.token}` } });
        const tekst = await res.text();
        const ms = performance.now() - t0;
        bar?.zet(i + 1);
        if (i < o.warmup) continue;
        if (res.status !== 200) {
          fouten++;
          eersteFout ??= `${res.status} ${tekst.slice(0, 300)}`;
        }
        tijden.push(ms);
        bytes += tekst.length;
        if (gemeente) (perGemeente[gemeente] ??= []).push(ms);
        if (ms > traagste.ms) traagste = { ms, query };
      }
      bar?.stop();
      const v = verdeling(tijden);
      metingen.push({
        rapport,
        scope,
        verdeling: afgerond(v),
        doelMs: scope === 'een' ? doel[0] : doel[1],
        fouten,
        eersteFout,
        bytes: Math.round(bytes / Math.max(tijden.length, 1)),
        traagste: { ms: Math.round(traagste.ms * 10) / 10, query: traagste.query },
        ...(scope === 'een'
          ? {
              perGemeente: Object.fromEntries(
                Object.entries(perGemeente)
                  .sort()
                  .map(([g, t]) => [g, { n: t.length, p95: Math.round(verdeling(t).p95 * 10) / 10 }]),
              ),
            }
          : {}),
      });
      o.log(
        `  ${rapport.padEnd(18)} ${scope === 'een' ? 'one gemeente' : 'all gemeenten'}: p50 ${v.p50.toFixed(1)} ms, p95 ${v.p95.toFixed(1)} ms, max ${v.max.toFixed(1)} ms${fouten ? `, ${fouten} errors: ${eersteFout}` : ''}`,
      );
    }
  }
  return metingen;
}

/** A `rapportage` (or other) dev token from an app in AUTH_MODE=dev. */
export async function devToken(basis: string, rol: string, gemeenten: string[], sub = `bench-${rol}`): Promise<string> {
  const res = await fetch(`${basis}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rol, gemeenten, sub }),
  });
  if (res.status !== 200) throw new Error(`dev-token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
