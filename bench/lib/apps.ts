/**
 * The three apps as separate Node processes, the way `npm start` (scripts/start.mjs) runs them, but
 * from the benchmark's own build (bench/.build, see bench/run.mjs) on free ports, with JSON logs
 * in files, and with a meter of each process's RSS (/proc/<pid>/status) and CPU (/proc/<pid>/stat).
 *
 * Differences from start.mjs, on purpose:
 * - NODE_ENV=production and LOG_FORMAT=json (start.mjs: development, pretty). Nothing of ours
 *   branches on NODE_ENV, but Express and friends do (e.g. error pages); a benchmark measures the
 *   app as it is deployed, and pretty-printing goes through a pino worker thread that production
 *   does not have.
 * - A fresh random DEV_JWT_SECRET and PSEUDONIEM_SLEUTEL per start (start.mjs keeps them in DATA_DIR).
 * - No NATS and no relay (NATS_URL is removed from the env).
 * - stdout and stderr of each app go to `<logDir>/<app>.log`, not to the terminal.
 * The node flags are the same (scripts/app-flags.mjs), plus whatever `nodeFlags` adds.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { APP_NODE_FLAGS } from '../../scripts/app-flags.mjs';
import { freePort } from '../../scripts/embedded-postgres.mjs';

export const APP_NAMEN = ['intake', 'voorzieningen', 'projections'] as const;
export type AppNaam = (typeof APP_NAMEN)[number];

const PORT_ENV: Record<AppNaam, string> = {
  intake: 'INTAKE_PORT',
  voorzieningen: 'VOORZIENINGEN_PORT',
  projections: 'PROJECTIONS_PORT',
};

export interface StartAppsOptions {
  /** DATABASE_URL; the migrations must have run in `schema` already. */
  url: string;
  schema: string;
  /** Where bench/run.mjs compiled apps/ and libs/: the mains are `<buildDir>/apps/<app>/src/main.js`. */
  buildDir: string;
  /** `<app>.log` (stdout + stderr, JSON lines) and CPU profiles go here. */
  logDir: string;
  /** Extra env for every app (applied last, so it may override ours, e.g. LOG_LEVEL=warn). */
  env?: Record<string, string>;
  /** Extra env per app. */
  appEnv?: Partial<Record<AppNaam, Record<string, string>>>;
  /** Extra node flags per app, before the main file. */
  nodeFlags?: Partial<Record<AppNaam, string[]>>;
  /** Run these apps under the V8 CPU profiler; `stop()` makes them write `<logDir>/<app>.cpuprofile`. */
  cpuProfiel?: AppNaam[];
  /** How long to wait for all /health to answer 200 (default 60 s). */
  healthTimeoutMs?: number;
  /** RSS / CPU sample interval (default 200 ms). */
  sampleMs?: number;
}

export interface AppHandle {
  naam: AppNaam;
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  pid: number;
  logBestand: string;
  /** Set by `stop()` for apps started with `cpuProfiel`, once the file exists. */
  cpuProfiel?: string;
  /** Date.now() when the process exited (to line a .cpuprofile up with wall-clock times). */
  gestoptOp?: number;
  proces: ChildProcess;
}

export interface RssPiek {
  /** VmHWM: the kernel's peak resident set size of the process, in MB (MiB). */
  vmHwmMb: number;
  /** The highest VmRSS seen by the sampler (every `sampleMs`), in MB. */
  gesampeldPiekMb: number;
  /** The highest sampled VmRSS per phase (see `fase()`), in MB. */
  perFase: Record<string, number>;
}

export interface Apps {
  intake: AppHandle;
  voorzieningen: AppHandle;
  projections: AppHandle;
  lijst: AppHandle[];
  database: { url: string; schema: string };
  /** A dev token (POST /auth/dev-token on intake), valid 12 hours. */
  token(rol: 'consulent' | 'rapportage' | 'auditor' | 'beheer' | 'privacy', gemeenten: string[], sub?: string): Promise<string>;
  /** Starts a named phase for the sampled RSS peaks (the first phase is `start`). */
  fase(naam: string): void;
  piekRss(): Record<AppNaam, RssPiek>;
  /** VmRSS over time per app: [seconds since the start, MB], a point a second. */
  rssVerloop(): Record<AppNaam, [number, number][]>;
  /** CPU seconds (user + system) each app used so far. */
  cpuSeconden(): Record<AppNaam, number>;
  /** SIGTERM to every app, SIGKILL after 15 s; reads VmHWM first. Safe to call twice. */
  stop(): Promise<void>;
}

// ---------------------------------------------------------------- /proc

const KB_PER_MB = 1024;
const CLK_TCK = 100;

/** VmRSS and VmHWM in kB from /proc/<pid>/status; null once the process is gone. */
function procStatus(pid: number): { rssKb: number; hwmKb: number } | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const veld = (naam: string) => Number(new RegExp(`^${naam}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
    const rssKb = veld('VmRSS');
    const hwmKb = veld('VmHWM');
    return Number.isFinite(rssKb) ? { rssKb, hwmKb } : null; // a zombie has no Vm* lines
  } catch {
    return null;
  }
}

export function procCpuSeconden(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const velden = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(velden[11]) + Number(velden[12])) / CLK_TCK; // utime, stime (fields 14, 15)
  } catch {
    return null;
  }
}

class ProcesMeter {
  hwmKb = 0;
  piekKb = 0;
  cpu = 0;
  readonly perFase: Record<string, number> = {};
  /** [seconds since start, VmRSS MB], at most one point a second. */
  readonly verloop: [number, number][] = [];
  private readonly start = performance.now();

  constructor(readonly pid: number) {}

  meet(fase: string): void {
    const s = procStatus(this.pid);
    if (s) {
      const t = Math.round((performance.now() - this.start) / 100) / 10;
      if (!this.verloop.length || t - this.verloop.at(-1)![0] >= 1) this.verloop.push([t, Math.round(s.rssKb / KB_PER_MB)]);
      this.hwmKb = Math.max(this.hwmKb, s.hwmKb || 0);
      this.piekKb = Math.max(this.piekKb, s.rssKb);
      this.perFase[fase] = Math.max(this.perFase[fase] ?? 0, s.rssKb);
    }
    const cpu = procCpuSeconden(this.pid);
    if (cpu !== null) this.cpu = cpu;
  }
}

// ---------------------------------------------------------------- start

/** Lets a SIGTERMed app end through process.exit, so that --cpu-prof writes its profile (see below). */
const NETJES_STOPPEN = `data:text/javascript,${encodeURIComponent(
  // Nest's shutdown hook closes the app and then re-raises the signal to die by it; a process that
  // dies by a signal writes no --cpu-prof file. With this listener also registered, the re-raised
  // signal ends the process through process.exit instead (and a 10 s timer in case it never comes).
  `let n=0;process.on('SIGTERM',()=>{if(++n>1)process.exit(0);setTimeout(()=>process.exit(0),10000);});`,
)}`;

export async function startApps(options: StartAppsOptions): Promise<Apps> {
  const { url, schema, buildDir, logDir } = options;
  fs.mkdirSync(logDir, { recursive: true });
  const gedeeld: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    DATABASE_SCHEMA: schema,
    AUTH_MODE: 'dev',
    DEV_JWT_SECRET: randomBytes(32).toString('hex'),
    PSEUDONIEM_SLEUTEL: randomBytes(32).toString('hex'),
    SLEUTEL_MASTER: randomBytes(32).toString('base64'),
    LOG_FORMAT: 'json',
    NODE_ENV: 'production',
  };
  delete gedeeld.NATS_URL;
  delete gedeeld.LOG_LEVEL; // the app's default (info), unless options.env sets it
  delete gedeeld.NODE_OPTIONS; // the benchmark's own flags are not the app's

  const handles = [] as AppHandle[];
  const meters = new Map<AppNaam, ProcesMeter>();
  const gestopt = new Map<AppNaam, string>();
  let stoppen = false;

  const mainVan = (naam: AppNaam) => path.join(buildDir, 'apps', naam, 'src', 'main.js');
  for (const naam of APP_NAMEN) {
    if (!fs.existsSync(mainVan(naam))) throw new Error(`${mainVan(naam)} does not exist: run the benchmark through bench/run.mjs`);
  }
  for (const naam of APP_NAMEN) {
    const main = mainVan(naam);
    const port = await freePort();
    const logBestand = path.join(logDir, `${naam}.log`);
    const fd = fs.openSync(logBestand, 'a');
    const profiel = options.cpuProfiel?.includes(naam)
      ? ['--cpu-prof', `--cpu-prof-dir=${logDir}`, `--cpu-prof-name=${naam}.cpuprofile`, '--import', NETJES_STOPPEN]
      : [];
    const proces = spawn(process.execPath, [...APP_NODE_FLAGS, ...profiel, ...(options.nodeFlags?.[naam] ?? []), main], {
      cwd: process.cwd(), // bench/run.mjs runs in the repository root, as start.mjs does
      env: { ...gedeeld, [PORT_ENV[naam]]: String(port), APP_NAME: naam, ...options.env, ...options.appEnv?.[naam] },
      stdio: ['ignore', fd, fd],
    });
    fs.closeSync(fd);
    if (proces.pid === undefined) throw new Error(`${naam} did not start`);
    proces.on('exit', (code, signal) => {
      const h = handles.find((x) => x.naam === naam);
      if (h) h.gestoptOp = Date.now();
      gestopt.set(naam, signal ?? `exit ${code}`);
      if (!stoppen) console.error(`\n${naam} stopped unexpectedly (${signal ?? `exit ${code}`}); see ${logBestand}`);
    });
    handles.push({ naam, url: `http://127.0.0.1:${port}`, port, pid: proces.pid, logBestand, proces });
    meters.set(naam, new ProcesMeter(proces.pid));
  }

  // Never leave apps behind when the benchmark process ends some other way.
  const nood = () => handles.forEach((h) => h.proces.exitCode === null && h.proces.signalCode === null && h.proces.kill('SIGKILL'));
  process.on('exit', nood);

  let fase = 'start';
  const meetAlles = () => meters.forEach((m) => m.meet(fase));
  const timer = setInterval(meetAlles, options.sampleMs ?? 200);
  timer.unref();

  const stop = async (): Promise<void> => {
    if (stoppen) return;
    stoppen = true;
    meetAlles(); // the last VmHWM while every process still lives
    clearInterval(timer);
    await Promise.all(
      handles.map(
        (h) =>
          new Promise<void>((resolve) => {
            if (h.proces.exitCode !== null || h.proces.signalCode !== null) return resolve();
            const kill = setTimeout(() => h.proces.kill('SIGKILL'), 15_000);
            h.proces.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            h.proces.kill('SIGTERM');
          }),
      ),
    );
    process.off('exit', nood);
    for (const h of handles) {
      const bestand = path.join(logDir, `${h.naam}.cpuprofile`);
      if (options.cpuProfiel?.includes(h.naam) && fs.existsSync(bestand)) h.cpuProfiel = bestand;
    }
  };

  const byNaam = Object.fromEntries(handles.map((h) => [h.naam, h])) as Record<AppNaam, AppHandle>;

  // ---- wait for /health of each
  const deadline = Date.now() + (options.healthTimeoutMs ?? 60_000);
  try {
    await Promise.all(
      handles.map(async (h) => {
        for (;;) {
          const weg = gestopt.get(h.naam);
          if (weg) throw new Error(`${h.naam} stopped while starting (${weg}); see ${h.logBestand}:\n${staart(h.logBestand)}`);
          if (Date.now() > deadline) throw new Error(`${h.naam} did not become healthy on ${h.url}; see ${h.logBestand}`);
          try {
            const res = await fetch(`${h.url}/health`);
            if (res.ok) return;
          } catch {
            // not listening yet
          }
          await new Promise((r) => setTimeout(r, 200));
        }
      }),
    );
  } catch (e) {
    await stop();
    throw e;
  }
  meetAlles();

  return {
    ...byNaam,
    lijst: handles,
    database: { url, schema },
    async token(rol, gemeenten, sub) {
      const res = await fetch(`${byNaam.intake.url}/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rol, gemeenten, ...(sub ? { sub } : {}) }),
      });
      if (!res.ok) throw new Error(`POST /auth/dev-token: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    fase(naam) {
      meetAlles();
      fase = naam;
      meetAlles();
    },
    piekRss() {
      if (!stoppen) meetAlles();
      const mb = (kb: number) => Math.round((kb / KB_PER_MB) * 10) / 10;
      return Object.fromEntries(
        handles.map((h) => {
          const m = meters.get(h.naam)!;
          const perFase = Object.fromEntries(Object.entries(m.perFase).map(([f, kb]) => [f, mb(kb)]));
          return [h.naam, { vmHwmMb: mb(m.hwmKb), gesampeldPiekMb: mb(m.piekKb), perFase }];
        }),
      ) as Record<AppNaam, RssPiek>;
    },
    rssVerloop() {
      return Object.fromEntries(handles.map((h) => [h.naam, [...meters.get(h.naam)!.verloop]])) as Record<AppNaam, [number, number][]>;
    },
    cpuSeconden() {
      if (!stoppen) meetAlles();
      return Object.fromEntries(handles.map((h) => [h.naam, meters.get(h.naam)!.cpu])) as Record<AppNaam, number>;
    },
    stop,
  };
}

/** The last lines of a log file, for an app that died while starting. */
function staart(bestand: string, regels = 15): string {
  try {
    return fs.readFileSync(bestand, 'utf8').trimEnd().split('\n').slice(-regels).join('\n');
  } catch {
    return '';
  }
}
