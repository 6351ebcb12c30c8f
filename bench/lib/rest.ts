/**
 * Commands over REST: `POST /voorzieningen` (toekenning) of the voorzieningen app under load from
 * autocannon, `connections` requests in flight, every request a different valid toekenning with its
 * own Idempotency-Key. Before that: its own clients through `POST /clienten` on intake (elfproef
 * BSNs, several gemeenten) and two own productcategorie codes per gemeente (`POST /productcategorieen`),
 * so the feiten the command reads (client stream, codelijst stream) exist and are not empty.
 *
 * Latency is autocannon's (from writing the request to the last byte of the answer, per
 * connection, HDR histogram, whole ms): p50, p99 and max come from its histogram; p95, which
 * autocannon does not report, from the response times of the same run.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { isValidBsn, JEUGDWET_PRODUCTCATEGORIEEN, WMO_PRODUCTCATEGORIEEN } from '@sd/domain';
import type { Apps, AppNaam } from './apps.js';
import { Rng } from '@sd/testing';
import { dag, iso as datum } from './history.js';
import { afgerond, machineCpuSeconden, nodeCpuSeconden, postgresCpuSeconden, verdeling } from './measure.js';

// ---------------------------------------------------------------- autocannon (CommonJS, no types of its own)

interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  total?: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  p99_9: number;
}

interface AutocannonResultaat {
  latency: Histogram;
  requests: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

interface AutocannonInstance extends PromiseLike<AutocannonResultaat> {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
  on(event: 'reqError', listener: (error: Error) => void): this;
  stop(): void;
}

type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  timeout?: number;
  requests: AutocannonRequest[];
}) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ---------------------------------------------------------------- options and result

export interface RestOptions {
  apps: Apps;
  /** Measured seconds (quick ~8, full ~30). */
  seconden: number;
  /** Requests in flight (default 32). */
  connections?: number;
  /** Seconds of load before the measurement, not counted (default 3). */
  warmupSeconden?: number;
  /** Clients to register first (default 2,000). */
  clienten?: number;
  /** CBS codes the clients spread over; all in the consulent's token. */
  gemeenten?: readonly string[];
  seed?: number;
  /** The PostgreSQL data directory, for the CPU split (optional). */
  pgDataDir?: string;
  log?: (regel: string) => void;
  /** Called right before and right after the measured load (e.g. to reset and read pg_stat_statements). */
  bijMeting?: (moment: 'start' | 'eind') => Promise<void> | void;
}

export interface Latentie {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  gemiddeld: number;
}

export interface CpuVerdeling {
  seconden: number;
  kernen: number;
  /** CPU seconds per second (1.0 = one core fully busy), per process group. */
  kernenBezet: Record<AppNaam | 'loadtool' | 'postgres' | 'anderen' | 'machine' | 'steal', number | null>;
}

export interface RestResultaat {
  /** Responses received in the measured period (any status). */
  requests: number;
  /** 201 answers per second of the measured period. */
  commandsPerSeconde: number;
  latentie: Latentie;
  non2xx: number;
  /** Connection errors and timeouts (autocannon `errors`, which includes `timeouts`). */
  fouten: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** The first few answers that were not 201, for the report (a run with any is void). */
  voorbeeldFouten: { status: number; body: string }[];
  seconden: number;
  connections: number;
  clienten: number;
  gemeenten: readonly string[];
  /** VoorzieningToegekend events in the store after the run (≥ 201 answers: in-flight requests at the end count too). */
  eventsInStore: number | null;
  warmup: { requests: number; commandsPerSeconde: number; p99: number; non2xx: number };
  cpu: CpuVerdeling;
  /** Date.now() at the start and end of the measured load (to cut a CPU profile to it). */
  venster: { startMs: number; eindMs: number };
  /** Client registrations per second during the preparation (POST /clienten, 16 in flight). */
  clientenPerSeconde: number;
}

// ---------------------------------------------------------------- test data

/** A random BSN that passes the elfproef: 8 random digits and the check digit that fits. */
export function randomBsn(rng: Rng): string {
  for (;;) {
    const d = Array.from({ length: 8 }, () => rng.int(0, 9));
    const som = d.reduce((s, c, i) => s + c * (9 - i), 0);
    const laatste = som % 11; // 9·d1 + … + 2·d8 − d9 ≡ 0 (mod 11)
    if (laatste === 10) continue;
    const bsn = `${d.join('')}${laatste}`;
    if (isValidBsn(bsn)) return bsn;
  }
}

/** Groningen, Almere, Leeuwarden, Utrecht, Amsterdam, Rotterdam. */
export const REST_GEMEENTEN = ['GM0014', 'GM0034', 'GM0080', 'GM0344', 'GM0363', 'GM0599'] as const;

interface Client {
  clientId: string;
  gemeente: string;
  jeugd: boolean;
}

const WMO = Object.keys(WMO_PRODUCTCATEGORIEEN);
const JEUGD = Object.keys(JEUGDWET_PRODUCTCATEGORIEEN);
const EIGEN = { wmo: 'BENCH-WMO-1', jeugdwet: 'BENCH-JW-1' } as const;
const EERSTE_BESLUIT = dag('2015-01-01');
const LAATSTE_BESLUIT = dag('2017-12-31');

/** A valid toekenning for a random client: the wet by age, mostly landelijke codes, some own. */
function toekenning(rng: Rng, clienten: readonly Client[]): string {
  const c = rng.pick(clienten);
  const wet = c.jeugd ? (rng.float() < 0.9 ? 'jeugdwet' : 'wmo') : 'wmo';
  const productcategorie = rng.float() < 0.05 ? EIGEN[wet] : rng.pick(wet === 'wmo' ? WMO : JEUGD);
  const besluit = rng.int(EERSTE_BESLUIT, LAATSTE_BESLUIT);
  const ingang = besluit + rng.int(0, 30);
  const eind = rng.float() < 0.6 ? ingang + rng.int(30, 730) : null;
  return JSON.stringify({
    clientId: c.clientId,
    wet,
    productcategorie,
    leveringsvorm: rng.float() < 0.85 ? 'zin' : 'pgb',
    besluitdatum: datum(besluit),
    ingangsdatum: datum(ingang),
    ...(eind !== null ? { einddatum: datum(eind) } : {}),
  });
}

// ---------------------------------------------------------------- preparation

async function post(url: string, token: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { text };
  }
  return { status: res.status, json };
}

async function registreerClienten(apps: Apps, n: number, gemeenten: readonly string[], rng: Rng): Promise<Client[]> {
  const token = await apps.token('consulent', [...gemeenten], 'bench-intake');
  const gezien = new Set<string>();
  const taken = Array.from({ length: n }, () => {
    const gemeente = gemeenten[rng.int(0, gemeenten.length - 1)];
    let bsn = randomBsn(rng);
    while (gezien.has(`${gemeente}:${bsn}`)) bsn = randomBsn(rng);
    gezien.add(`${gemeente}:${bsn}`);
    // A quarter of the clients are under 18 at the time of the toekenningen (2015–2017).
    const geboren = rng.float() < 0.25 ? rng.int(dag('2000-01-01'), dag('2014-12-31')) : rng.int(dag('1930-01-01'), dag('1996-12-31'));
    return {
      bsn,
      gemeente,
      geboortedatum: datum(geboren),
      geslacht: rng.pick(['man', 'vrouw', 'vrouw', 'man', 'onbekend'] as const),
      jeugd: geboren >= dag('2000-01-01'),
    };
  });
  const clienten: Client[] = [];
  const fouten: string[] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let t = taken[i++]; t; t = taken[i++]) {
        const { jeugd, ...body } = t;
        const { status, json } = await post(`${apps.intake.url}/clienten`, token, body);
        // 409: registered in an earlier run on the same schema; the problem body names the clientId.
        if ((status === 201 || status === 409) && typeof json.clientId === 'string') {
          clienten.push({ clientId: json.clientId, gemeente: t.gemeente, jeugd });
        } else if (fouten.length < 5) fouten.push(`${status} ${JSON.stringify(json).slice(0, 300)}`);
      }
    }),
  );
  if (clienten.length < n) throw new Error(`POST /clienten: ${n - clienten.length} of ${n} failed, e.g.\n${fouten.join('\n')}`);
  return clienten;
}

async function voegEigenCodesToe(apps: Apps, gemeenten: readonly string[]): Promise<void> {
  const token = await apps.token('beheer', [...gemeenten], 'bench-beheer');
  for (const gemeente of gemeenten) {
    for (const [wet, code] of Object.entries(EIGEN)) {
      const { status, json } = await post(`${apps.voorzieningen.url}/productcategorieen`, token, {
        gemeente,
        wet,
        code,
        naam: `Benchmark ${wet}`,
      });
      // 409/422: the code exists from an earlier run on the same schema.
      if (status !== 201 && status !== 200 && status !== 409 && status !== 422) {
        throw new Error(`POST /productcategorieen: ${status} ${JSON.stringify(json).slice(0, 300)}`);
      }
    }
  }
}

// ---------------------------------------------------------------- the load

interface Lading {
  resultaat: AutocannonResultaat;
  tijden: number[];
  voorbeeldFouten: { status: number; body: string }[];
}

async function laad(url: string, token: string, connections: number, seconden: number, maak: () => string): Promise<Lading> {
  const tijden: number[] = [];
  const voorbeeldFouten: { status: number; body: string }[] = [];
  const instance = autocannon({
    url,
    connections,
    duration: seconden,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/voorzieningen',
        // A new body and Idempotency-Key for every request (autocannon rebuilds a request with setupRequest each time).
        setupRequest: (req) => ({
          ...req,
          headers: {
            ...req.headers,
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: maak(),
        }),
        onResponse: (status, body) => {
          if (status !== 201 && voorbeeldFouten.length < 5) voorbeeldFouten.push({ status, body: String(body).slice(0, 500) });
        },
      },
    ],
  });
  instance.on('response', (_c, status, _b, ms) => {
    if (status === 201) tijden.push(ms);
  });
  const resultaat = await instance;
  return { resultaat, tijden, voorbeeldFouten };
}

function statusCodes(r: AutocannonResultaat): Record<string, number> {
  return Object.fromEntries(Object.entries(r.statusCodeStats).map(([s, { count }]) => [s, Number(count)]));
}

// ---------------------------------------------------------------- CPU split

/** Steal time of the whole machine (the hypervisor ran someone else), CPU seconds; null off Linux. */
function stealSeconden(): number | null {
  try {
    const velden = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return (velden[7] ?? 0) / 100;
  } catch {
    return null;
  }
}

function cpuStand(apps: Apps, pgDataDir?: string) {
  return {
    t: performance.now(),
    machine: machineCpuSeconden(),
    steal: stealSeconden(),
    loadtool: nodeCpuSeconden(),
    postgres: pgDataDir ? postgresCpuSeconden(pgDataDir) : null,
    apps: apps.cpuSeconden(),
  };
}

function cpuVerdeling(a: ReturnType<typeof cpuStand>, b: ReturnType<typeof cpuStand>): CpuVerdeling {
  const s = (b.t - a.t) / 1000;
  const r = (x: number | null) => (x === null ? null : Math.round((x / s) * 100) / 100);
  const apps = Object.fromEntries(Object.keys(b.apps).map((k) => [k, r(b.apps[k as AppNaam] - a.apps[k as AppNaam])])) as Record<
    AppNaam,
    number | null
  >;
  const eigen =
    b.loadtool -
    a.loadtool +
    (b.postgres !== null && a.postgres !== null ? b.postgres - a.postgres : 0) +
    Object.keys(b.apps).reduce((t, k) => t + b.apps[k as AppNaam] - a.apps[k as AppNaam], 0);
  const machine = b.machine !== null && a.machine !== null ? b.machine - a.machine : null;
  return {
    seconden: Math.round(s * 10) / 10,
    kernen: os.cpus().length,
    kernenBezet: {
      ...apps,
      loadtool: r(b.loadtool - a.loadtool),
      postgres: b.postgres !== null && a.postgres !== null ? r(b.postgres - a.postgres) : null,
      anderen: machine !== null ? r(Math.max(0, machine - eigen)) : null,
      machine: r(machine),
      steal: b.steal !== null && a.steal !== null ? r(b.steal - a.steal) : null,
    },
  };
}

// ---------------------------------------------------------------- measurement

export async function meetRestCommands(options: RestOptions): Promise<RestResultaat> {
  const { apps, seconden } = options;
  const log = options.log ?? (() => {});
  const connections = options.connections ?? 32;
  const gemeenten = options.gemeenten ?? REST_GEMEENTEN;
  const rng = new Rng(options.seed ?? 20261124);

  const n = options.clienten ?? 2_000;
  log(`registering ${n.toLocaleString('en')} clients over ${gemeenten.length} gemeenten (POST /clienten, 16 in flight) …`);
  const t0 = performance.now();
  const clienten = await registreerClienten(apps, n, gemeenten, rng);
  const clientenPerSeconde = Math.round(n / ((performance.now() - t0) / 1000));
  await voegEigenCodesToe(apps, gemeenten);
  log(
    `  ${clientenPerSeconde.toLocaleString('en')} clients/s; own productcategorie codes ${Object.values(EIGEN).join(', ')} in every gemeente`,
  );

  const token = await apps.token('consulent', [...gemeenten], 'bench-consulent');
  const maak = () => toekenning(rng, clienten);
  const url = apps.voorzieningen.url;

  const warmupSeconden = options.warmupSeconden ?? 3;
  log(`warm-up: ${warmupSeconden} s, ${connections} connections …`);
  apps.fase('rest-warmup');
  const warm = await laad(url, token, connections, warmupSeconden, maak);
  const warmStatus = statusCodes(warm.resultaat);
  const warmOk = warmStatus['201'] ?? 0;
  log(
    `  ${Math.round(warmOk / warm.resultaat.duration).toLocaleString('en')} commands/s, p99 ${warm.resultaat.latency.p99} ms, status ${JSON.stringify(warmStatus)}`,
  );
  if (warm.voorbeeldFouten.length) {
    throw new Error(
      `warm-up answered other than 201; the bodies need fixing:\n${warm.voorbeeldFouten.map((f) => `${f.status} ${f.body}`).join('\n')}`,
    );
  }

  const head = await telToekenningen(apps);
  log(`measuring: ${seconden} s, ${connections} connections, POST /voorzieningen …`);
  await options.bijMeting?.('start');
  apps.fase('rest');
  const cpuA = cpuStand(apps, options.pgDataDir);
  const startMs = Date.now();
  const meting = await laad(url, token, connections, seconden, maak);
  const eindMs = Date.now();
  const cpuB = cpuStand(apps, options.pgDataDir);
  apps.fase('na-rest');
  await options.bijMeting?.('eind');
  const r = meting.resultaat;
  const codes = statusCodes(r);
  const requests = Object.values(codes).reduce((s, c) => s + c, 0);
  const ok = codes['201'] ?? 0;
  const na = await telToekenningen(apps);

  return {
    requests,
    commandsPerSeconde: Math.round(ok / r.duration),
    latentie: {
      p50: r.latency.p50,
      p95: afgerond(verdeling(meting.tijden)).p95,
      p99: r.latency.p99,
      max: r.latency.max,
      gemiddeld: r.latency.mean,
    },
    non2xx: r.non2xx,
    fouten: r.errors,
    timeouts: r.timeouts,
    statusCodes: codes,
    voorbeeldFouten: meting.voorbeeldFouten,
    seconden: r.duration,
    connections,
    clienten: clienten.length,
    gemeenten,
    eventsInStore: head !== null && na !== null ? na - head : null,
    warmup: {
      requests: Object.values(warmStatus).reduce((s, c) => s + c, 0),
      commandsPerSeconde: Math.round(warmOk / warm.resultaat.duration),
      p99: warm.resultaat.latency.p99,
      non2xx: warm.resultaat.non2xx,
    },
    cpu: cpuVerdeling(cpuA, cpuB),
    venster: { startMs, eindMs },
    clientenPerSeconde,
  };
}

/** VoorzieningToegekend events in the store: a check that every 201 really appended. */
async function telToekenningen(apps: Apps): Promise<number | null> {
  const client = new pg.Client({ connectionString: apps.database.url });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${pgIdent(apps.database.schema)}.es_events WHERE event_type = 'VoorzieningToegekend'`,
    );
    return Number(rows[0].n);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

function pgIdent(naam: string): string {
  return `"${naam.replace(/"/g, '""')}"`;
}
