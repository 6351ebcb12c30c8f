/**
 * `npm run bench -- [--quick] [--only append,projections,rest,zichtbaar] [--events N] [--requests N] [--rest-seconds N] [--seed N] [--waits] [--split-cpu] [--keep]`
 *
 * The whole benchmark in one run, on one embedded PostgreSQL (durable, as in production):
 *   1. append through the event store port, side by side with Emmett's PostgreSQL event store and
 *      plain multi-row INSERTs (bench/lib/append.ts);
 *   2. a realistic history of N events (1,000,000; quick: 100,000; more: a longer history with the
 *      same caseload) seeded straight into the event store (bench/lib/bulk-seed.ts), then sealed
 *      into the audit hash chain from position 0 (bench/lib/zegel.ts);
 *   3. the three apps started as `npm start` runs them (bench/lib/apps.ts); the projection daemon
 *      catches up from position 0, then a full rebuild over REST (POST /beheer/herbouw), and a
 *      plain COPY of the same rows for comparison;
 *   4. every report for one gemeente and for all, random peildata and kennisdata (bench/lib/reports.ts);
 *   5. POST /voorzieningen at concurrency 32 with autocannon (bench/lib/rest.ts);
 *   6. the peak RSS of each app over the whole run;
 *   7. write-to-visible: a command's 2xx until a report without minPositie shows it, woken by
 *      NATS, by NOTIFY, or by polling alone (bench/lib/zichtbaar.ts).
 * Prints a table with every figure, its target and ratio, and writes bench/results/bench-<date>.{json,html}.
 */
import 'reflect-metadata';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { createPool, quoteIdent, runMigrations } from '@sd/database';
import { type AppendResultaat, meetAppends } from './lib/append.js';
import { type AppNaam, type Apps, type RssPiek, startApps } from './lib/apps.js';
import { bulkSeed } from './lib/bulk-seed.js';
import { walRegel, type WalStand, walStand, walVerschil } from './lib/wal.js';
import { meetVerzegeling, type ZegelMeting } from './lib/zegel.js';
import { type AuditExportMeting, DOEL_AUDIT_RSS_MB, DOEL_AUDIT_SECONDEN, meetAuditExport } from './lib/audit-export.js';
import { caseload, GEMEENTEN, type HistoryStats, jarenVoor } from './lib/history.js';
import { type Belasting, BelastingMeter, machine, Voortgang } from './lib/measure.js';
import { type RapportMeting, staven } from './lib/output.js';
import { dashboardJavaScriptKb, DOEL_BUNDEL_KB, meetOverzicht } from './lib/dashboard.js';
import { DOEL_ALLE_MS, DOEL_EEN_MS, meetRapporten } from './lib/reports.js';
import { meetRestCommands, type RestResultaat } from './lib/rest.js';
import { DOEL_ZICHTBAAR_P99_MS, meetZichtbaar, zichtbaarCpuSeconden, type ZichtbaarResultaat } from './lib/zichtbaar.js';
import { argv, getal, vlag } from './lib/args.js';
import type { Kennisdatum } from './lib/seed.js';

// ---------------------------------------------------------------- arguments

if (vlag('help')) {
  console.log(`npm run bench -- [--quick] [--only append,projections,rest,zichtbaar] [--events N] [--requests N] [--rest-seconds N] [--seed N] [--waits] [--split-cpu] [--keep]
  --quick            100,000 events, 20 requests per report and scope, short append and REST runs (< 3 min)
  --only PARTS       run only these parts: append (1), projections (2-4: history, catch-up, rebuild, COPY, reports), rest (5),
                     zichtbaar (7: write-to-visible with NATS, NOTIFY and polling)
  --writes N         measured writes per write-to-visible scenario (default 200, quick 50)
  --waits            sample pg_stat_activity during each append run and print the wait events per system
  --split-cpu        append: PostgreSQL on the last CPU, the benchmark's node process on the others (as app and database deployed apart)
  --events N         events in the history (default 1,000,000; N/10 clients over max(3, 3·N/1M) years up to 2017)
  --requests N       measured requests per report and scope (default 50)
  --rest-seconds N   measured seconds of POST /voorzieningen (default 30, quick 8)
  --keep             keep the PostgreSQL data directory`);
  process.exit(0);
}
const QUICK = vlag('quick');
const EVENTS = getal('events', QUICK ? 100_000 : 1_000_000);
const REQUESTS = getal('requests', QUICK ? 20 : 50);
const REST_SECONDEN = getal('rest-seconds', QUICK ? 8 : 30);
const SEED = getal('seed', 20_151_231);
const SCHRIJFACTIES = getal('writes', QUICK ? 50 : 200);
const KEEP = vlag('keep');
const DELEN = (() => {
  const i = argv.indexOf('--only');
  const alle = ['append', 'projections', 'rest', 'zichtbaar'];
  if (i < 0) return new Set(alle);
  const gekozen = (argv[i + 1] ?? '').split(',');
  if (!gekozen.every((d) => alle.includes(d))) throw new Error(`--only takes a comma list of ${alle.join(', ')}`);
  return new Set(gekozen);
})();

const DOEL = {
  appendVsEmmett: 1.5,
  appendVsInsert: 0.3,
  /** With the personal fields encrypted, within 10 % of the same append without (issue 16). */
  appendVsOnversleuteld: 0.9,
  restPerSeconde: 2_000,
  restP99Ms: 50,
  herbouw: 20_000,
  rssMb: 300,
};

const HIER = path.dirname(fileURLToPath(import.meta.url));
// bench/all.bench.ts, or compiled: bench/.build/all/bench/all.bench.js
const ROOT = (() => {
  let dir = HIER;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'scripts', 'embedded-postgres.mjs'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
  return dir;
})();
/** apps/ and libs/ compiled next to this file by bench/run.mjs. */
const BUILD = path.resolve(HIER, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const stempel = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
const NAAM = `bench-${stempel}${QUICK ? '-quick' : ''}`;

type EmbeddedPostgres = typeof import('../scripts/embedded-postgres.mjs');
const { freePort, startEmbeddedPostgres } = (await import(path.join(ROOT, 'scripts', 'embedded-postgres.mjs'))) as EmbeddedPostgres;

const log = (s: string) => console.log(s);
const fmt = (n: number, d = 0) => n.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
const t0Run = performance.now();
const sinds = () => `${((performance.now() - t0Run) / 1000).toFixed(0)} s`;

// ---------------------------------------------------------------- PostgreSQL

log(
  `Benchmark (${QUICK ? 'quick' : 'full'}): ${fmt(EVENTS)} events, ${REQUESTS} requests per report and scope, ${REST_SECONDEN} s of REST commands`,
);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-'));
// One audit signing key for the run: the sealing pass here and the apps' sealer sign with it, so the auditor's verifieer-log checks every checkpoint.
process.env.AUDIT_SIGNING_KEY ??= generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
fs.chmodSync(tmp, 0o755); // the embedded server may run as its own system user
const dataDir = path.join(tmp, 'data');
const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: KEEP });
let apps: Apps | undefined;
let gestopt = false;
const opruimen = async () => {
  if (gestopt) return;
  gestopt = true;
  await apps?.stop().catch(() => undefined);
  await db.stop().catch(() => undefined);
  if (!KEEP) fs.rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', () => void opruimen().then(() => process.exit(130)));
const schema = 'sociaal_domein';
await runMigrations({ url: db.url, schema });
const admin = createPool({ url: db.url, schema, poolSize: 2 });
const instellingen: Record<string, string> = {};
for (const naam of ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'work_mem']) {
  const { rows } = await admin.query<Record<string, string>>(`SHOW ${naam}`);
  instellingen[naam] = Object.values(rows[0])[0]!;
}
log(
  `PostgreSQL ${instellingen.server_version} on port ${db.port}, fsync ${instellingen.fsync}, synchronous_commit ${instellingen.synchronous_commit}`,
);
const belasting: Record<string, Belasting> = {};
// The apps are this benchmark's own processes too: their CPU is not "other processes".
const meter = new BelastingMeter(
  dataDir,
  () => (apps ? Object.values(apps.cpuSeconden()).reduce((a, b) => a + b, 0) : 0) + zichtbaarCpuSeconden(),
);

try {
  // -------------------------------------------------------------- 1. append

  let append: AppendResultaat | undefined;
  if (DELEN.has('append')) {
    log(`\n1. Append through the port, against Emmett and plain INSERT (${sinds()})`);
    meter.begin();
    append = await meetAppends({ url: db.url, quick: QUICK, log, wachtProfiel: vlag('waits'), splitsCpu: vlag('split-cpu') });
    belasting.append = meter.meet();
  }

  // -------------------------------------------------------------- 2. history

  const gemeenten = GEMEENTEN.map(([g]) => g);
  let historie: Resultaat['historie'] | undefined;
  let kennisdata: Kennisdatum[] = [];
  let zegel: ZegelMeting | undefined;
  let audit: AuditExportMeting | undefined;
  if (DELEN.has('projections')) {
    const jaren = jarenVoor(EVENTS);
    log(`\n2. History of ${fmt(EVENTS)} events over ${jaren} years, generated and seeded in bulk (${sinds()})`);
    const seedPool = createPool({ url: db.url, schema, poolSize: 1 });
    const seedBar = new Voortgang('seed', EVENTS);
    meter.begin();
    const seed = await bulkSeed(seedPool, {
      historie: { clients: Math.round(EVENTS / 10), seed: SEED, jaren },
      voortgang: (n) => seedBar.zet(n, Math.max(EVENTS, n)),
    });
    belasting.seed = meter.meet();
    seedBar.zet(seed.events, seed.events);
    seedBar.stop();
    await seedPool.end();
    kennisdata = seed.kennisdata;
    const h = seed.historie;
    historie = {
      events: seed.events,
      appends: seed.appends,
      streams: seed.streams,
      clients: h.clients,
      households: h.households,
      jaren: h.jaren,
      van: h.van,
      tot: h.tot,
      lopend: h.lopend,
      seedSeconden: Math.round(seed.seconden * 10) / 10,
      seedEventsPerSeconde: Math.round(seed.events / seed.seconden),
      seedGeneratorSeconden: Math.round(seed.generatorSeconden * 10) / 10,
      seedDatabaseSeconden: Math.round(seed.databaseSeconden * 10) / 10,
    };
    log(
      `Seeded ${fmt(seed.events)} events in bulk in ${seed.seconden.toFixed(1)} s (${fmt(seed.events / seed.seconden)} events/s; generator ${seed.generatorSeconden.toFixed(1)} s, PostgreSQL ${seed.databaseSeconden.toFixed(1)} s): ` +
        `${fmt(h.clients)} clients, ${h.van} … ${h.tot} (${h.jaren} years); ${caseload(h.lopend)}`,
    );
    // An event store in production has long been vacuumed; autovacuum's pass after the seed is not the rebuild's.
    await admin.query('VACUUM (ANALYZE) es_events, es_streams');
    await admin.query('CHECKPOINT');

    // The audit sealer's first pass over the whole history, before the apps start (theirs then has nothing left).
    log(`\n2b. Sealing the history into the audit hash chain (${sinds()})`);
    const zegelBar = new Voortgang('seal', seed.events);
    meter.begin();
    zegel = await meetVerzegeling({ url: db.url, schema, voortgang: (n) => zegelBar.zet(n) });
    belasting.zegel = meter.meet();
    zegelBar.stop();
    const appendRate = Math.max(
      0,
      ...(append?.metingen.filter((x) => x.systeem === 'sociaal-domein').map((x) => x.eventsPerSeconde) ?? []),
    );
    log(
      `Sealed ${fmt(zegel.events)} events in ${zegel.seconden.toFixed(1)} s = ${fmt(zegel.eventsPerSeconde)} events/s, ${fmt(zegel.checkpoints)} signed checkpoints` +
        (appendRate ? `; append through the port in this run: ${fmt(appendRate)} events/s at best` : ' (append not run: --only)'),
    );
  }

  // -------------------------------------------------------------- 3. the apps, catch-up, rebuild, COPY

  let projectie: Resultaat['projectie'] | undefined;
  let rapporten: RapportMeting[] | undefined;
  let rest: RestResultaat | undefined;
  let rss: Record<AppNaam, RssPiek> | undefined;
  if (DELEN.has('projections') || DELEN.has('rest')) {
    log(`\n3. The three apps as npm start runs them${historie ? '; projection catch-up and rebuild' : ''} (${sinds()})`);
    const logDir = path.join(RESULTS, `${NAAM}-logs`);
    const startMs = performance.now();
    // BENCH_APP_NODE_FLAGS: extra Node flags for every app (after scripts/app-flags.mjs, so they win).
    const extra = (process.env.BENCH_APP_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
    apps = await startApps({
      url: db.url,
      schema,
      buildDir: BUILD,
      logDir,
      nodeFlags: { intake: extra, voorzieningen: extra, projections: extra },
    });
    if (historie) {
      const events = historie.events;
      const head = Number((await admin.query<{ p: string }>(`SELECT max(global_position) AS p FROM es_events`)).rows[0].p);
      apps.fase('catch-up');
      meter.begin();
      // The daemon starts in the projections app's bootstrap, on an empty generation: it applies the
      // whole store from position 0. Measured from the spawn (Node's start-up included) to the head.
      const inhaalBar = new Voortgang('catch-up', head, 'positions');
      const inhaal = await wachtOpCheckpoint(head, (p) => inhaalBar.zet(p), apps.projections.url);
      inhaalBar.stop();
      belasting.catchUp = meter.meet();
      const inhaalSeconden = (inhaal - startMs) / 1000;
      log(
        `Catch-up at start: ${fmt(events)} events in ${inhaalSeconden.toFixed(1)} s = ${fmt(events / inhaalSeconden)} events/s (from the spawn of the app)`,
      );

      apps.fase('rebuild');
      const beheer = await apps.token('beheer', gemeenten);
      const wal0 = await walStand(admin);
      meter.begin();
      const hbStart = performance.now();
      const start = await fetch(`${apps.projections.url}/beheer/herbouw`, {
        method: 'POST',
        headers: { authorization: `Bearer ${beheer}` },
      });
      if (start.status !== 202) throw new Error(`POST /beheer/herbouw: ${start.status} ${await start.text()}`);
      const hbBar = new Voortgang('rebuild', head, 'positions');
      let status: { bezig: boolean; verwerkt: number; fout?: string };
      for (;;) {
        await new Promise((r) => setTimeout(r, 200));
        const res = await fetch(`${apps.projections.url}/beheer/herbouw`, { headers: { authorization: `Bearer ${beheer}` } });
        status = (await res.json()) as typeof status;
        hbBar.zet(Math.min(status.verwerkt, head));
        if (!status.bezig) break;
      }
      hbBar.stop();
      belasting.rebuild = meter.meet();
      if (status.fout) throw new Error(`rebuild failed: ${status.fout}`);
      const hbSeconden = (performance.now() - hbStart) / 1000;
      const wal = walVerschil(wal0, await walStand(admin));
      log(
        `Rebuild (POST /beheer/herbouw: new generation, every event, index build, VACUUM ANALYZE, swap): ${hbSeconden.toFixed(1)} s = ${fmt(events / hbSeconden)} events/s; ${walRegel(wal)}`,
      );

      apps.fase('copy');
      const copy = await meetCopy(db.url, schema);
      const copyRate = Math.round(copy.events.rijen / copy.events.seconden);
      log(
        `Plain COPY of the ${fmt(copy.events.rijen)} event rows: ${copy.events.seconden.toFixed(1)} s = ${fmt(copyRate)} rows/s; ` +
          `of the ${fmt(copy.leesmodel.rijen)} read-model rows the rebuild wrote: ${copy.leesmodel.seconden.toFixed(1)} s`,
      );
      projectie = {
        events,
        inhalenSeconden: Math.round(inhaalSeconden * 10) / 10,
        inhalenEventsPerSeconde: Math.round(events / inhaalSeconden),
        herbouwSeconden: Math.round(hbSeconden * 10) / 10,
        herbouwEventsPerSeconde: Math.round(events / hbSeconden),
        herbouwWal: wal,
        copy,
        copyEventsPerSeconde: copyRate,
      };

      // ------------------------------------------------------------ 4. reports

      log(`\n4. Reports over HTTP (${sinds()})`);
      apps.fase('reports');
      meter.begin();
      rapporten = await meetRapporten({
        basis: apps.projections.url,
        token: await apps.token('rapportage', gemeenten),
        gemeenten,
        kennisdata: kennisdata.map((k) => k.instant),
        requests: REQUESTS,
        warmup: 2,
        seed: SEED + 1,
        log,
      });
      belasting.reports = meter.meet();
      // Its own phase: Chromium is one of the "other processes" here.
      meter.begin();
      rapporten.push(await meetOverzicht({ basis: apps.projections.url, gemeenten, requests: Math.min(REQUESTS, 20), warmup: 2, log }));
      belasting.dashboard = meter.meet();

      log(`\n4b. The auditor's export of the sealed log and verifieer-log of it, with the built CLI (${sinds()})`);
      apps.fase('audit');
      meter.begin();
      audit = await meetAuditExport({
        main: path.join(HIER, '..', 'apps', 'audit-cli', 'src', 'main.js'),
        basis: apps.projections.url,
        token: await apps.token('auditor', gemeenten),
        gemeenten,
        map: tmp,
        log,
      });
      belasting.audit = meter.meet();
    }

    // -------------------------------------------------------------- 5. REST commands

    if (DELEN.has('rest')) {
      log(`\n5. POST /voorzieningen at concurrency 32 (${sinds()})`);
      apps.fase('rest');
      meter.begin();
      rest = await meetRestCommands({ apps, seconden: REST_SECONDEN, connections: 32, pgDataDir: dataDir, log });
      belasting.rest = meter.meet();
    }
    await apps.stop();
    rss = apps.piekRss();
    log(`App logs in ${path.relative(ROOT, logDir)}`);
  }

  // -------------------------------------------------------------- 7. write-to-visible

  let zichtbaar: ZichtbaarResultaat | undefined;
  if (DELEN.has('zichtbaar')) {
    log(`\n7. Write-to-visible: POST /clienten until a stand without minPositie shows it (${sinds()})`);
    // A schema of its own: the apps start on it once per scenario, and should not catch up a history first.
    await runMigrations({ url: db.url, schema: 'zichtbaar' });
    meter.begin();
    zichtbaar = await meetZichtbaar({
      url: db.url,
      schema: 'zichtbaar',
      buildDir: BUILD,
      logDir: path.join(RESULTS, `${NAAM}-logs`, 'zichtbaar'),
      schrijfacties: SCHRIJFACTIES,
      log,
    });
    belasting.zichtbaar = meter.meet();
  }

  // -------------------------------------------------------------- 6. results

  const resultaat = maakResultaat({ append, historie, kennisdata, projectie, rapporten, rest, rss, zegel, audit, zichtbaar });
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, `${NAAM}.json`), `${JSON.stringify(resultaat, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, `${NAAM}.html`), html(resultaat));
  log(`\n${tabel(resultaat)}`);
  log(`\nResults: ${path.relative(ROOT, path.join(RESULTS, `${NAAM}.json`))} and .html (${sinds()} in all)`);
} finally {
  await admin.end().catch(() => undefined);
  await opruimen();
}

// ---------------------------------------------------------------- helpers

/** Polls the active generation's checkpoints until every gemeente is at `head`; returns performance.now(). */
async function wachtOpCheckpoint(doel: number, voortgang: (positie: number) => void, projections: string): Promise<number> {
  // The store does not change while the daemon catches up: its gemeenten are read once.
  const { rows: inStore } = await admin.query<{ gemeente: string }>(`SELECT DISTINCT gemeente FROM es_streams`);
  const gemeenten = inStore.map((r) => r.gemeente);
  // 30 minutes, or more for a big store (at 5,000 events/s)
  const deadline = Date.now() + Math.max(30 * 60_000, doel / 5);
  while (Date.now() < deadline) {
    const { rows: g } = await admin.query<{ schema_naam: string }>(`SELECT schema_naam FROM rm_generatie WHERE status = 'actief'`);
    if (g[0]) {
      const { rows } = await admin.query<{ laagste: string | null; n: string }>(
        `SELECT min(positie) AS laagste, count(*) AS n FROM ${quoteIdent(g[0].schema_naam)}.rm_checkpoint WHERE gemeente = ANY($1)`,
        [gemeenten],
      );
      // Every gemeente must have a checkpoint: min() over the ones that have one could be early.
      const laagste = Number(rows[0]?.n) === gemeenten.length ? Number(rows[0]?.laagste ?? 0) : 0;
      if (laagste >= doel) {
        voortgang(doel);
        return performance.now();
      }
      // Between moves of the lowest checkpoint, the events the daemon has written (its /health)
      // show the progress.
      voortgang(Math.min(Math.max(laagste, await geschreven(projections, g[0].schema_naam)), doel));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the projection daemon did not catch up within ${Math.round(Math.max(30 * 60_000, doel / 5) / 60_000)} minutes`);
}

/** Events the projections app has written into a generation so far, from its /health (0 while it starts). */
async function geschreven(projections: string, schema: string): Promise<number> {
  try {
    const res = await fetch(`${projections}/health`);
    const body = (await res.json()) as { info?: { projectie?: { geschreven?: Record<string, number> } } };
    return body.info?.projectie?.geschreven?.[schema] ?? 0;
  } catch {
    return 0;
  }
}

interface CopyMeting {
  /** es_events into an empty table with the same columns and indexes. */
  events: { rijen: number; seconden: number };
  /** The active generation's tables into empty tables with the same columns and indexes. */
  leesmodel: { rijen: number; seconden: number; perTabel: Record<string, number> };
}

/**
 * The physical floor of the projection: the same rows moved with COPY (out of PostgreSQL and in
 * again through this process, as a projector's rows travel) into empty tables with the same
 * columns and indexes, with the same durability.
 */
async function meetCopy(url: string, hoofdschema: string): Promise<CopyMeting> {
  const client = new pg.Client({ connectionString: url });
  const lezer = new pg.Client({ connectionString: url });
  await client.connect();
  await lezer.connect();
  try {
    const { rows: g } = await client.query<{ schema_naam: string }>(
      `SELECT schema_naam FROM ${quoteIdent(hoofdschema)}.rm_generatie WHERE status = 'actief'`,
    );
    const leesmodel = g[0].schema_naam;
    await client.query(`DROP SCHEMA IF EXISTS bench_copy CASCADE; CREATE SCHEMA bench_copy`);
    const kopieer = async (bron: string, tabel: string): Promise<{ rijen: number; seconden: number }> => {
      await client.query(
        `CREATE TABLE bench_copy.${tabel} (LIKE ${bron}.${tabel} INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING CONSTRAINTS)`,
      );
      const t = performance.now();
      const uit = lezer.query(copyStreams.to(`COPY ${bron}.${tabel} TO STDOUT (FORMAT binary)`));
      const in_ = client.query(copyStreams.from(`COPY bench_copy.${tabel} FROM STDIN (FORMAT binary)`));
      await pipeline(uit, in_);
      const seconden = (performance.now() - t) / 1000;
      return { rijen: Number(in_.rowCount), seconden };
    };
    const events = await kopieer(quoteIdent(hoofdschema), 'es_events');
    const perTabel: Record<string, number> = {};
    let rijen = 0;
    let seconden = 0;
    for (const tabel of ['rm_item', 'rm_aanmelding', 'rm_bezwaar', 'rm_client', 'rm_bevolking']) {
      const m = await kopieer(quoteIdent(leesmodel), tabel);
      perTabel[tabel] = m.rijen;
      rijen += m.rijen;
      seconden += m.seconden;
    }
    await client.query(`DROP SCHEMA bench_copy CASCADE`);
    return { events, leesmodel: { rijen, seconden, perTabel } };
  } finally {
    await client.end();
    await lezer.end();
  }
}

interface Doel {
  onderdeel: string;
  naam: string;
  gemeten: string;
  doel: string;
  /** The measured figure against the one it is compared with, where there is one. */
  ratio?: string;
  ok: boolean;
}

interface Resultaat {
  datum: string;
  modus: 'quick' | 'full';
  argumenten: string[];
  omgeving: Record<string, unknown>;
  duurSeconden: number;
  append?: AppendResultaat;
  /** The audit sealer's pass over the seeded history (bench/lib/zegel.ts). */
  zegel?: ZegelMeting;
  /** The auditor's export and verifieer-log of the sealed log (bench/lib/audit-export.ts). */
  audit?: AuditExportMeting;
  historie?: Pick<HistoryStats, 'clients' | 'households' | 'jaren' | 'van' | 'tot' | 'lopend'> & {
    events: number;
    appends: number;
    streams: number;
    seedSeconden: number;
    seedEventsPerSeconde: number;
    seedGeneratorSeconden: number;
    seedDatabaseSeconden: number;
  };
  kennisdata: { label: string; instant: string; positie: number }[];
  projectie?: {
    events: number;
    inhalenSeconden: number;
    inhalenEventsPerSeconde: number;
    herbouwSeconden: number;
    herbouwEventsPerSeconde: number;
    herbouwWal: WalStand;
    copy: CopyMeting;
    copyEventsPerSeconde: number;
  };
  rapporten?: RapportMeting[];
  rest?: RestResultaat;
  rss?: Record<AppNaam, RssPiek>;
  zichtbaar?: ZichtbaarResultaat;
  belasting: Record<string, Belasting>;
  doelen: Doel[];
}

function maakResultaat(
  m: Pick<Resultaat, 'append' | 'historie' | 'projectie' | 'rapporten' | 'rest' | 'rss' | 'zegel' | 'audit' | 'zichtbaar'> & {
    kennisdata: Kennisdatum[];
  },
): Resultaat {
  const doelen: Doel[] = [];
  const appendBest = Math.max(
    0,
    ...(m.append?.metingen.filter((x) => x.systeem === 'sociaal-domein').map((x) => x.eventsPerSeconde) ?? []),
  );
  if (m.zegel && appendBest > 0) {
    doelen.push({
      onderdeel: 'audit',
      naam: 'sealing the history into the hash chain, vs append',
      gemeten: `${fmt(m.zegel.eventsPerSeconde)}/s`,
      doel: `> append (${fmt(appendBest)}/s)`,
      ratio: `${(m.zegel.eventsPerSeconde / appendBest).toFixed(2)}×`,
      ok: m.zegel.eventsPerSeconde > appendBest,
    });
  }
  for (const [naam, x] of [
    ['audit export of every event (CLI)', m.audit?.export],
    ['verifieer-log of that export (CLI)', m.audit?.verifieer],
  ] as const) {
    if (!x) continue;
    doelen.push({
      onderdeel: 'audit',
      naam: `${naam}, ${fmt(m.audit!.events)} events`,
      gemeten: `${fmt(x.seconden, 1)} s, peak RSS ${fmt(x.piekRssMb)} MB${x.code ? `, exit ${x.code}` : ''}`,
      doel: `< ${DOEL_AUDIT_SECONDEN} s, < ${DOEL_AUDIT_RSS_MB} MB`,
      ok: x.code === 0 && x.seconden < DOEL_AUDIT_SECONDEN && x.piekRssMb < DOEL_AUDIT_RSS_MB,
    });
  }
  for (const scenario of ['a', 'b'] as const) {
    const ons = m.append?.metingen.find((x) => x.systeem === 'sociaal-domein' && x.scenario === scenario);
    const r = m.append?.ratios.find((x) => x.scenario === scenario);
    if (!ons || !r) continue;
    const wat = scenario === 'a' ? 'append (a) 1 event per append' : 'append (b) 10 events per append';
    doelen.push({
      onderdeel: 'append',
      naam: `${wat}, vs Emmett`,
      gemeten: `${fmt(ons.eventsPerSeconde)}/s, p50 ${fmt(ons.latentie.p50, 1)} ms, p99 ${fmt(ons.latentie.p99, 1)} ms`,
      doel: `≥ ${DOEL.appendVsEmmett}× Emmett`,
      ratio: `${r.onsVsEmmett.toFixed(2)}×`,
      ok: r.onsVsEmmett >= DOEL.appendVsEmmett,
    });
    doelen.push({
      onderdeel: 'append',
      naam: `${wat}, encrypted vs not`,
      gemeten: `${fmt(ons.eventsPerSeconde)}/s`,
      doel: `≥ ${DOEL.appendVsOnversleuteld * 100}% of the same without encryption`,
      ratio: `${(r.onsVsOnversleuteld * 100).toFixed(0)}%`,
      ok: r.onsVsOnversleuteld >= DOEL.appendVsOnversleuteld,
    });
    const bekend = m.append?.metingen.find((x) => x.systeem === 'sleutel-bekend' && x.scenario === scenario);
    if (bekend)
      doelen.push({
        onderdeel: 'append',
        naam: `${wat}, encrypted with the key in memory vs not`,
        gemeten: `${fmt(bekend.eventsPerSeconde)}/s`,
        doel: `≥ ${DOEL.appendVsOnversleuteld * 100}% of the same without encryption`,
        ratio: `${(r.sleutelBekendVsOnversleuteld * 100).toFixed(0)}%`,
        ok: r.sleutelBekendVsOnversleuteld >= DOEL.appendVsOnversleuteld,
      });
    doelen.push({
      onderdeel: 'append',
      naam: `${wat}, vs plain INSERT`,
      gemeten: `${fmt(ons.eventsPerSeconde)}/s`,
      doel: `≥ ${DOEL.appendVsInsert * 100}% of INSERT`,
      ratio: `${(r.onsVsInsert * 100).toFixed(0)}%`,
      ok: r.onsVsInsert >= DOEL.appendVsInsert,
    });
  }
  if (m.rest) {
    doelen.push({
      onderdeel: 'rest',
      naam: 'POST /voorzieningen, concurrency 32',
      gemeten: `${fmt(m.rest.commandsPerSeconde)}/s, p50 ${fmt(m.rest.latentie.p50, 1)} ms, p99 ${fmt(m.rest.latentie.p99, 1)} ms${m.rest.non2xx ? `, ${m.rest.non2xx} not 201` : ''}`,
      doel: `≥ ${fmt(DOEL.restPerSeconde)}/s, p99 ≤ ${DOEL.restP99Ms} ms`,
      ok:
        m.rest.commandsPerSeconde >= DOEL.restPerSeconde &&
        m.rest.latentie.p99 <= DOEL.restP99Ms &&
        m.rest.non2xx === 0 &&
        m.rest.fouten === 0,
    });
  }
  const p = m.projectie;
  if (p) {
    doelen.push({
      onderdeel: 'projectie',
      naam: `rebuild of ${fmt(p.events)} events (REST, blue/green)`,
      gemeten: `${fmt(p.herbouwEventsPerSeconde)} events/s (${p.herbouwSeconden} s)`,
      doel: `≥ ${fmt(DOEL.herbouw)}/s`,
      ratio: `${((p.herbouwEventsPerSeconde / p.copyEventsPerSeconde) * 100).toFixed(0)}% of COPY (events)`,
      ok: p.herbouwEventsPerSeconde >= DOEL.herbouw,
    });
  }
  for (const r of m.rapporten ?? []) {
    doelen.push({
      onderdeel: 'rapporten',
      naam: `${r.rapport}, ${r.scope === 'een' ? 'one gemeente' : 'all 10 gemeenten'}`,
      gemeten: `p50 ${fmt(r.verdeling.p50, 1)} ms, p95 ${fmt(r.verdeling.p95, 1)} ms${r.fouten ? `, ${r.fouten} errors` : ''}`,
      doel: `p95 < ${fmt(r.doelMs)} ms`,
      ok: r.verdeling.p95 < r.doelMs && r.fouten === 0,
    });
  }
  if (m.rapporten) {
    const kb = dashboardJavaScriptKb();
    doelen.push({
      onderdeel: 'dashboard',
      naam: 'dashboard JavaScript, gzipped',
      gemeten: `${fmt(kb)} KB`,
      doel: `< ${DOEL_BUNDEL_KB} KB`,
      ok: kb < DOEL_BUNDEL_KB,
    });
  }
  for (const [app, x] of Object.entries(m.rss ?? {})) {
    doelen.push({
      onderdeel: 'geheugen',
      naam: `peak RSS ${app}`,
      gemeten: `${fmt(x.vmHwmMb)} MB`,
      doel: `< ${DOEL.rssMb} MB`,
      ok: x.vmHwmMb < DOEL.rssMb,
    });
  }
  for (const z of m.zichtbaar?.metingen ?? []) {
    const wekt = z.scenario === 'notify' || z.scenario === 'nats';
    const ratio = m.zichtbaar!.ratios.find((r) => r.scenario === z.scenario);
    doelen.push({
      onderdeel: 'zichtbaar',
      naam: `write-to-visible, ${z.scenario}`,
      gemeten: `p50 ${fmt(z.latentie.p50, 1)} ms, p99 ${fmt(z.latentie.p99, 1)} ms (read model ${fmt(z.leesmodel.p50, 1)}/${fmt(z.leesmodel.p99, 1)})`,
      doel: wekt ? `p99 < ${DOEL_ZICHTBAAR_P99_MS} ms` : '(the fallback)',
      ratio: ratio ? `polling ÷${ratio.p50} p50, ÷${ratio.p99} p99` : undefined,
      ok: !wekt || z.latentie.p99 < DOEL_ZICHTBAAR_P99_MS,
    });
  }
  return {
    datum: new Date().toISOString(),
    modus: QUICK ? 'quick' : 'full',
    argumenten: argv,
    omgeving: {
      ...machine(),
      postgres: instellingen,
    },
    duurSeconden: Math.round((performance.now() - t0Run) / 1000),
    ...(m.append ? { append: m.append } : {}),
    ...(m.zegel ? { zegel: m.zegel } : {}),
    ...(m.audit ? { audit: m.audit } : {}),
    ...(m.historie ? { historie: m.historie } : {}),
    kennisdata: m.kennisdata.map((k) => ({ label: k.label, instant: k.instant, positie: k.positie })),
    ...(p ? { projectie: p } : {}),
    ...(m.rapporten ? { rapporten: m.rapporten } : {}),
    ...(m.rest ? { rest: m.rest } : {}),
    ...(m.rss ? { rss: m.rss } : {}),
    ...(m.zichtbaar ? { zichtbaar: m.zichtbaar } : {}),
    belasting,
    doelen,
  };
}

function tabel(r: Resultaat): string {
  const regels: string[] = [];
  const kop = `${'figure'.padEnd(46)} ${'measured'.padEnd(44)} ${'ratio'.padEnd(22)} ${'target'.padEnd(26)} ok`;
  regels.push(kop, '-'.repeat(kop.length));
  let onderdeel = '';
  for (const d of r.doelen) {
    if (d.onderdeel !== onderdeel && onderdeel) regels.push('');
    onderdeel = d.onderdeel;
    regels.push(`${d.naam.padEnd(46)} ${d.gemeten.padEnd(44)} ${(d.ratio ?? '').padEnd(22)} ${d.doel.padEnd(26)} ${d.ok ? '✓' : '✗'}`);
  }
  regels.push('-'.repeat(kop.length));
  if (r.append) {
    regels.push('Append, every system (events/s; latency per append):');
    for (const m of r.append.metingen) {
      regels.push(
        `  (${m.scenario}) ${m.systeem.padEnd(16)} ${fmt(m.eventsPerSeconde).padStart(8)} events/s  ${fmt(m.appendsPerSeconde).padStart(7)} appends/s  p50 ${fmt(m.latentie.p50, 1).padStart(6)} ms  p99 ${fmt(m.latentie.p99, 1).padStart(6)} ms${m.fouten ? `  ${m.fouten} errors` : ''}`,
      );
    }
  }
  const p = r.projectie;
  if (p) {
    regels.push(
      `Projection: catch-up at start ${fmt(p.inhalenEventsPerSeconde)} events/s; rebuild ${fmt(p.herbouwEventsPerSeconde)} events/s; ` +
        `COPY of the event rows ${fmt(p.copyEventsPerSeconde)} rows/s; COPY of the ${fmt(p.copy.leesmodel.rijen)} read-model rows ${p.copy.leesmodel.seconden.toFixed(1)} s against the rebuild's ${p.herbouwSeconden} s`,
    );
  }
  if (r.historie)
    regels.push(
      `Seed: ${fmt(r.historie.events)} events in ${r.historie.seedSeconden} s (${fmt(r.historie.seedEventsPerSeconde)} events/s, generator and COPY); ${r.historie.van} … ${r.historie.tot}, ${fmt(r.historie.clients)} clients; ${caseload(r.historie.lopend)}`,
    );
  if (r.rss)
    regels.push(
      `Peak RSS (VmHWM): ${Object.entries(r.rss)
        .map(([app, x]) => `${app} ${fmt(x.vmHwmMb)} MB`)
        .join(', ')}`,
    );
  if (r.zichtbaar?.overgeslagen.length) regels.push(`Write-to-visible left out: ${r.zichtbaar.overgeslagen.join('; ')}`);
  const last = Object.entries(r.belasting).map(([fase, b]) => `${fase} ${b.machinePct ?? '?'}% (others ${b.anderenPct ?? '?'}%)`);
  regels.push(`CPU busy per phase (${String(r.omgeving.cpus)} cores): ${last.join('; ')}`);
  // Chromium is the dashboard phase's own "other process", the CLI the audit phase's.
  const druk = Object.entries(r.belasting).filter(([fase, b]) => fase !== 'dashboard' && fase !== 'audit' && (b.anderenPct ?? 0) > 10);
  if (druk.length)
    regels.push(
      `⚠ other processes took more than 10 % of the CPUs during ${druk.map(([f]) => f).join(', ')}: those figures are pessimistic.`,
    );
  return regels.join('\n');
}

function html(r: Resultaat): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const kleur = (ok: boolean, licht = false) => (ok ? (licht ? '#9fd49f' : '#2e8b57') : licht ? '#f2a7a7' : '#c0392b');
  const systeemKleur: Record<string, string> = { 'sociaal-domein': '#2e6da4', emmett: '#e08e0b', insert: '#888' };
  const grafieken: string[] = [];
  for (const scenario of r.append ? (['a', 'b'] as const) : []) {
    const rijen = r.append!.metingen.filter((m) => m.scenario === scenario);
    const emmett = rijen.find((m) => m.systeem === 'emmett')?.eventsPerSeconde ?? 0;
    grafieken.push(
      staven(
        `Append (${scenario}) ${scenario === 'a' ? '1 event' : '10 events'} per append, 32 appenders, 10,000 streams (events/s)`,
        rijen.map((m) => ({
          label: m.systeem,
          waarde: m.eventsPerSeconde,
          kleur: systeemKleur[m.systeem] ?? '#555',
          tekst: `${fmt(m.eventsPerSeconde)}/s, p99 ${fmt(m.latentie.p99, 1)} ms`,
        })),
        emmett * DOEL.appendVsEmmett,
        `events/s (${DOEL.appendVsEmmett}× Emmett)`,
      ),
    );
  }
  const p = r.projectie;
  if (p) {
    grafieken.push(
      staven(
        'Projection (events/s)',
        [
          { label: 'catch-up at start', waarde: p.inhalenEventsPerSeconde, kleur: '#2e6da4', tekst: `${fmt(p.inhalenEventsPerSeconde)}/s` },
          {
            label: 'rebuild (REST)',
            waarde: p.herbouwEventsPerSeconde,
            kleur: kleur(p.herbouwEventsPerSeconde >= DOEL.herbouw),
            tekst: `${fmt(p.herbouwEventsPerSeconde)}/s`,
          },
          {
            label: 'COPY of the event rows',
            waarde: p.copyEventsPerSeconde,
            kleur: '#888',
            tekst: `${fmt(p.copyEventsPerSeconde)} rows/s`,
          },
        ],
        DOEL.herbouw,
        'events/s',
      ),
    );
  }
  for (const scope of r.rapporten ? (['een', 'alle'] as const) : []) {
    grafieken.push(
      staven(
        `Report latency, ${scope === 'een' ? 'one gemeente' : 'all 10 gemeenten'} (ms)`,
        r
          .rapporten!.filter((m) => m.scope === scope)
          .flatMap((m) => {
            const ok = m.verdeling.p95 < m.doelMs && m.fouten === 0;
            return [
              { label: `${m.rapport} p50`, waarde: m.verdeling.p50, kleur: kleur(ok, true), tekst: `${fmt(m.verdeling.p50, 1)} ms` },
              { label: `${m.rapport} p95`, waarde: m.verdeling.p95, kleur: kleur(ok), tekst: `${fmt(m.verdeling.p95, 1)} ms` },
            ];
          }),
        scope === 'een' ? DOEL_EEN_MS : DOEL_ALLE_MS,
        'ms',
      ),
    );
  }
  if (r.rest) {
    grafieken.push(
      staven(
        'POST /voorzieningen, concurrency 32 (commands/s)',
        [
          {
            label: 'commands/s',
            waarde: r.rest.commandsPerSeconde,
            kleur: kleur(r.rest.commandsPerSeconde >= DOEL.restPerSeconde),
            tekst: `${fmt(r.rest.commandsPerSeconde)}/s, p99 ${fmt(r.rest.latentie.p99, 1)} ms`,
          },
        ],
        DOEL.restPerSeconde,
        'commands/s',
      ),
    );
  }
  if (r.rss) {
    grafieken.push(
      staven(
        'Peak RSS per app (MB)',
        Object.entries(r.rss).map(([app, x]) => ({
          label: app,
          waarde: x.vmHwmMb,
          kleur: kleur(x.vmHwmMb < DOEL.rssMb),
          tekst: `${fmt(x.vmHwmMb)} MB`,
        })),
        DOEL.rssMb,
        'MB',
      ),
    );
  }
  const doelen = r.doelen
    .map(
      (d) =>
        `<tr><td>${esc(d.naam)}</td><td>${esc(d.gemeten)}</td><td>${esc(d.ratio ?? '')}</td><td>${esc(d.doel)}</td><td>${d.ok ? '✓' : '✗'}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Benchmark ${esc(r.datum)} (${r.modus})</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; max-width: 72em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; } td, th { border: 1px solid #ccc; padding: 3px 8px; text-align: left; }
pre { background: #f6f6f6; padding: 8px; overflow-x: auto; font-size: 11px; }
</style></head><body>
<h1>Benchmark — ${esc(r.datum)} (${r.modus})</h1>
<p>One run on one embedded PostgreSQL ${esc(String((r.omgeving.postgres as Record<string, string>).server_version))} (fsync and synchronous_commit on), ${esc(String(r.omgeving.cpus))} cores (${esc(String(r.omgeving.cpuModel))}), ${esc(String(r.omgeving.geheugenGb))} GB${r.historie ? `; ${fmt(r.historie.events)} events in the history` : ''}; ${r.duurSeconden} s in all.</p>
<table><tr><th>figure</th><th>measured</th><th>ratio</th><th>target</th><th></th></tr>${doelen}</table>
${grafieken.join('\n')}
<h2>Raw</h2><pre>${esc(JSON.stringify({ omgeving: r.omgeving, append: r.append?.instellingen, historie: r.historie, kennisdata: r.kennisdata, copy: p?.copy, belasting: r.belasting }, null, 2))}</pre>
</body></html>
`;
}
