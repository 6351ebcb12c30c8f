// What-if experiments on a database kept by `npm run bench:projections -- --keep`, for the
// engineer who optimises the projections. Nothing here changes the app's code: the report
// variants run the app's own query functions against reshaped copies of the read model in a
// scratch schema, and the rebuild variants drive the app's own ProjectieDaemon.step() and
// Generaties with other settings.
//
//   node bench/what-if.mjs <dataDir> <schema> reports
//   node bench/what-if.mjs <dataDir> <schema> rebuild [parallel]     (PROJECTIE_BATCH=… to vary the batch)
//
// Run it after `npm run bench:projections` has compiled bench/.build/projections; dataDir and schema are
// printed by the --keep run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const B = path.join(ROOT, 'bench', '.build', 'projections');
const [dataDir, schema, modus = 'reports', ...rest] = process.argv.slice(2);
if (!dataDir || !schema) {
  console.error('usage: node bench/what-if.mjs <dataDir> <schema> reports|rebuild [parallel]');
  process.exit(2);
}
const { freePort, startEmbeddedPostgres } = await import(path.join(ROOT, 'scripts', 'embedded-postgres.mjs'));
const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: true });
const { createPool, quoteIdent } = await import(path.join(B, 'libs/database/src/index.js'));
const pool = createPool({ url: db.url, schema, poolSize: 8 });
const actief = (await pool.query(`SELECT schema_naam FROM rm_generatie WHERE status = 'actief'`)).rows[0].schema_naam;
const mediaan = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  if (modus === 'reports') await reports();
  else await rebuild(rest.includes('parallel'));
} finally {
  await pool.end();
  await db.stop();
}

async function reports() {
  const q = await import(path.join(B, 'apps/projections/src/rapportages/rapportage.queries.js'));
  const normen = { wmo: 42, jeugdwet: 56, participatiewet: 56 };
  const alle = ['GM0014', 'GM0034', 'GM0080', 'GM0193', 'GM0202', 'GM0268', 'GM0344', 'GM0363', 'GM0599', 'GM0772'];
  const een = { gemeenten: ['GM0363'], kennis: null };
  const allen = { gemeenten: alle, kennis: null };
  const vragen = [
    ['stand GM0363 2016-06-26', (c) => q.stand(c, een, '2016-06-26')],
    ['stand all 2017-01-15', (c) => q.stand(c, allen, '2017-01-15')],
    ['instroom-uitstroom GM0363 2016-10..2017-06', (c) => q.instroomUitstroom(c, een, '2016-10-01', '2017-06-30')],
    ['instroom-uitstroom all 2016-10..2017-06', (c) => q.instroomUitstroom(c, allen, '2016-10-01', '2017-06-30')],
    ['wachtlijst GM0363 2016-11-23', (c) => q.wachtlijst(c, een, '2016-11-23', normen)],
    ['wachtlijst all 2017-02-12', (c) => q.wachtlijst(c, allen, '2017-02-12', normen)],
    ['stapeling GM0363 2016-09-16', (c) => q.stapeling(c, een, { peildatum: '2016-09-16' })],
    ['stapeling all 2015-08..2016-07', (c) => q.stapeling(c, allen, { van: '2015-08-01', tot: '2016-07-31' })],
  ];

  // Scratch schemas: the same rows without the `state` jsonb, and that slim copy partitioned by gemeente.
  const slim = `${schema}_whatif_slim`;
  const deel = `${schema}_whatif_part`;
  const kolommen = async (tabel) =>
    (
      await pool.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name <> 'state' ORDER BY ordinal_position`,
        [actief, tabel],
      )
    ).rows
      .map((r) => r.column_name)
      .join(', ');
  const a = quoteIdent(actief);
  for (const s of [slim, deel]) await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(s)} CASCADE; CREATE SCHEMA ${quoteIdent(s)}`);
  const t0 = performance.now();
  for (const s of [slim, deel]) {
    const S = quoteIdent(s);
    for (const t of ['rm_client', 'rm_bevolking', 'rm_checkpoint']) await pool.query(`CREATE VIEW ${S}.${t} AS SELECT * FROM ${a}.${t}`);
    for (const t of ['rm_item', 'rm_aanmelding', 'rm_bezwaar']) {
      const k = await kolommen(t);
      if (s === slim) {
        await pool.query(`CREATE TABLE ${S}.${t} AS SELECT ${k} FROM ${a}.${t}`);
      } else {
        await pool.query(`CREATE TABLE ${S}.${t} (LIKE ${a}.${t}) PARTITION BY LIST (gemeente)`);
        await pool.query(`ALTER TABLE ${S}.${t} DROP COLUMN state`);
        for (const g of alle) await pool.query(`CREATE TABLE ${S}.${t}_${g.toLowerCase()} PARTITION OF ${S}.${t} FOR VALUES IN ('${g}')`);
        await pool.query(`INSERT INTO ${S}.${t} SELECT ${k} FROM ${a}.${t}`);
      }
    }
    // The same indexes as the read model (unique ones as plain indexes: a partitioned table
    // cannot have a unique index without the partition key).
    const { rows: indexen } = await pool.query(
      `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename IN ('rm_item', 'rm_aanmelding', 'rm_bezwaar')`,
      [actief],
    );
    for (const { tablename, indexdef } of indexen) {
      const def = indexdef.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+/, `CREATE INDEX ON ${S}.${tablename}`).replace(' ONLY ', ' ');
      await pool.query(def);
    }
    await pool.query(`VACUUM ANALYZE ${S}.rm_item, ${S}.rm_aanmelding, ${S}.rm_bezwaar`);
  }
  await pool.query(`ANALYZE ${a}.rm_item, ${a}.rm_aanmelding, ${a}.rm_bezwaar, ${a}.rm_client`);
  console.log(`scratch schemas made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const grootte = await pool.query(
    `SELECT n.nspname AS schema, sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind = 'r' AND c.relname LIKE 'rm_item%' GROUP BY 1`,
    [[actief, slim, deel]],
  );
  for (const r of grootte.rows) console.log(`  rm_item in ${r.schema}: ${Math.round(r.bytes / 1048576)} MB`);

  const varianten = [
    ['as is', actief, []],
    ['work_mem 64MB', actief, [`SET LOCAL work_mem = '64MB'`]],
    ['no parallel workers', actief, [`SET LOCAL max_parallel_workers_per_gather = 0`]],
    ['without state column', slim, []],
    ['without state + work_mem 64MB', slim, [`SET LOCAL work_mem = '64MB'`]],
    ['without state, partitioned by gemeente, work_mem 64MB', deel, [`SET LOCAL work_mem = '64MB'`]],
  ];
  const tabel = {};
  for (const [naam, s, zetten] of varianten) {
    for (const [vraag, f] of vragen) {
      const tijden = [];
      for (let i = 0; i < 5; i++) {
        const c = await pool.connect();
        try {
          await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
          await c.query(`SET LOCAL search_path TO ${quoteIdent(s)}`);
          for (const z of zetten) await c.query(z);
          const t = performance.now();
          await f(c);
          tijden.push(performance.now() - t);
          await c.query('COMMIT');
        } finally {
          c.release();
        }
      }
      (tabel[vraag] ??= {})[naam] = Math.round(mediaan(tijden));
    }
  }
  console.log('\nmedian of 5, ms (query functions only, no HTTP):');
  console.table(tabel);
  for (const s of [slim, deel]) await pool.query(`DROP SCHEMA ${quoteIdent(s)} CASCADE`);
}

async function rebuild(parallel) {
  Object.assign(process.env, { DATABASE_URL: db.url, DATABASE_SCHEMA: schema, PROJECTIE_WORKER: 'false', LOG_LEVEL: 'warn' });
  await import('reflect-metadata');
  const { NestFactory } = await import('@nestjs/core');
  const { ProjectionsModule } = await import(path.join(B, 'apps/projections/src/projections.module.js'));
  const { Generaties } = await import(path.join(B, 'apps/projections/src/projectie/generaties.service.js'));
  const { ProjectieDaemon } = await import(path.join(B, 'apps/projections/src/projectie/projectie-daemon.js'));
  const app = await NestFactory.createApplicationContext(ProjectionsModule, { logger: ['error', 'warn'] });
  await app.init();
  const generaties = app.get(Generaties);
  const daemon = app.get(ProjectieDaemon);
  const { rows: perGemeente } = await pool.query(`SELECT gemeente, count(*)::int AS n FROM es_events GROUP BY 1 ORDER BY 2 DESC`);
  const totaal = perGemeente.reduce((s, r) => s + r.n, 0);
  // Two groups of about equal size (greedy by event count), each applied on its own connection.
  const groepen = parallel ? [[], []] : [[]];
  const last = groepen.map(() => 0);
  for (const { gemeente, n } of perGemeente) {
    const i = last.indexOf(Math.min(...last));
    groepen[i].push(gemeente);
    last[i] += n;
  }
  const { BelastingMeter, SqlMeter } = await import(path.join(B, 'bench/lib/measure.js'));
  const meter = new BelastingMeter(dataDir);
  const sql = new SqlMeter();
  const nieuw = await generaties.nieuw();
  meter.begin();
  sql.actief = true;
  const t0 = performance.now();
  await Promise.all(
    groepen.map(async (g) => {
      while (await daemon.step(nieuw, g));
    }),
  );
  const s = (performance.now() - t0) / 1000;
  const b = meter.meet();
  sql.actief = false;
  await generaties.wissel(nieuw);
  console.log(
    `rebuild ${parallel ? `with ${groepen.length} step() loops at once (${last.join(' / ')} events)` : 'with one step() loop, as Herbouw'}, PROJECTIE_BATCH=${process.env.PROJECTIE_BATCH ?? 2000}: ${totaal} events in ${s.toFixed(1)} s = ${Math.round(totaal / s)} events/s (CPUs ${b.machinePct}% busy, other processes ${b.anderenPct}%)`,
  );
  for (const t of sql.top(10))
    console.log(
      `  ${String(t.totalMs).padStart(7)} ms ${String(t.calls).padStart(6)}× ${String(t.rows).padStart(8)} rows  ${t.sql.slice(0, 100)}`,
    );
  await app.close();
}
