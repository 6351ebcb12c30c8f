/**
 * Write-to-visible: from a command's 2xx until a report without `minPositie` reflects its
 * position, with each way the projection daemon can learn of the write:
 *   - `polling`: no wake-up source (PROJECTIE_WEKKERS empty): the daemon looks every 100 ms;
 *   - `notify`: the NOTIFY after each append (PROJECTIE_WEKKERS=notify, no NATS);
 *   - `nats`: a message on the relay's JetStream stream (PROJECTIE_WEKKERS=nats), the relay
 *     itself woken by NOTIFY (RELAY_NOTIFY=true, the default);
 *   - `nats, relay polling`: the same with RELAY_NOTIFY=false, so the relay looks every 100 ms:
 *     what the NATS path costs without NOTIFY anywhere.
 * Each scenario starts the apps afresh (as npm start runs them, bench/lib/apps.ts) on the same
 * schema; the relay is its own process, as under npm start. One writer registers a client
 * (POST /clienten, one event) and then asks GET /rapportages/stand without minPositie back to back
 * until its `positie` reaches the write's; the figure is the time until the request of that stand
 * (see ZichtbaarMeting). Between writes it waits a random 0–150 ms, so a write lands at a random
 * moment of the daemon's polling pause. The NATS scenarios need nats-server on the
 * PATH; without it they are left out and said so.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { quoteIdent } from '@sd/database';
import { Rng, startTestNats, type TestNats } from '@sd/testing';
import { APP_NODE_FLAGS } from '../../scripts/app-flags.mjs';
import { freePort } from '../../scripts/embedded-postgres.mjs';
import { type Apps, procCpuSeconden, startApps } from './apps.js';
import { afgerond, type Verdeling, verdeling } from './measure.js';
import { randomBsn } from './rest.js';

export const ZICHTBAAR_SCENARIOS = ['polling', 'notify', 'nats', 'nats, relay polling'] as const;
export type ZichtbaarScenario = (typeof ZICHTBAAR_SCENARIOS)[number];
/** The target for both wake-ups (issue 17): p99 under 50 ms. */
export const DOEL_ZICHTBAAR_P99_MS = 50;

export interface ZichtbaarMeting {
  scenario: ZichtbaarScenario;
  /**
   * ms from the 2xx of POST /clienten until the request of the first stand that reflects it: from
   * then on a report asked reflects the write. At most one report's duration late (the one before
   * did not reflect it yet), and without the report's own time, which the reports part measures.
   */
  latentie: Verdeling;
  /** The same until that stand's answer: the report's own duration included. */
  totAntwoord: Verdeling;
  /**
   * ms from the 2xx until the read model's checkpoint for the gemeente reached the write (asked
   * every 2 ms with SQL, beside the stands): from then on every report reflects it. The wake-up and
   * the daemon's transaction, without the resolution of a report's duration.
   */
  leesmodel: Verdeling;
  /** ms of one GET /rapportages/stand. */
  rapport: Verdeling;
  /**
   * ms from the 2xx until the wake-up reached the daemon (its /health: when its source last woke
   * it; same machine, same clock). Negative: the wake came before the answer reached the client.
   */
  wekken?: Verdeling;
  /** What woke the daemon during the scenario (its /health). */
  gewekt: Record<string, number>;
}

export interface ZichtbaarResultaat {
  schrijfacties: number;
  metingen: ZichtbaarMeting[];
  /** p50 and p99 of polling ÷ those of each wake-up, measured in this run. */
  ratios: { scenario: ZichtbaarScenario; p50: number; p99: number; leesmodel: { p50: number; p99: number } }[];
  /** Scenarios left out, and why. */
  overgeslagen: string[];
}

export interface ZichtbaarOpties {
  url: string;
  /** A migrated schema of its own (the apps' history stays small: they start on it four times). */
  schema: string;
  buildDir: string;
  logDir: string;
  schrijfacties: number;
  log: (regel: string) => void;
}

const GEMEENTE = 'GM0014';

let klaarCpu = 0;
let levendCpu: (() => number) | undefined;
/** CPU seconds so far of the apps and relays this part started: the benchmark's own, not other processes'. */
export function zichtbaarCpuSeconden(): number {
  return klaarCpu + (levendCpu?.() ?? 0);
}
const STAND = `/rapportages/stand?peildatum=2026-01-01&gemeente=${GEMEENTE}`;

export async function meetZichtbaar(o: ZichtbaarOpties): Promise<ZichtbaarResultaat> {
  const rng = new Rng(20_261_201);
  const metingen: ZichtbaarMeting[] = [];
  const overgeslagen: string[] = [];
  // The relay reads the same events as the apps: the same key that wraps each client's data key.
  const geheimen = { SLEUTEL_MASTER: randomBytes(32).toString('base64'), LOG_LEVEL: 'warn' };
  let nats: TestNats | undefined;
  try {
    nats = await startTestNats();
  } catch (e) {
    overgeslagen.push(`nats, nats, relay polling: ${(e as Error).message}`);
  }
  try {
    for (const scenario of ZICHTBAAR_SCENARIOS) {
      const metNats = scenario.startsWith('nats');
      if (metNats && !nats) continue;
      o.log(`  ${scenario}: ${o.schrijfacties} writes …`);
      const wekkers = scenario === 'polling' ? '' : metNats ? 'nats' : 'notify';
      const apps = await startApps({
        url: o.url,
        schema: o.schema,
        buildDir: o.buildDir,
        logDir: path.join(o.logDir, scenario.replace(/\W+/g, '-')),
        env: geheimen,
        appEnv: { projections: { PROJECTIE_WEKKERS: wekkers, ...(metNats ? { NATS_URL: nats!.url } : {}) } },
      });
      const relay = metNats ? await startRelay(o, nats!, { ...geheimen, RELAY_NOTIFY: String(scenario === 'nats') }) : undefined;
      levendCpu = () => Object.values(apps.cpuSeconden()).reduce((a, b) => a + b, 0) + (relay ? (procCpuSeconden(relay.pid) ?? 0) : 0);
      try {
        metingen.push(await meetScenario(apps, scenario, o.schrijfacties, rng, relay?.url));
        const m = metingen.at(-1)!;
        o.log(
          `    p50 ${m.latentie.p50} ms, p99 ${m.latentie.p99} ms, max ${m.latentie.max} ms (read model: p50 ${m.leesmodel.p50}, p99 ${m.leesmodel.p99}; until the answer: p50 ${m.totAntwoord.p50}, p99 ${m.totAntwoord.p99}; ` +
            `one stand p50 ${m.rapport.p50} ms${m.wekken ? `; woken p50 ${m.wekken.p50}, p99 ${m.wekken.p99} ms after the 2xx` : ''}); woken ${JSON.stringify(m.gewekt)}`,
        );
      } finally {
        klaarCpu += levendCpu();
        levendCpu = undefined;
        await relay?.stop();
        await apps.stop();
      }
    }
  } finally {
    await nats?.dispose();
  }
  const polling = metingen.find((m) => m.scenario === 'polling')!;
  const ratios = metingen
    .filter((m) => m.scenario !== 'polling')
    .map((m) => ({
      scenario: m.scenario,
      p50: deel(polling.latentie.p50, m.latentie.p50),
      p99: deel(polling.latentie.p99, m.latentie.p99),
      leesmodel: { p50: deel(polling.leesmodel.p50, m.leesmodel.p50), p99: deel(polling.leesmodel.p99, m.leesmodel.p99) },
    }));
  return { schrijfacties: o.schrijfacties, metingen, ratios, overgeslagen };
}

const deel = (a: number, b: number): number => Math.round((a / b) * 10) / 10;

async function meetScenario(apps: Apps, scenario: ZichtbaarScenario, n: number, rng: Rng, relay?: string): Promise<ZichtbaarMeting> {
  const consulent = await apps.token('consulent', [GEMEENTE]);
  const rapportage = await apps.token('rapportage', [GEMEENTE]);
  const stand = async (query = ''): Promise<{ positie: number; ms: number }> => {
    const t = performance.now();
    const res = await fetch(`${apps.projections.url}${STAND}${query}`, { headers: { authorization: `Bearer ${rapportage}` } });
    if (res.status !== 200) throw new Error(`GET ${STAND}${query}: ${res.status} ${await res.text()}`);
    return { positie: ((await res.json()) as { positie: number }).positie, ms: performance.now() - t };
  };
  const schrijf = async (): Promise<number> => {
    const res = await fetch(`${apps.intake.url}/clienten`, {
      method: 'POST',
      headers: { authorization: `Bearer ${consulent}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ bsn: randomBsn(rng), geboortedatum: '1980-01-31', geslacht: 'vrouw', gemeente: GEMEENTE }),
    });
    if (res.status !== 201) throw new Error(`POST /clienten: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { positie: number }).positie;
  };

  // Warm-up, seen with minPositie: the gemeente is in the worker's share, the code paths are hot,
  // and the relay (NATS) has published everything before the first measured write.
  for (let i = 0; i < 10; i++) await stand(`&minPositie=${await schrijf()}`);
  if (relay) await relayBij(relay, apps);
  const voor = await gewekt(apps);

  const latenties: number[] = [];
  const totAntwoord: number[] = [];
  const rapporten: number[] = [];
  const wekken: number[] = [];
  const leesmodel: number[] = [];
  const bron = scenario === 'polling' ? undefined : scenario === 'notify' ? 'notify' : 'nats';
  const checkpoint = await checkpointLezer(apps);
  for (let i = 0; i < n; i++) {
    await new Promise((r) => setTimeout(r, rng.int(0, 150)));
    const positie = await schrijf();
    const t0 = performance.now();
    const klok0 = Date.now();
    // Beside the stands: when the read model's checkpoint (what every report reads) reaches it.
    const cp = checkpoint.tot(positie).then((t) => leesmodel.push(t - t0));
    for (;;) {
      const gevraagd = performance.now();
      const s = await stand();
      rapporten.push(s.ms);
      if (s.positie >= positie) {
        latenties.push(gevraagd - t0);
        totAntwoord.push(performance.now() - t0);
        break;
      }
      if (performance.now() - t0 > 10_000) throw new Error(`${scenario}: positie ${positie} not visible after 10 s`);
    }
    await cp;
    const laatst = bron ? (await gewekt(apps))[bron]?.laatst : undefined;
    if (laatst) wekken.push(Date.parse(laatst) - klok0);
  }
  await checkpoint.sluit();
  const na = await gewekt(apps);
  return {
    scenario,
    latentie: afgerond(verdeling(latenties)),
    leesmodel: afgerond(verdeling(leesmodel)),
    totAntwoord: afgerond(verdeling(totAntwoord)),
    rapport: afgerond(verdeling(rapporten)),
    ...(wekken.length ? { wekken: afgerond(verdeling(wekken)) } : {}),
    gewekt: Object.fromEntries(Object.entries(na).map(([b, x]) => [b, x.gewekt - (voor[b]?.gewekt ?? 0)])),
  };
}

/**
 * The active generation's checkpoint of the gemeente, asked every 2 ms over a connection of its own
 * (a primary-key lookup): the moment a write is in the read model, from which on every report
 * reflects it, without a report's own time in the way.
 */
async function checkpointLezer(apps: Apps): Promise<{ tot(positie: number): Promise<number>; sluit(): Promise<void> }> {
  const client = new pg.Client({ connectionString: apps.database.url });
  await client.connect();
  const { rows } = await client.query<{ schema_naam: string }>(
    `SELECT schema_naam FROM ${quoteIdent(apps.database.schema)}.rm_generatie WHERE status = 'actief'`,
  );
  const sql = `SELECT positie FROM ${quoteIdent(rows[0].schema_naam)}.rm_checkpoint WHERE gemeente = $1`;
  return {
    async tot(positie) {
      for (;;) {
        const { rows: cp } = await client.query<{ positie: string }>({ name: 'zichtbaar_cp', text: sql, values: [GEMEENTE] });
        if (Number(cp[0]?.positie ?? 0) >= positie) return performance.now();
        await new Promise((r) => setTimeout(r, 2));
      }
    },
    sluit: () => client.end(),
  };
}

async function gewekt(apps: Apps): Promise<Record<string, { gewekt: number; laatst: string | null }>> {
  const res = await fetch(`${apps.projections.url}/health`);
  const body = (await res.json()) as { info: { projectie: { gewekt: Record<string, { gewekt: number; laatst: string | null }> } } };
  return body.info.projectie.gewekt;
}

/** The relay as npm start runs it (its own process), on the apps' database and env. */
async function startRelay(
  o: ZichtbaarOpties,
  nats: TestNats,
  env: Record<string, string>,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const proces: ChildProcess = spawn(
    process.execPath,
    [...APP_NODE_FLAGS, path.join(o.buildDir, 'apps', 'voorzieningen', 'src', 'relay.main.js')],
    {
      env: {
        ...process.env,
        DATABASE_URL: o.url,
        DATABASE_SCHEMA: o.schema,
        NATS_URL: nats.url,
        RELAY_PORT: String(port),
        NODE_ENV: 'production',
        NODE_OPTIONS: '',
        ...env,
      },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (proces.exitCode !== null) return resolve();
      proces.once('exit', () => resolve());
      proces.kill('SIGTERM');
    });
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, pid: proces.pid!, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('the relay did not become healthy');
}

async function relayBij(relay: string, apps: Apps): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const res = await fetch(`${relay}/health`);
    const body = (await res.json()) as { info?: { relay?: { lag?: number; actief?: boolean } } };
    if (body.info?.relay?.actief && body.info.relay.lag === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the relay did not catch up (projections at ${apps.projections.url})`);
}
