import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore } from '@sd/event-store';
import { createTestDatabase, setTestEnv, spawnBuiltApp, TEST_DEV_SECRET, type TestDatabase } from '@sd/testing';
import { freePort } from '../../../scripts/embedded-postgres.mjs';
import { GEMEENTEN, generateHistory } from '../../../bench/lib/history.js';
import { type Kennisdatum, seedHistorie } from '../../../bench/lib/seed.js';

/**
 * A rebuild killed with SIGKILL (the built app, as deployed) while it fills the new generation,
 * while it builds the indexes and just before the swap: after a restart it is taken up by itself,
 * says so on GET /beheer/herbouw, and every report answers byte for byte what it answered before.
 * The last two points are reached with the test-only HERBOUW_PAUZE_VOOR; the last restart starts
 * two instances, of which one drives the rest of the rebuild.
 */
const ALLE = GEMEENTEN.map(([g]) => g);

interface App {
  proc: ChildProcess;
  port: number;
  uitvoer: () => string;
}

let db: TestDatabase;
let head: number;
let kennisdata: Kennisdatum[];
let rapportage: string;
let beheer: string;
const apps: App[] = [];

async function start(env: Record<string, string> = {}): Promise<App> {
  const port = await freePort();
  let uitvoer = '';
  const proc = spawnBuiltApp(
    'projections/src/main.js',
    db,
    {
      PROJECTIONS_PORT: String(port),
      PROJECTIE_WORKER: 'true',
      PROJECTIE_VERDEEL_MS: '200',
      AUTH_MODE: 'dev',
      DEV_JWT_SECRET: TEST_DEV_SECRET,
      LOG_LEVEL: 'warn',
      ...env,
    },
    ['ignore', 'pipe', 'pipe'],
  );
  proc.stdout!.on('data', (d) => (uitvoer = (uitvoer + d).slice(-4000)));
  proc.stderr!.on('data', (d) => (uitvoer = (uitvoer + d).slice(-4000)));
  const app = { proc, port, uitvoer: () => uitvoer };
  apps.push(app);
  for (const t0 = Date.now(); ; await sleep(50)) {
    if (proc.exitCode !== null) throw new Error(`projections exited with ${proc.exitCode}:\n${uitvoer}`);
    if (Date.now() - t0 > 20_000) throw new Error(`projections did not come up:\n${uitvoer}`);
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return app;
  }
}

async function kill(app: App): Promise<void> {
  if (app.proc.exitCode !== null || app.proc.signalCode !== null) return;
  const weg = new Promise((r) => app.proc.once('exit', r));
  app.proc.kill('SIGKILL');
  await weg;
}

async function vraag(app: App, pad: string, token: string, init: RequestInit = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${app.port}${pad}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...init.headers },
  });
  return { status: res.status, text: await res.text() };
}

async function wachtOp<T>(wat: string, f: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  for (const t0 = Date.now(); ; await sleep(20)) {
    const v = await f();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${wat}\n${apps.at(-1)?.uitvoer() ?? ''}`);
  }
}

/** Every report, as JSON (and one as CSV), for a few peildata, periods and kennisdata. */
function vragen(): string[] {
  const [k50, k80] = kennisdata.map((k) => encodeURIComponent(k.instant));
  return [
    '/rapportages/stand?peildatum=2016-06-30',
    `/rapportages/stand?peildatum=2017-03-31&kennisdatum=${k50}`,
    '/rapportages/stand?peildatum=2016-12-31&gemeente=GM0363,GM0599&wet=wmo',
    '/rapportages/instroom-uitstroom?periode=2016',
    `/rapportages/instroom-uitstroom?periode=2017-Q2&kennisdatum=${k80}`,
    '/rapportages/wachtlijst?peildatum=2016-09-30',
    `/rapportages/wachtlijst?peildatum=2017-06-30&kennisdatum=${k50}`,
    '/rapportages/stapeling?periode=2016',
    '/rapportages/stapeling?periode=2017-H1&gemeente=GM0014',
    '/rapportages/bezwaren?periode=2016',
    `/rapportages/bezwaren?periode=2017&kennisdatum=${k80}`,
  ];
}

async function rapporten(app: App): Promise<string[]> {
  const antwoorden = await Promise.all([
    ...vragen().map((v) => vraag(app, v, rapportage)),
    vraag(app, '/rapportages/stand?peildatum=2016-06-30', rapportage, { headers: { Accept: 'text/csv' } }),
  ]);
  for (const a of antwoorden) expect(a.status).toBe(200);
  return antwoorden.map((a) => a.text);
}

interface Bouwend {
  nummer: number;
  schema_naam: string;
  fase: string | null;
}

async function generatie(): Promise<Bouwend | undefined> {
  const { rows } = await db.pool.query<Bouwend>(`SELECT nummer, schema_naam, fase FROM rm_generatie WHERE status = 'bouwen'`);
  return rows[0];
}

async function herbouwStatus(app: App): Promise<Record<string, unknown>> {
  return JSON.parse((await vraag(app, '/beheer/herbouw', beheer)).text) as Record<string, unknown>;
}

/** Waits until the rebuild of generation `nummer` is done and returns the status of the one instance of `bij` that drove it. */
async function klaar(nummer: number, bij: App[]): Promise<Record<string, unknown>> {
  const drijvers = await wachtOp(`the rebuild of generation ${nummer} to finish`, async () => {
    const statussen = await Promise.all(bij.map(herbouwStatus));
    const d = statussen.filter((s) => s.generatie === nummer && s.hervat);
    return d.length && d.every((s) => s.bezig === false) ? d : undefined;
  });
  expect(drijvers).toHaveLength(1);
  const { rows } = await db.pool.query<{ status: string }>(`SELECT status FROM rm_generatie WHERE nummer = $1`, [nummer]);
  expect(rows[0]?.status).toBe('actief');
  return drijvers[0];
}

async function indexen(schema: string): Promise<{ defs: string[]; uitgesteld: number }> {
  const { rows } = await db.pool.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname`, [
    schema,
  ]);
  const { rows: u } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".rm_uitgestelde_index`);
  return { defs: rows.map((r) => r.indexdef.replaceAll(schema, '<schema>')), uitgesteld: u[0]?.n ?? 0 };
}

async function actiefSchema(): Promise<string> {
  const { rows } = await db.pool.query<{ schema_naam: string }>(`SELECT schema_naam FROM rm_generatie WHERE status = 'actief'`);
  return rows[0]?.schema_naam ?? '';
}

let voor: string[];
let indexenVoor: { defs: string[]; uitgesteld: number };
let app: App;

beforeAll(async () => {
  db = await createTestDatabase();
  setTestEnv(db);
  const history = generateHistory({ clients: 600, seed: 20_161_231 });
  kennisdata = await seedHistorie(new PostgresEventStore(db.pool), db.pool, history.appends, 16, () => {});
  head = await new PostgresEventStore(db.pool).headPosition();

  app = await start();
  const token = async (rol: string) => {
    const res = await fetch(`http://127.0.0.1:${app.port}/auth/dev-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rol, gemeenten: ALLE }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  rapportage = await token('rapportage');
  beheer = await token('beheer');
  await wachtOp('the active generation to catch up', async () => {
    const { rows } = await db.pool.query<{ n: number; min: string }>(
      `SELECT count(*)::int AS n, min(positie)::bigint AS min FROM "${await actiefSchema()}".rm_checkpoint`,
    );
    return rows[0]?.n === ALLE.length && Number(rows[0].min) >= head;
  });
  voor = await rapporten(app);
  indexenVoor = await indexen(await actiefSchema());
  expect(indexenVoor.uitgesteld).toBe(0);
}, 60_000);

afterAll(async () => {
  await Promise.all(apps.map(kill));
  await db?.drop();
});

describe('a rebuild killed with SIGKILL is taken up after a restart', () => {
  it('while it fills the new generation', async () => {
    await kill(app);
    // small pages: the fill takes long enough to kill it halfway through a gemeente
    app = await start({ PROJECTIE_STREAMS_PER_PAGINA: '20' });
    const post = await vraag(app, '/beheer/herbouw', beheer, { method: 'POST' });
    expect(post.status).toBe(202);
    const { schema_naam: schema, nummer } = (await generatie())!;
    const voortgang = async () => {
      const { rows } = await db.pool.query(
        `SELECT count(*) FILTER (WHERE vul_na IS NOT NULL)::int AS cursors, count(*) FILTER (WHERE positie > 0)::int AS gevuld FROM "${schema}".rm_checkpoint`,
      );
      return rows[0] as { cursors: number; gevuld: number };
    };
    await wachtOp('the fill to get under way', async () => (await voortgang()).cursors >= 1, 20_000);
    await kill(app);
    const bijDeDood = await voortgang();
    expect(bijDeDood.gevuld).toBeLessThan(ALLE.length); // it died halfway, within a gemeente
    expect(bijDeDood.cursors).toBeGreaterThan(0);
    expect((await generatie())?.fase).toBe('vullen');
    // a crashed rebuild used to leave every POST at 409 until someone removed it by hand
    app = await start();
    const status = await klaar(nummer, [app]);
    expect(status).toMatchObject({ hervatIn: 'vullen', verwerkt: head, totaal: head });
    expect(status.bericht).toMatch(/hervat/);
    expect(await rapporten(app)).toEqual(voor);
    expect(await indexen(schema)).toEqual(indexenVoor);
  }, 40_000);

  it('while it builds the indexes', async () => {
    await kill(app);
    app = await start({ HERBOUW_PAUZE_VOOR: 'indexen' });
    expect((await vraag(app, '/beheer/herbouw', beheer, { method: 'POST' })).status).toBe(202);
    const g = await wachtOp('the index phase', async () => ((await generatie())?.fase === 'indexen' ? generatie() : undefined));
    expect((await indexen(g.schema_naam)).uitgesteld).toBeGreaterThan(0);
    const bezig = await herbouwStatus(app);
    expect(bezig).toMatchObject({ bezig: true, fase: 'indexen', generatie: g.nummer });
    expect((await vraag(app, '/beheer/herbouw', beheer, { method: 'POST' })).status).toBe(409);
    await kill(app);
    app = await start();
    expect(await klaar(g.nummer, [app])).toMatchObject({ hervatIn: 'indexen' });
    expect(await rapporten(app)).toEqual(voor);
    expect(await indexen(g.schema_naam)).toEqual(indexenVoor);
  }, 40_000);

  it('just before the swap, with two instances taking it up', async () => {
    await kill(app);
    app = await start({ HERBOUW_PAUZE_VOOR: 'wissel' });
    expect((await vraag(app, '/beheer/herbouw', beheer, { method: 'POST' })).status).toBe(202);
    const g = await wachtOp('the swap', async () => ((await generatie())?.fase === 'wisselen' ? generatie() : undefined));
    expect((await indexen(g.schema_naam)).uitgesteld).toBe(0);
    await kill(app);
    const twee = await Promise.all([start(), start()]);
    expect(await klaar(g.nummer, twee)).toMatchObject({ hervatIn: 'wisselen' });
    for (const a of twee) expect(await rapporten(a)).toEqual(voor);
    const { rows } = await db.pool.query(
      `SELECT g.nummer, g.status, g.fase, n.nspname IS NOT NULL AS schema FROM rm_generatie g LEFT JOIN pg_namespace n ON n.nspname = g.schema_naam ORDER BY g.nummer`,
    );
    expect(rows).toEqual([
      { nummer: 1, status: 'oud', fase: null, schema: false },
      { nummer: 2, status: 'oud', fase: null, schema: false },
      { nummer: 3, status: 'oud', fase: null, schema: false },
      { nummer: 4, status: 'actief', fase: null, schema: true },
    ]);
  }, 40_000);

  it('swaps a generation in once when two try', async () => {
    await Promise.all(apps.map(kill));
    const { Generaties } = await import('../src/projectie/generaties.service.js');
    const generaties = new Generaties(db.pool);
    const nieuw = await generaties.nieuw();
    expect((await Promise.all([generaties.wissel(nieuw), generaties.wissel(nieuw)])).sort()).toEqual([false, true]);
    expect((await generaties.alle()).map((g) => [g.nummer, g.status])).toEqual([[nieuw.nummer, 'actief']]);
  });
});
