/**
 * Benchmark of the projections app against the figures of the issue:
 *
 *   With 1,000,000 events in the store (about 100,000 clients over 10 gemeenten): every report for
 *   one gemeente, any peildatum and kennisdatum, answers in under 100 ms at the 95th percentile;
 *   for all gemeenten together under 1 s; a full rebuild runs at 20,000 events/s or more on 2 cores.
 *
 *   npm run bench:projections -- [--quick] [--events N] [--requests N]
 *                                [--seed N] [--profile] [--explain] [--analyze] [--keep]
 *
 * Starts its own embedded PostgreSQL (durable, as in production) in a temp dir, seeds a realistic
 * history straight into the event store (bench/lib/bulk-seed.ts; more events: a longer history,
 * the same caseload), rebuilds the read models with the Herbouw service, asks
 * every report over HTTP of the real app, and writes bench/results/projections-<date>.{json,html}.
 * See bench/README.md.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { createPool, quoteIdent, runMigrations } from '@sd/database';
import { bulkSeed } from './lib/bulk-seed.js';
import { walRegel, walStand, walVerschil } from './lib/wal.js';
import { caseload, GEMEENTEN, jarenVoor } from './lib/history.js';
import {
  type Belasting,
  BelastingMeter,
  machine,
  nodeCpuSeconden,
  postgresCpuSeconden,
  RssMeter,
  SqlMeter,
  startProfiel,
  stopProfiel,
  Voortgang,
} from './lib/measure.js';
import { type Doel, html, type Resultaat, tabel, type Tiende, tiendenTabel } from './lib/output.js';
import { dashboardJavaScriptKb, DOEL_BUNDEL_KB, meetOverzicht } from './lib/dashboard.js';
import { devToken, meetRapporten } from './lib/reports.js';
import { argv, getal, vlag } from './lib/args.js';

// ---------------------------------------------------------------- arguments

if (vlag('help')) {
  console.log(`npm run bench:projections -- [--quick] [--events N] [--requests N] [--seed N] [--profile] [--explain] [--analyze] [--keep]
  --quick          100,000 events and 20 requests per report and scope (default 1,000,000 and 50)
  --events N       events to seed (N/10 clients; above 1,000,000 a longer history: max(3, 3·N/1M) years up to 2017)
  --requests N     measured requests per report and scope
  --profile        after the measured rebuild, a second rebuild under the CPU profiler (.cpuprofile + summary)
  --explain        EXPLAIN (ANALYZE, BUFFERS) the slowest request of every report (done anyway for a missed target)
  --analyze        ANALYZE the new read model before the reports (default: as autovacuum left it)
  --keep           keep the PostgreSQL data directory and print how to reach it`);
  process.exit(0);
}
const QUICK = vlag('quick');
const EVENTS = getal('events', QUICK ? 100_000 : 1_000_000);
const REQUESTS = getal('requests', QUICK ? 20 : 50);
const SEED = getal('seed', 20_151_231);
const WARMUP = 2;
const DOEL_HERBOUW = 20_000;

const ROOT = (() => {
  // bench/projections.bench.ts, or compiled: bench/.build/projections/bench/projections.bench.js
  let dir = path.dirname(fileURLToPath(import.meta.url));
  // (bench/run.mjs may copy scripts/ into bench/.build too: look for the package.json beside it)
  while (!fs.existsSync(path.join(dir, 'scripts', 'embedded-postgres.mjs')) || !fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (scripts/embedded-postgres.mjs)');
    dir = up;
  }
  return dir;
})();
const RESULTS = path.join(ROOT, 'bench', 'results');
const stempel = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
const NAAM = `projections-${stempel}${QUICK ? '-quick' : ''}`;

type EmbeddedPostgres = typeof import('../scripts/embedded-postgres.mjs');
const { freePort, startEmbeddedPostgres } = (await import(path.join(ROOT, 'scripts', 'embedded-postgres.mjs'))) as EmbeddedPostgres;

const rss = new RssMeter();
const sqlMeter = new SqlMeter();
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const log = (s: string) => console.log(s);
const mb = (b: number) => Math.round(b / 1024 / 1024);

// ---------------------------------------------------------------- 1. history

const JAREN = jarenVoor(EVENTS);
const CLIENTS = Math.round(EVENTS / 10);
log(
  `Projections benchmark (${QUICK ? 'quick' : 'full'}): ${EVENTS.toLocaleString('en')} events (${CLIENTS.toLocaleString('en')} clients over ${JAREN} years), ${REQUESTS} requests per report and scope`,
);

// ---------------------------------------------------------------- 2. PostgreSQL

rss.begin('postgres start');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-pg-'));
fs.chmodSync(tmp, 0o755); // the embedded server may run as its own system user
const dataDir = path.join(tmp, 'data');
const KEEP = vlag('keep');
const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: KEEP });
let gestopt = false;
const opruimen = async () => {
  if (gestopt) return;
  gestopt = true;
  await db.stop().catch(() => undefined);
  if (!KEEP) fs.rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', () => void opruimen().then(() => process.exit(130)));
const schema = `bench_${randomBytes(4).toString('hex')}`;
await runMigrations({ url: db.url, schema });
log(`PostgreSQL on port ${db.port} (data in ${dataDir}), schema ${schema}`);

const admin = createPool({ url: db.url, schema, poolSize: 2 });
const instellingen: Record<string, string> = {};
for (const naam of [
  'server_version',
  'fsync',
  'synchronous_commit',
  'full_page_writes',
  'shared_buffers',
  'work_mem',
  'effective_cache_size',
  'max_parallel_workers_per_gather',
  'jit',
]) {
  const { rows } = await admin.query<Record<string, string>>(`SHOW ${naam}`);
  instellingen[naam] = Object.values(rows[0])[0]!;
}

try {
  // -------------------------------------------------------------- 3. the history, generated and seeded in bulk

  rss.begin('seed');
  const seedPool = createPool({ url: db.url, schema, poolSize: 1 });
  const belasting: Record<string, Belasting> = {};
  const meter = new BelastingMeter(dataDir);
  const seedBar = new Voortgang('seed', EVENTS);
  const seed = await bulkSeed(seedPool, {
    historie: { clients: CLIENTS, seed: SEED, jaren: JAREN },
    voortgang: (n) => seedBar.zet(n, Math.max(EVENTS, n)),
  });
  seedBar.zet(seed.events, seed.events);
  seedBar.stop();
  belasting.seed = meter.meet();
  await seedPool.end();
  const { historie: h, kennisdata } = seed;
  const totaalEvents = seed.events;
  const { rows: grootte } = await admin.query<{ bytes: string; n: string }>(
    `SELECT pg_total_relation_size('es_events') AS bytes, (SELECT count(*) FROM es_events) AS n`,
  );
  log(
    `History: ${h.events.toLocaleString('en')} events in ${h.appendCount.toLocaleString('en')} appends, ${h.clients.toLocaleString('en')} clients, ${h.households.toLocaleString('en')} households, ${h.van} … ${h.tot} (${h.jaren} years); ${caseload(h.lopend)}; ${h.refused} commands refused by the deciders and skipped`,
  );
  log(
    `Seeded ${Number(grootte[0].n).toLocaleString('en')} events in bulk in ${seed.seconden.toFixed(1)} s (${Math.round(totaalEvents / seed.seconden).toLocaleString('en')} events/s; generator ${seed.generatorSeconden.toFixed(1)} s, PostgreSQL ${seed.databaseSeconden.toFixed(1)} s, ${seed.transacties} transactions); es_events ${mb(Number(grootte[0].bytes))} MB; kennisdata ${kennisdata.map((k) => `${k.label}=${k.instant} (positie ${k.positie}, registrations up to ${k.registratiesTot})`).join(', ')}`,
  );
  const historieInfo = {
    events: h.events,
    appends: h.appendCount,
    multiEventAppends: h.multiEventAppends,
    clients: h.clients,
    households: h.households,
    jaren: h.jaren,
    van: h.van,
    tot: h.tot,
    lopend: h.lopend,
    geweigerd: h.refused,
    perType: h.perType,
    perGemeente: h.perGemeente,
    streams: seed.streams,
    seed: SEED,
  };
  gc(); // the generator ran in a worker: its memory is gone with it

  // -------------------------------------------------------------- 4. the app and a full rebuild

  rss.begin('app start');
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    DATABASE_SCHEMA: schema,
    PROJECTIE_WORKER: 'false', // this process rebuilds; no daemon follows the active generation
    LOG_LEVEL: 'warn',
    AUTH_MODE: 'dev',
    DEV_JWT_SECRET: randomBytes(32).toString('hex'),
    APP_NAME: 'projections-bench',
  });
  const { ProjectionsModule, PROJECTIONS_APP } = await import('../apps/projections/src/projections.module.js');
  const { Herbouw } = await import('../apps/projections/src/herbouw/herbouw.service.js');
  const { createApp } = await import('../libs/http/src/index.js');
  const app: INestApplication = await createApp(ProjectionsModule, PROJECTIONS_APP);
  await app.init(); // makes generation 1 (empty): the active one while the rebuild fills generation 2

  // Let the store settle first, as an event store in production has: autovacuum's post-seed pass
  // (hint bits, visibility map) and the flush of the seed's dirty pages must not be measured as rebuild.
  const rust0 = performance.now();
  await admin.query('VACUUM (ANALYZE) es_events, es_streams');
  await admin.query('CHECKPOINT');
  log(`Settled the store (VACUUM ANALYZE es_events, es_streams; CHECKPOINT) in ${((performance.now() - rust0) / 1000).toFixed(1)} s`);

  rss.begin('rebuild');
  const herbouw = app.get(Herbouw);
  const { Fill } = await import('../apps/projections/src/projectie/fill.js');
  const streamsPerPagina = app.get(Fill).streamsPerPage;
  const pgCpu0 = postgresCpuSeconden(dataDir);
  const nodeCpu0 = nodeCpuSeconden();
  const wal0 = await walStand(admin);
  sqlMeter.reset();
  sqlMeter.actief = true;
  // Progress in events applied (rows the event store returned): with a checkpoint per gemeente the
  // Herbouw's own `verwerkt` is the lowest checkpoint, not a count of events.
  const hbBar = new Voortgang('rebuild', totaalEvents);
  meter.begin();
  const hbStart = performance.now();
  // Per tenth of the events: wall time, CPU of node and PostgreSQL, and SQL time per statement.
  const tienden: Tiende[] = [];
  let vorige = { t: hbStart, node: nodeCpu0, pg: pgCpu0, sql: new Map<string, number>(), gelezen: 0 };
  const status = await herbouw.voerUit(() => {
    const gelezen = sqlMeter.eventsGelezen;
    hbBar.zet(Math.min(gelezen, totaalEvents));
    if (gelezen >= ((tienden.length + 1) * totaalEvents) / 10) {
      const nu = { t: performance.now(), node: nodeCpuSeconden(), pg: postgresCpuSeconden(dataDir), sql: sqlMeter.totalen(), gelezen };
      tienden.push(tiende(vorige, nu));
      vorige = nu;
    }
  });
  const hbSeconden = (performance.now() - hbStart) / 1000;
  belasting.rebuild = meter.meet();
  const wal = walVerschil(wal0, await walStand(admin));
  sqlMeter.actief = false;
  hbBar.stop();
  const nodeCpu = nodeCpuSeconden() - nodeCpu0;
  const pgCpu1 = postgresCpuSeconden(dataDir);
  const pgCpu = pgCpu0 === null || pgCpu1 === null ? null : pgCpu1 - pgCpu0;
  const hbEvents = sqlMeter.eventsGelezen;
  if (Math.abs(hbEvents - totaalEvents) > totaalEvents / 100)
    log(`  note: the rebuild read ${hbEvents.toLocaleString('en')} events, the store holds ${totaalEvents.toLocaleString('en')}`);
  const hbRate = Math.round(totaalEvents / hbSeconden);
  log(
    `Rebuild: ${totaalEvents.toLocaleString('en')} events in ${hbSeconden.toFixed(1)} s = ${hbRate.toLocaleString('en')} events/s (Herbouw says ${status.eventsPerSeconde?.toLocaleString('en')}); CPU node ${nodeCpu.toFixed(1)} s, postgres ${pgCpu?.toFixed(1) ?? '?'} s`,
  );
  log(`  during the rebuild: ${walRegel(wal)}`);
  let actiefSchema = await actieveGeneratie(admin);
  const leesmodel = await leesmodelInfo(admin, actiefSchema);
  const herbouwSql = sqlMeter.top(12);

  let profiel: Resultaat['herbouw']['profiel'];
  if (vlag('profile')) {
    rss.begin('profiled rebuild');
    log('Second rebuild under the CPU profiler…');
    fs.mkdirSync(RESULTS, { recursive: true });
    const session = await startProfiel();
    const pBar = new Voortgang('profiled', totaalEvents);
    sqlMeter.reset();
    sqlMeter.actief = true;
    const p0 = performance.now();
    await herbouw.voerUit(() => pBar.zet(Math.min(sqlMeter.eventsGelezen, totaalEvents)));
    const pSeconden = (performance.now() - p0) / 1000;
    sqlMeter.actief = false;
    pBar.stop();
    const samenvatting = await stopProfiel(session, path.join(RESULTS, `${NAAM}-rebuild.cpuprofile`), ROOT);
    profiel = { ...samenvatting, eventsPerSeconde: Math.round(totaalEvents / pSeconden) };
    actiefSchema = await actieveGeneratie(admin); // the profiled rebuild made a new generation
    log(`Profile written to ${path.relative(ROOT, samenvatting.bestand)}`);
  }

  // -------------------------------------------------------------- 5. reports over HTTP

  if (vlag('analyze')) {
    // Off by default: right after a swap the new generation has whatever statistics autovacuum made.
    const t0 = performance.now();
    await admin.query(
      `ANALYZE ${quoteIdent(actiefSchema)}.rm_item, ${quoteIdent(actiefSchema)}.rm_aanmelding, ${quoteIdent(actiefSchema)}.rm_bezwaar, ${quoteIdent(actiefSchema)}.rm_client`,
    );
    log(`ANALYZE of the read model: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  rss.begin('reports');
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  const basis = `http://127.0.0.1:${port}`;
  const alleGemeenten = GEMEENTEN.map(([g]) => g);
  const token = await devToken(basis, 'rapportage', alleGemeenten, 'bench-rapportage');
  meter.begin();
  sqlMeter.reset();
  sqlMeter.actief = true; // to learn the session settings a report transaction makes (replayed for EXPLAIN)
  const metingen = await meetRapporten({
    basis,
    token,
    gemeenten: alleGemeenten,
    kennisdata: kennisdata.map((k) => k.instant),
    requests: REQUESTS,
    warmup: WARMUP,
    seed: SEED + 1,
    log,
  });
  belasting.reports = meter.meet();
  // Its own phase: Chromium is one of the "other processes" here.
  meter.begin();
  metingen.push(await meetOverzicht({ basis, gemeenten: alleGemeenten, requests: Math.min(REQUESTS, 20), warmup: 2, log }));
  belasting.dashboard = meter.meet();
  sqlMeter.actief = false;
  const rapportInstellingen = [...sqlMeter.totalen().keys()].filter((t) => /^SET LOCAL /i.test(t) && !/search_path/i.test(t));

  // -------------------------------------------------------------- 6. EXPLAIN of what missed its target

  // The single reports; a series is its own statement (reeks/), explained by hand when needed.
  const enkel = ['stand', 'instroom-uitstroom', 'wachtlijst', 'stapeling', 'bezwaren'];
  const teExplainen = metingen.filter((m) => enkel.includes(m.rapport) && (vlag('explain') || m.verdeling.p95 >= m.doelMs));
  const explain: NonNullable<Resultaat['explain']> = [];
  if (teExplainen.length) {
    log(`EXPLAIN (ANALYZE, BUFFERS) of the slowest request of ${teExplainen.length} report(s)…`);
    const q = await import('../apps/projections/src/rapportages/rapportage.queries.js');
    const { WACHTLIJST_NORMEN } = await import('../apps/projections/src/rapportages/rapportage.service.js');
    for (const m of teExplainen) {
      const vraag = Object.fromEntries(new URLSearchParams(m.traagste.query));
      const selectie = {
        gemeenten: vraag.gemeente ? [vraag.gemeente] : [...alleGemeenten].sort(),
        kennis: vraag.kennisdatum ? new Date(vraag.kennisdatum) : null,
      };
      const plannen = await metPlannen(admin, actiefSchema, rapportInstellingen, async (dbc) => {
        switch (m.rapport) {
          case 'stand':
            return q.stand(dbc, selectie, vraag.peildatum);
          case 'instroom-uitstroom':
            return q.instroomUitstroom(dbc, selectie, vraag.van, vraag.tot);
          case 'wachtlijst':
            return q.wachtlijst(dbc, selectie, vraag.peildatum, WACHTLIJST_NORMEN());
          case 'stapeling':
            return q.stapeling(dbc, selectie, vraag.peildatum ? { peildatum: vraag.peildatum } : { van: vraag.van, tot: vraag.tot });
          default:
            return q.bezwaren(dbc, selectie, vraag.van, vraag.tot);
        }
      });
      explain.push({ rapport: m.rapport, scope: m.scope, query: m.traagste.query, instellingen: rapportInstellingen, plannen });
    }
  }

  // -------------------------------------------------------------- 7. results

  rss.stop();
  await app.close();
  const bundelKb = dashboardJavaScriptKb();
  const doelen: Doel[] = [
    {
      naam: 'full rebuild',
      gemeten: hbRate,
      eenheid: 'events/s',
      doel: `>= ${DOEL_HERBOUW.toLocaleString('en')} events/s`,
      ok: hbRate >= DOEL_HERBOUW,
    },
    {
      naam: 'dashboard JavaScript, gzipped',
      gemeten: bundelKb,
      eenheid: 'KB',
      doel: `< ${DOEL_BUNDEL_KB} KB`,
      ok: bundelKb < DOEL_BUNDEL_KB,
    },
    ...metingen.map((m) => ({
      naam: `${m.rapport}, ${m.scope === 'een' ? 'one gemeente' : 'all gemeenten'}, p95`,
      gemeten: m.verdeling.p95,
      eenheid: 'ms',
      doel: `< ${m.doelMs} ms`,
      ok: m.verdeling.p95 < m.doelMs && m.fouten === 0,
    })),
  ];
  const resultaat: Resultaat = {
    datum: new Date().toISOString(),
    modus: QUICK ? 'quick' : 'full',
    argumenten: argv,
    omgeving: {
      ...machine(),
      postgres: instellingen,
      herbouwBatch: Number(process.env.PROJECTIE_BATCH ?? 2000),
      herbouwStreamsPerPagina: streamsPerPagina,
      warmupPerRapport: WARMUP,
    },
    historie: historieInfo,
    seed: {
      seconden: Math.round(seed.seconden * 10) / 10,
      eventsPerSeconde: Math.round(totaalEvents / seed.seconden),
      generatorSeconden: Math.round(seed.generatorSeconden * 10) / 10,
      databaseSeconden: Math.round(seed.databaseSeconden * 10) / 10,
      transacties: seed.transacties,
      esEventsMb: mb(Number(grootte[0].bytes)),
    },
    kennisdata,
    herbouw: {
      events: totaalEvents,
      eventsGelezen: hbEvents,
      seconden: Math.round(hbSeconden * 10) / 10,
      eventsPerSeconde: hbRate,
      eventsPerSecondeVolgensHerbouw: status.eventsPerSeconde,
      nodeCpuSeconden: Math.round(nodeCpu * 10) / 10,
      postgresCpuSeconden: pgCpu === null ? null : Math.round(pgCpu * 10) / 10,
      wal,
      sql: herbouwSql,
      tienden,
      leesmodel,
      ...(profiel ? { profiel } : {}),
    },
    rapporten: metingen,
    belasting,
    rss: { piekMb: mb(RssMeter.procesPiek()), perFaseMb: Object.fromEntries(Object.entries(rss.piek).map(([f, b]) => [f, mb(b)])) },
    doelen,
    ...(explain.length ? { explain } : {}),
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, `${NAAM}.json`), `${JSON.stringify(resultaat, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, `${NAAM}.html`), html(resultaat));

  log('');
  log(tabel(resultaat));
  log('');
  log('Rebuild, SQL by wall time (client side):');
  for (const s of herbouwSql.slice(0, 8)) log(`  ${String(s.totalMs).padStart(8)} ms ${String(s.calls).padStart(6)}×  ${s.sql}`);
  log('Rebuild per tenth of the events (seconds; SQL is client-side wall time):');
  log(tiendenTabel(tienden));
  if (profiel) {
    log(`Rebuild CPU profile (${profiel.eventsPerSeconde.toLocaleString('en')} events/s while profiled), self time:`);
    for (const o of profiel.perOnderdeel.slice(0, 10)) log(`  ${String(o.pct).padStart(5)} %  ${o.onderdeel}`);
    for (const f of profiel.functies.slice(0, 15)) log(`  ${String(f.pct).padStart(5)} %  ${f.functie}  ${f.plaats}`);
  }
  for (const e of explain) {
    log(`\nEXPLAIN ${e.rapport} (${e.scope === 'een' ? 'one gemeente' : 'all gemeenten'}) ${e.query}`);
    for (const p of e.plannen) log(p.plan.split('\n').slice(0, 40).join('\n'));
  }
  log(`\nResults: ${path.relative(ROOT, path.join(RESULTS, `${NAAM}.json`))} and .html`);
  if (KEEP) log(`PostgreSQL data kept in ${dataDir} (schema ${schema}); it is stopped now.`);
} finally {
  await admin.end().catch(() => undefined);
  await opruimen();
}

// ---------------------------------------------------------------- helpers

type Moment = { t: number; node: number; pg: number | null; sql: Map<string, number>; gelezen: number };

function tiende(van: Moment, tot: Moment): Tiende {
  const sql: Record<string, number> = {};
  for (const [tekst, ms] of tot.sql) {
    const l = sqlLabel(tekst);
    sql[l] = (sql[l] ?? 0) + ms - (van.sql.get(tekst) ?? 0);
  }
  const seconden = (tot.t - van.t) / 1000;
  return {
    tot: tot.gelezen,
    eventsPerSeconde: Math.round((tot.gelezen - van.gelezen) / seconden),
    seconden: Math.round(seconden * 10) / 10,
    nodeCpu: Math.round((tot.node - van.node) * 10) / 10,
    pgCpu: tot.pg === null || van.pg === null ? null : Math.round((tot.pg - van.pg) * 10) / 10,
    sqlMs: Object.fromEntries(Object.entries(sql).map(([k, v]) => [k, Math.round(v)])),
  };
}

/** A short name for a statement of the rebuild. */
function sqlLabel(sql: string): string {
  if (/FROM es_events/.test(sql)) return 'readAll';
  let m = /^INSERT INTO (\w+)/.exec(sql);
  if (m) return `insert ${m[1]}`;
  if ((m = /^UPDATE (\w+)/.exec(sql))) return `close ${m[1]}`;
  if ((m = /^SELECT \w+ AS id, .* FROM (rm_\w+)/.exec(sql))) return `load ${m[1]}`;
  if (/^(BEGIN|COMMIT|ROLLBACK|SET LOCAL)/.test(sql)) return sql.split(' ')[0];
  return 'other';
}

async function actieveGeneratie(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ schema_naam: string }>(`SELECT schema_naam FROM rm_generatie WHERE status = 'actief'`);
  if (!rows[0]) throw new Error('no active read-model generation after the rebuild');
  return rows[0].schema_naam;
}

async function leesmodelInfo(pool: pg.Pool, schemaNaam: string): Promise<Record<string, unknown>> {
  const { rows } = await pool.query<{ tabel: string; rijen: string; bytes: string; huidig: string | null }>(
    `SELECT c.relname AS tabel, c.reltuples::bigint AS rijen, pg_total_relation_size(c.oid) AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname`,
    [schemaNaam],
  );
  const s = quoteIdent(schemaNaam);
  const aantallen = await pool.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM ${s}.rm_item) AS rm_item, (SELECT count(*) FROM ${s}.rm_item WHERE known_to IS NULL) AS rm_item_huidig,
            (SELECT count(*) FROM ${s}.rm_aanmelding) AS rm_aanmelding, (SELECT count(*) FROM ${s}.rm_bezwaar) AS rm_bezwaar,
            (SELECT count(*) FROM ${s}.rm_client) AS rm_client`,
  );
  const stats = await pool.query<{ relname: string; last_autoanalyze: Date | null; last_autovacuum: Date | null }>(
    `SELECT relname, last_autoanalyze, last_autovacuum FROM pg_stat_user_tables WHERE schemaname = $1 ORDER BY relname`,
    [schemaNaam],
  );
  // How much of a version row is the `state` jsonb the projector keeps for the next event.
  const breedte = await pool.query<{ rij: string; state: string }>(
    `SELECT avg(pg_column_size(i.*))::int AS rij, avg(pg_column_size(i.state))::int AS state FROM ${s}.rm_item i`,
  );
  return {
    schema: schemaNaam,
    rmItemBytesPerRij: { rij: Number(breedte.rows[0].rij), waarvanState: Number(breedte.rows[0].state) },
    rijen: Object.fromEntries(Object.entries(aantallen.rows[0]).map(([k, v]) => [k, Number(v)])),
    mb: Object.fromEntries(rows.map((r) => [r.tabel, mb(Number(r.bytes))])),
    autoanalyze: Object.fromEntries(stats.rows.map((r) => [r.relname, r.last_autoanalyze?.toISOString() ?? null])),
  };
}

/**
 * Runs a report query function in the active generation as the app does (one read-only snapshot),
 * with EXPLAIN (ANALYZE, BUFFERS) of every statement it sends.
 */
async function metPlannen(
  pool: pg.Pool,
  schemaNaam: string,
  instellingen: string[],
  rapport: (dbc: pg.PoolClient) => Promise<unknown>,
): Promise<{ sql: string; plan: string }[]> {
  const client = await pool.connect();
  const plannen: { sql: string; plan: string }[] = [];
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // the same SET LOCALs (work_mem, jit, …) the app's report transaction made
    for (const sql of instellingen) await client.query(sql);
    await client.query(`SET LOCAL search_path TO ${quoteIdent(schemaNaam)}`);
    const dbc = {
      query: async (sql: string, values?: unknown[]) => {
        const ex = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
        plannen.push({ sql: sql.replace(/\s+/g, ' ').trim(), plan: ex.rows.map((r) => r['QUERY PLAN']).join('\n') });
        return client.query(sql, values);
      },
    } as unknown as pg.PoolClient;
    await rapport(dbc);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    plannen.push({ sql: '(failed)', plan: `EXPLAIN failed: ${String(e)}` });
  } finally {
    client.release();
  }
  return plannen;
}
