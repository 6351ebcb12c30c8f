/** Small measuring tools for the benchmark: percentiles, RSS, CPU, SQL timings, progress, profiles. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import cliProgress from 'cli-progress';
import pg from 'pg';

// ---------------------------------------------------------------- percentiles

export interface Verdeling {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles (p95 of 50 samples is the 48th smallest). */
export function verdeling(waarden: number[]): Verdeling {
  const s = [...waarden].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.max(0, Math.ceil(p * s.length) - 1)] ?? 0;
  return {
    n: s.length,
    p50: rank(0.5),
    p95: rank(0.95),
    p99: rank(0.99),
    max: s.at(-1) ?? 0,
    mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : 0,
  };
}

/** The same distribution rounded for the results (ms to `decimalen` places). */
export function afgerond(v: Verdeling, decimalen = 1): Verdeling {
  const f = 10 ** decimalen;
  const r = (x: number) => Math.round(x * f) / f;
  return { n: v.n, p50: r(v.p50), p95: r(v.p95), p99: r(v.p99), max: r(v.max), mean: r(v.mean) };
}

// ---------------------------------------------------------------- RSS per phase

/** Samples the RSS every 100 ms and keeps the peak per named phase. */
export class RssMeter {
  private fase = 'start';
  readonly piek: Record<string, number> = {};
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.meet(), 100);
    this.timer.unref();
  }

  meet(): void {
    const rss = process.memoryUsage.rss();
    this.piek[this.fase] = Math.max(this.piek[this.fase] ?? 0, rss);
  }

  begin(fase: string): void {
    this.meet();
    this.fase = fase;
    this.meet();
  }

  stop(): void {
    this.meet();
    clearInterval(this.timer);
  }

  /** Peak RSS of the whole process life (getrusage ru_maxrss), in bytes. */
  static procesPiek(): number {
    return process.resourceUsage().maxRSS * 1024;
  }
}

// ---------------------------------------------------------------- CPU of node and of PostgreSQL

const CLK_TCK = 100;

/** The postmaster's pid, from its data directory. */
export const postmasterPid = (dataDir: string): number =>
  Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

/**
 * Every process now readable in /proc, with the fields of its stat from field 3 (state) on: [1] is
 * the parent, [11] and [12] user and system time, [13] and [14] those of reaped children.
 */
export function procStats(): { pid: number; velden: string[] }[] {
  const uit: { pid: number; velden: string[] }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      uit.push({ pid: Number(entry), velden: stat.slice(stat.lastIndexOf(')') + 2).split(' ') });
    } catch {
      // gone meanwhile
    }
  }
  return uit;
}

/** CPU seconds (user + system) used so far by the postmaster and its children (Linux /proc). */
export function postgresCpuSeconden(dataDir: string): number | null {
  try {
    const postmaster = postmasterPid(dataDir);
    let ticks = 0;
    for (const { pid, velden } of procStats()) {
      if (pid !== postmaster && Number(velden[1]) !== postmaster) continue;
      ticks += Number(velden[11]) + Number(velden[12]);
      // exited children that the postmaster reaped (cutime, cstime)
      if (pid === postmaster) ticks += Number(velden[13]) + Number(velden[14]);
    }
    return ticks / CLK_TCK;
  } catch {
    return null;
  }
}

export function nodeCpuSeconden(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Busy CPU seconds of the whole machine (all cores) from /proc/stat; null off Linux. */
export function machineCpuSeconden(): number | null {
  try {
    const velden = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    const bezig = velden[0] + velden[1] + velden[2] + velden[5] + velden[6] + velden[7];
    return bezig / CLK_TCK;
  } catch {
    return null;
  }
}

export interface Belasting {
  seconden: number;
  /** Share of all cores busy (0–100). */
  machinePct: number | null;
  /** Share of all cores used by processes other than this one, its PostgreSQL and its `eigen` processes. */
  anderenPct: number | null;
}

/**
 * Measures, for a phase, how busy the machine was and how much of that was someone else
 * (other engineers' test runs on the same cores make every figure pessimistic).
 */
export class BelastingMeter {
  private start: ReturnType<BelastingMeter['nu']>;

  /** `eigen`: CPU seconds so far of further processes of the benchmark's own (e.g. the apps it started). */
  constructor(
    private readonly dataDir: string,
    private readonly eigen: () => number = () => 0,
  ) {
    this.start = this.nu();
  }

  private nu() {
    return {
      t: performance.now(),
      machine: machineCpuSeconden(),
      node: nodeCpuSeconden() + this.eigen(),
      pg: this.dataDir ? postgresCpuSeconden(this.dataDir) : null,
    };
  }

  begin(): void {
    this.start = this.nu();
  }

  meet(): Belasting {
    const eind = this.nu();
    const seconden = (eind.t - this.start.t) / 1000;
    const capaciteit = seconden * os.cpus().length;
    if (eind.machine === null || this.start.machine === null || capaciteit <= 0) return { seconden, machinePct: null, anderenPct: null };
    const machine = eind.machine - this.start.machine;
    const eigen = eind.node - this.start.node + (eind.pg !== null && this.start.pg !== null ? eind.pg - this.start.pg : 0);
    return {
      seconden: Math.round(seconden * 10) / 10,
      machinePct: Math.round((machine / capaciteit) * 100),
      anderenPct: Math.max(0, Math.round(((machine - eigen) / capaciteit) * 100)),
    };
  }
}

// ---------------------------------------------------------------- SQL timings (client side)

export interface SqlTiming {
  sql: string;
  calls: number;
  totalMs: number;
  /** Rows returned or affected. */
  rows: number;
}

/**
 * Times every query any pg.Client of this process sends while active (the app's pool included):
 * wall time from send to result, per statement text. Installed once; bench code only.
 */
export class SqlMeter {
  actief = false;
  private readonly stats = new Map<string, SqlTiming>();

  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the patched query runs with pg's `this`
    const meter = this;
    type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;
    const proto = pg.Client.prototype as unknown as { query: QueryFn };
    const origineel = proto.query;
    proto.query = function (this: pg.Client, ...args: unknown[]) {
      const cfg = args[0];
      const tekst = typeof cfg === 'string' ? cfg : (cfg as { text?: unknown } | null)?.text;
      if (!meter.actief || typeof tekst !== 'string') return origineel.apply(this, args);
      const t0 = performance.now();
      const laatste = args[args.length - 1];
      const rijen = (res: unknown) => Number((res as { rowCount?: number } | null)?.rowCount ?? 0);
      if (typeof laatste === 'function') {
        args[args.length - 1] = (err: unknown, res: unknown) => {
          meter.noteer(tekst, t0, rijen(res));
          (laatste as (e: unknown, r: unknown) => void)(err, res);
        };
        return origineel.apply(this, args);
      }
      const r = origineel.apply(this, args) as Promise<unknown> | undefined;
      if (r && typeof r.then === 'function') {
        return r.then(
          (v) => {
            meter.noteer(tekst, t0, rijen(v));
            return v;
          },
          (e: unknown) => {
            meter.noteer(tekst, t0, 0);
            throw e;
          },
        );
      }
      return r;
    };
  }

  /** Rows the event store returned (events read) since the last reset. */
  eventsGelezen = 0;

  private noteer(tekst: string, t0: number, rijen: number): void {
    const sleutel = tekst.replace(/\s+/g, ' ').trim().slice(0, 400);
    const s = this.stats.get(sleutel) ?? { sql: sleutel, calls: 0, totalMs: 0, rows: 0 };
    s.calls++;
    s.totalMs += performance.now() - t0;
    s.rows += rijen;
    this.stats.set(sleutel, s);
    if (/^SELECT global_position, stream_id\b.* FROM es_events/.test(sleutel)) this.eventsGelezen += rijen;
  }

  reset(): void {
    this.stats.clear();
    this.eventsGelezen = 0;
  }

  /** Total ms per statement so far (for deltas between two moments). */
  totalen(): Map<string, number> {
    return new Map([...this.stats.values()].map((s) => [s.sql, s.totalMs]));
  }

  top(n = 12): SqlTiming[] {
    return [...this.stats.values()]
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, n)
      .map((s) => ({ ...s, sql: s.sql.slice(0, 140), totalMs: Math.round(s.totalMs) }));
  }
}

// ---------------------------------------------------------------- progress

/** A cli-progress bar on a terminal; a line per 10 % otherwise (CI, logs). */
export class Voortgang {
  private readonly bar?: cliProgress.SingleBar;
  private waarde = 0;
  private volgendeTiende = 1;
  private readonly start = performance.now();

  constructor(
    private readonly naam: string,
    private totaal: number,
    private readonly eenheid = 'events',
  ) {
    if (process.stdout.isTTY) {
      this.bar = new cliProgress.SingleBar(
        {
          format: `${naam.padEnd(12)} |{bar}| {percentage}% | {value}/{total} ${eenheid} | {rate}/s | ETA {eta_formatted}`,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(totaal, 0, { rate: 0 });
    }
  }

  zet(waarde: number, totaal = this.totaal): void {
    this.waarde = waarde;
    this.totaal = totaal;
    const s = (performance.now() - this.start) / 1000;
    const rate = Math.round(waarde / Math.max(s, 0.001));
    if (this.bar) {
      this.bar.setTotal(totaal);
      this.bar.update(waarde, { rate });
      return;
    }
    while (totaal > 0 && waarde >= (this.volgendeTiende * totaal) / 10 && this.volgendeTiende <= 10) {
      console.log(
        `  ${this.naam}: ${this.volgendeTiende * 10}% (${waarde.toLocaleString('en')}/${totaal.toLocaleString('en')} ${this.eenheid}, ${rate.toLocaleString('en')}/s, ${s.toFixed(0)} s)`,
      );
      this.volgendeTiende++;
    }
  }

  plus(n: number): void {
    this.zet(this.waarde + n);
  }

  stop(): void {
    this.bar?.stop();
  }
}

// ---------------------------------------------------------------- CPU profile (in-process)

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface ProfielSamenvatting {
  bestand: string;
  totaalMs: number;
  functies: { functie: string; plaats: string; ms: number; pct: number }[];
  perOnderdeel: { onderdeel: string; ms: number; pct: number }[];
}

export async function startProfiel(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return session;
}

/** Stops the profiler, writes the .cpuprofile and sums self time per function and per package/file. */
export async function stopProfiel(session: Session, bestand: string, root: string): Promise<ProfielSamenvatting> {
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  fs.writeFileSync(bestand, JSON.stringify(profile));
  const nodes = profile.nodes as ProfileNode[];
  const totaalHits = nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const totaalMs = (profile.endTime - profile.startTime) / 1000;
  const msPerHit = totaalMs / Math.max(totaalHits, 1);
  const perFunctie = new Map<string, { functie: string; plaats: string; hits: number }>();
  const perOnderdeel = new Map<string, number>();
  for (const n of nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const url = n.callFrame.url.replace(/^file:\/\//, '');
    const rel = url.startsWith(root) ? path.relative(root, url) : url;
    const plaats = rel ? `${rel.replace(/^bench\/\.build\/[a-z]+\//, '')}:${n.callFrame.lineNumber + 1}` : '';
    const functie = n.callFrame.functionName || '(anonymous)';
    const sleutel = `${functie} ${plaats}`;
    const f = perFunctie.get(sleutel) ?? { functie, plaats, hits: 0 };
    f.hits += hits;
    perFunctie.set(sleutel, f);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(rel)?.[1];
    const onderdeel = pkg
      ? `npm:${pkg}`
      : rel.startsWith('bench/.build/')
        ? rel
            .replace(/^bench\/\.build\/[a-z]+\//, '')
            .split('/')
            .slice(0, 3)
            .join('/')
        : rel.startsWith('node:')
          ? 'node core'
          : rel
            ? rel.split('/').slice(0, 2).join('/')
            : functie;
    perOnderdeel.set(onderdeel, (perOnderdeel.get(onderdeel) ?? 0) + hits);
  }
  const pct = (hits: number) => Math.round((hits / Math.max(totaalHits, 1)) * 1000) / 10;
  return {
    bestand,
    totaalMs: Math.round(totaalMs),
    functies: [...perFunctie.values()]
      .sort((a, b) => b.hits - a.hits)
      .slice(0, 25)
      .map((f) => ({ functie: f.functie, plaats: f.plaats, ms: Math.round(f.hits * msPerHit), pct: pct(f.hits) })),
    perOnderdeel: [...perOnderdeel.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([onderdeel, hits]) => ({ onderdeel, ms: Math.round(hits * msPerHit), pct: pct(hits) })),
  };
}

// ---------------------------------------------------------------- the machine

/** What the figures were measured on. */
export function machine(): { node: string; cpus: number; cpuModel: string | undefined; geheugenGb: number } {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    geheugenGb: Math.round(os.totalmem() / 1024 ** 3),
  };
}
