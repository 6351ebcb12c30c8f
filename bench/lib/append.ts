/**
 * Append throughput through the event store port (no HTTP), side by side with Emmett's PostgreSQL
 * event store and with the physical limit (plain INSERTs), all against the same PostgreSQL.
 *
 * - (a) one event per append, (b) 10 events per append; 10,000 distinct streams per scenario,
 *   32 appenders. A stream is never appended to concurrently with itself; every append passes the
 *   stream's real expected version (no stream first, then its version), as in production.
 * - Every system gets its own fresh database on the server (Emmett's migration checks `pg_proc`
 *   across all schemas, so a second schema in one database would share its functions).
 * - Fairness: one pg.Pool of 32 connections per system (ours via createPool, Emmett via its
 *   `connectionOptions.pool`, the limit via createPool), the same event data (one encoded
 *   VoorzieningToegekend per stream, identical JSON), durability as the server is configured
 *   (fsync and synchronous_commit are reported, never changed).
 * - Ours: PostgresEventStore.append as the apps call it. Emmett: appendToStream (BEGIN, its
 *   emt_append_to_stream, COMMIT). The limit: a named prepared `INSERT … VALUES` of 1 or 10 rows
 *   into a copy of es_events, autocommit, no stream table and no version check.
 * - Order: each scenario runs in slices; the order of the systems rotates per slice, and every
 *   slice starts after a CHECKPOINT and a short warm-up that is not counted.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { getPostgreSQLEventStore, type PostgresEventStore as EmmettEventStore } from '@event-driven-io/emmett-postgresql';
import { encodeEvent } from '@sd/contracts';
import { createPool, runMigrations } from '@sd/database';
import { type KurrentDBClient } from '@kurrent/kurrentdb-client';
import {
  type EventStore,
  KurrentDbEventStore,
  kurrentDbClientUitEnv,
  PostgresEventStore,
  Sleutelkluis,
  VersleutelendeEventStore,
} from '@sd/event-store';
import pg from 'pg';
import { splitsCpus } from './cpu-split.js';
import { afgerond, type Belasting, BelastingMeter, nodeCpuSeconden, postgresCpuSeconden, type Verdeling, verdeling } from './measure.js';

/** Ours as the apps call it (personal fields encrypted), ours without the encryption, Emmett, plain INSERT. */
/** `kurrentdb`: ours on KurrentDB without encryption (beside `onversleuteld`), only with KURRENTDB_URL set. */
export type AppendSysteem = 'sociaal-domein' | 'sleutel-bekend' | 'onversleuteld' | 'emmett' | 'insert' | 'kurrentdb';
export type AppendScenario = 'a' | 'b';

export interface AppendRun {
  seconden: number;
  events: number;
  eventsPerSeconde: number;
  /** How busy the machine was, and how much of it was other processes (see BelastingMeter). */
  belasting: Belasting;
  /** CPU seconds of this node process and of all PostgreSQL processes during the run. */
  cpu: { node: number; postgres: number | null };
  /** With `wachtProfiel`: what the system's backends were doing (pg_stat_activity sampled every 10 ms), % of samples. */
  wachten?: Record<string, number>;
}

export interface AppendMeting {
  systeem: AppendSysteem;
  scenario: AppendScenario;
  eventsPerAppend: number;
  appends: number;
  events: number;
  /** Timed wall seconds, summed over the runs (slices) of this system and scenario. */
  seconden: number;
  eventsPerSeconde: number;
  appendsPerSeconde: number;
  /** ms per append (performance.now around the call). */
  latentie: Verdeling;
  fouten: number;
  eersteFout?: string;
  runs: AppendRun[];
}

export interface AppendResultaat {
  metingen: AppendMeting[];
  ratios: {
    scenario: AppendScenario;
    onsVsEmmett: number;
    onsVsInsert: number;
    onsVsOnversleuteld: number;
    /** Ours on KurrentDB against ours on PostgreSQL, both without encryption (KURRENTDB_URL set). */
    kurrentdbVsOnversleuteld?: number;
    sleutelBekendVsOnversleuteld: number;
  }[];
  instellingen: Record<string, string>;
}

export interface AppendOpties {
  /** PostgreSQL URL of an already running server; the benchmark creates (and drops) its own databases there. */
  url: string;
  quick: boolean;
  log: (regel: string) => void;
  /** Sample pg_stat_activity of the system's database during each run (wait events). */
  wachtProfiel?: boolean;
  /** PostgreSQL and this process on CPUs of their own (`--split-cpu`, see cpu-split.ts). */
  splitsCpu?: boolean;
}

const SYSTEMEN: AppendSysteem[] = ['sociaal-domein', 'sleutel-bekend', 'onversleuteld', 'emmett', 'insert'];
const STREAMS = 10_000;
const APPENDERS = 32;
/** The same pool size for all three systems: one connection per appender. */
const POOL = APPENDERS;
const GEMEENTEN = ['GM0363', 'GM0599', 'GM0518', 'GM0344', 'GM0080', 'GM0014', 'GM0193', 'GM0200', 'GM0153', 'GM0005'];
const EVENT_TYPE = 'VoorzieningToegekend';
const STREAM_TYPE = 'voorziening';

interface Stroom {
  id: string;
  gemeente: string;
  data: Record<string, unknown>;
  schemaVersion: number;
}

/** One stream's state per system: its version and whether an append is in flight. */
interface Toestand {
  versie: number;
  bezig: boolean;
  kapot: boolean;
}

/** Appends `n` events to a stream that is at `versie` (0: the stream does not exist yet). */
type AppendFn = (stroom: Stroom, versie: number, n: number) => Promise<void>;

interface Deelnemer {
  systeem: AppendSysteem;
  append: AppendFn;
  /** Before and after this system's runs (Emmett's global pg type parsers). */
  voor?: () => void;
  na?: () => void;
}

export async function meetAppends(opts: AppendOpties): Promise<AppendResultaat> {
  const { log } = opts;
  const duurMs = opts.quick ? 3_500 : 5_000;
  const slices = opts.quick ? 1 : 3;
  const opwarmMs = opts.quick ? 400 : 1_000;
  const achtervoegsel = `${Date.now().toString(36)}_${process.pid}`;
  const db = (s: AppendSysteem) => `sd_append_${s === 'sociaal-domein' ? 'ons' : s.replace('-', '_')}_${achtervoegsel}`;
  const urlVan = (database: string) => {
    const u = new URL(opts.url);
    u.pathname = `/${database}`;
    return u.toString();
  };

  const admin = new pg.Client({ connectionString: opts.url });
  await admin.connect();
  const show = async (naam: string) => String((await admin.query(`SHOW ${naam}`)).rows[0]?.[naam] ?? '');
  const instellingen: Record<string, string> = {};
  for (const naam of [
    'server_version',
    'fsync',
    'synchronous_commit',
    'wal_sync_method',
    'full_page_writes',
    'wal_level',
    'commit_delay',
    'shared_buffers',
    'max_wal_size',
    'max_connections',
  ]) {
    instellingen[naam] = await show(naam);
  }
  const dataDir = await show('data_directory').catch(() => '');
  const pgCpu = () => (dataDir ? postgresCpuSeconden(dataDir) : null);

  const pools: pg.Pool[] = [];
  let cpus: ReturnType<typeof splitsCpus> | undefined;
  let kurrent: KurrentDBClient | undefined;
  let emmett: EmmettEventStore | undefined;
  try {
    cpus = opts.splitsCpu ? splitsCpus(dataDir) : undefined;
    if (cpus) instellingen['cpu'] = cpus.beschrijving;
    for (const s of SYSTEMEN) await admin.query(`CREATE DATABASE ${db(s)}`);
    // KurrentDB only when a server is named; its streams under a prefix of this run.
    kurrent = process.env.KURRENTDB_URL ? kurrentDbClientUitEnv() : undefined;
    // ---- ours: the production migrations and adapter
    const onsConfig = { url: urlVan(db('sociaal-domein')), schema: 'sd', poolSize: POOL };
    await runMigrations(onsConfig);
    const onsPool = createPool(onsConfig);
    pools.push(onsPool);
    // As the apps: the personal fields (here the huishoudenId) encrypted with a key per client.
    const master = randomBytes(32);
    const store = new VersleutelendeEventStore(new PostgresEventStore(onsPool), new Sleutelkluis(onsPool, 'sd', master));
    const registratieKluis = new Sleutelkluis(onsPool, 'sd', master);

    // ---- ours encrypted, every client's key already in the appending process's memory: as in the
    // apps, where a command's read of its stream fetched the key its append then uses.
    const bekendConfig = { url: urlVan(db('sleutel-bekend')), schema: 'sd', poolSize: POOL };
    await runMigrations(bekendConfig);
    const bekendPool = createPool(bekendConfig);
    pools.push(bekendPool);
    const bekendKluis = new Sleutelkluis(bekendPool, 'sd', master);
    const sleutelBekend = new VersleutelendeEventStore(new PostgresEventStore(bekendPool), bekendKluis);

    // ---- ours before encryption: the same adapter without it, in a database of its own.
    const onversleuteldConfig = { url: urlVan(db('onversleuteld')), schema: 'sd', poolSize: POOL };
    await runMigrations(onversleuteldConfig);
    const onversleuteldPool = createPool(onversleuteldConfig);
    pools.push(onversleuteldPool);
    const onversleuteld = new PostgresEventStore(onversleuteldPool);

    // ---- the limit: the same es_events (migrations, so the same columns, types, constraints and
    // indexes), with defaults for what es_append computes in SQL; plain INSERTs, no es_streams.
    const insertConfig = { url: urlVan(db('insert')), schema: 'sd', poolSize: POOL };
    await runMigrations(insertConfig);
    const insertPool = createPool(insertConfig);
    pools.push(insertPool);
    await insertPool.query(`ALTER TABLE es_events
      ALTER COLUMN global_position SET DEFAULT nextval('es_global_position'),
      ALTER COLUMN recorded_at SET DEFAULT now(),
      ALTER COLUMN transaction_id SET DEFAULT pg_current_xact_id()`);

    // ---- Emmett: its own pg.Pool of the same size; schema created before timing starts.
    // Creating its pool makes dumbo set global pg type parsers (int8 → BigInt, json/jsonb);
    // they are only installed while Emmett runs, so the other systems parse as they would alone.
    const standaardParsers = bewaarParsers();
    const emmettPool = new pg.Pool({ connectionString: urlVan(db('emmett')), max: POOL });
    pools.push(emmettPool);
    emmett = getPostgreSQLEventStore(urlVan(db('emmett')), {
      connectionOptions: { pool: emmettPool },
      schema: { autoMigration: 'CreateOrUpdate' },
    });
    await emmett.schema.migrate();
    const emmettParsers = bewaarParsers();
    zetParsers(standaardParsers);
    const emmettStore = emmett;

    const probeer = encodeEvent(voorbeeld(randomUUID(), randomUUID(), 'GM0005'));
    instellingen['pool per systeem'] = String(POOL);
    instellingen['appenders'] = String(APPENDERS);
    instellingen['streams per scenario'] = String(STREAMS);
    instellingen['event'] = `${EVENT_TYPE} v${probeer.schemaVersion}, data ${JSON.stringify(probeer.data).length} bytes JSON`;
    instellingen['run'] =
      `${slices} × ${duurMs / 1000} s per systeem en scenario, ${opwarmMs} ms opwarmen per run, CHECKPOINT voor elke run`;
    instellingen['volgorde'] = 'per run roteert de volgorde van de systemen';
    instellingen['insert'] =
      'named prepared INSERT … VALUES (1 of 10 rijen) in een kopie van es_events (zelfde kolommen, constraints en indexen), autocommit';

    const deelnemers: Deelnemer[] = [
      { systeem: 'sociaal-domein', append: viaPoort(store) },
      { systeem: 'sleutel-bekend', append: viaPoort(sleutelBekend) },
      { systeem: 'onversleuteld', append: viaPoort(onversleuteld) },
      ...(kurrent
        ? [{ systeem: 'kurrentdb' as const, append: viaPoort(new KurrentDbEventStore(kurrent, { prefix: `bench-${achtervoegsel}-` })) }]
        : []),
      {
        systeem: 'emmett',
        // The same information as ours: gemeente, actor and correlation go into Emmett's metadata.
        // Expected version 0n for a new stream is Emmett's cheapest form of "no stream" (it skips
        // the lookup that STREAM_DOES_NOT_EXIST does); a conflict still fails on the streams key.
        append: async (stroom, versie, n) => {
          const correlationId = randomUUID();
          const events = Array.from({ length: n }, () => ({
            type: EVENT_TYPE,
            data: stroom.data,
            metadata: { gemeente: stroom.gemeente, actorId: 'bench', correlationId },
          }));
          const res = await emmettStore.appendToStream(stroom.id, events, { expectedStreamVersion: BigInt(versie) });
          if (res.nextExpectedStreamVersion !== BigInt(versie + n))
            throw new Error(`version ${res.nextExpectedStreamVersion}, expected ${versie + n}`);
        },
        voor: () => zetParsers(emmettParsers),
        na: () => zetParsers(standaardParsers),
      },
      {
        systeem: 'insert',
        append: async (stroom, versie, n) => {
          const waarden: unknown[] = [];
          const correlationId = randomUUID();
          for (let j = 1; j <= n; j++) {
            waarden.push(
              stroom.id,
              versie + j,
              STREAM_TYPE,
              randomUUID(),
              EVENT_TYPE,
              stroom.schemaVersion,
              stroom.gemeente,
              JSON.stringify(stroom.data),
              '{}',
              'bench',
              correlationId,
            );
          }
          await insertPool.query({ name: `insert-${n}`, text: insertSql(n), values: waarden });
        },
      },
    ];

    const metingen: AppendMeting[] = [];
    const scenarios: { scenario: AppendScenario; eventsPerAppend: number }[] = [
      { scenario: 'a', eventsPerAppend: 1 },
      { scenario: 'b', eventsPerAppend: 10 },
    ];
    const belastingMeter = new BelastingMeter(dataDir);
    for (const [si, { scenario, eventsPerAppend }] of scenarios.entries()) {
      // 10,000 fresh streams per scenario, the same names and data for every system.
      const stromen: Stroom[] = Array.from({ length: STREAMS }, (_, i) => {
        const gemeente = GEMEENTEN[i % GEMEENTEN.length];
        const e = encodeEvent(voorbeeld(randomUUID(), randomUUID(), gemeente));
        return { id: `${STREAM_TYPE}-${randomUUID()}`, gemeente, data: e.data, schemaVersion: e.schemaVersion };
      });
      // The clients were registered before their voorzieningen: their keys exist, untimed. The
      // appending store's own memory of them starts empty, as in an app that just started.
      for (const st of stromen) {
        await registratieKluis.sleutelVoorSchrijven(st.data.clientId as string, st.gemeente);
        await bekendKluis.sleutelVoorSchrijven(st.data.clientId as string, st.gemeente);
      }
      const perSysteem = new Map(
        deelnemers.map(
          (d): [AppendSysteem, { toestand: Toestand[]; cursor: { volgende: number }; meting: AppendMeting; latenties: number[] }] => [
            d.systeem,
            {
              toestand: stromen.map((): Toestand => ({ versie: 0, bezig: false, kapot: false })),
              cursor: { volgende: 0 },
              meting: {
                systeem: d.systeem,
                scenario,
                eventsPerAppend,
                appends: 0,
                events: 0,
                seconden: 0,
                eventsPerSeconde: 0,
                appendsPerSeconde: 0,
                latentie: verdeling([]),
                fouten: 0,
                runs: [],
              },
              latenties: [],
            },
          ],
        ),
      );
      for (let r = 0; r < slices; r++) {
        const draai = (r + si) % deelnemers.length;
        const volgorde = [...deelnemers.slice(draai), ...deelnemers.slice(0, draai)];
        for (const d of volgorde) {
          const s = perSysteem.get(d.systeem)!;
          await admin.query('CHECKPOINT').catch(() => undefined); // needs superuser or pg_checkpoint
          d.voor?.();
          try {
            await lus(d.append, stromen, s.toestand, s.cursor, eventsPerAppend, opwarmMs, null);
            belastingMeter.begin();
            const cpu0 = { node: nodeCpuSeconden(), postgres: pgCpu() };
            const sampler = opts.wachtProfiel ? await wachtSampler(opts.url, db(d.systeem)) : null;
            const uit = await lus(d.append, stromen, s.toestand, s.cursor, eventsPerAppend, duurMs, s.latenties);
            const belasting = belastingMeter.meet();
            const wachten = await sampler?.stop();
            const pg1 = pgCpu();
            const run: AppendRun = {
              seconden: uit.seconden,
              events: uit.appends * eventsPerAppend,
              eventsPerSeconde: Math.round((uit.appends * eventsPerAppend) / uit.seconden),
              belasting,
              cpu: {
                node: rond(nodeCpuSeconden() - cpu0.node),
                postgres: pg1 !== null && cpu0.postgres !== null ? rond(pg1 - cpu0.postgres) : null,
              },
              ...(wachten ? { wachten } : {}),
            };
            const m = s.meting;
            m.runs.push(run);
            m.appends += uit.appends;
            m.events += run.events;
            m.seconden += uit.seconden;
            m.fouten += uit.fouten;
            m.eersteFout ??= uit.eersteFout;
            const lat = verdeling(s.latenties.slice(-uit.appends));
            log(
              `append ${scenario} ${d.systeem.padEnd(14)} run ${r + 1}/${slices}: ${run.eventsPerSeconde.toLocaleString('en')} events/s, ` +
                `p50 ${lat.p50.toFixed(1)} ms, p99 ${lat.p99.toFixed(1)} ms, CPU node ${run.cpu.node} s pg ${run.cpu.postgres ?? '?'} s, ` +
                `machine ${belasting.machinePct ?? '?'}% (others ${belasting.anderenPct ?? '?'}%)${uit.fouten ? `, ${uit.fouten} errors: ${uit.eersteFout}` : ''}`,
            );
            if (wachten)
              log(
                `    waits: ${Object.entries(wachten)
                  .map(([k, v]) => `${k} ${v}%`)
                  .join(', ')}`,
              );
          } finally {
            d.na?.();
          }
        }
      }
      for (const d of deelnemers) {
        const s = perSysteem.get(d.systeem)!;
        const m = s.meting;
        m.seconden = rond(m.seconden);
        m.eventsPerSeconde = Math.round(m.events / m.seconden);
        m.appendsPerSeconde = Math.round(m.appends / m.seconden);
        m.latentie = afgerond(verdeling(s.latenties), 2);
        metingen.push(m);
      }
    }

    const eps = (s: AppendSysteem, sc: AppendScenario) => metingen.find((m) => m.systeem === s && m.scenario === sc)!.eventsPerSeconde;
    const ratios = scenarios.map(({ scenario }) => ({
      scenario,
      onsVsEmmett: rond(eps('sociaal-domein', scenario) / eps('emmett', scenario), 2),
      onsVsInsert: rond(eps('sociaal-domein', scenario) / eps('insert', scenario), 2),
      onsVsOnversleuteld: rond(eps('sociaal-domein', scenario) / eps('onversleuteld', scenario), 2),
      sleutelBekendVsOnversleuteld: rond(eps('sleutel-bekend', scenario) / eps('onversleuteld', scenario), 2),
      ...(kurrent ? { kurrentdbVsOnversleuteld: rond(eps('kurrentdb', scenario) / eps('onversleuteld', scenario), 2) } : {}),
    }));
    return { metingen, ratios, instellingen };
  } finally {
    cpus?.herstel();
    await emmett?.close().catch(() => undefined);
    await kurrent?.dispose().catch(() => undefined);
    for (const p of pools) await p.end().catch(() => undefined);
    // pool.end() resolves before the sockets are closed; let the backends go before dropping.
    for (let i = 0; i < 40; i++) {
      const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = ANY($1)`, [
        SYSTEMEN.map(db),
      ]);
      if (!rows[0]?.n) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const s of SYSTEMEN) await admin.query(`DROP DATABASE IF EXISTS ${db(s)} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/**
 * 32 appenders for `duurMs`: each takes the next stream (round robin over the 10,000) that has no
 * append in flight, appends with its expected version and records the latency. Returns when every
 * append started within the window has finished; the seconds run until then.
 */
async function lus(
  append: AppendFn,
  stromen: Stroom[],
  toestand: Toestand[],
  cursor: { volgende: number },
  n: number,
  duurMs: number,
  latenties: number[] | null,
): Promise<{ appends: number; seconden: number; fouten: number; eersteFout?: string }> {
  const t0 = performance.now();
  const eind = t0 + duurMs;
  let appends = 0;
  let fouten = 0;
  let eersteFout: string | undefined;
  const volgende = (): number => {
    for (let gezien = 0; gezien < stromen.length; gezien++) {
      const i = cursor.volgende++ % stromen.length;
      const t = toestand[i];
      if (!t.bezig && !t.kapot) return i;
    }
    throw new Error(`no stream left to append to (${fouten} errors, first: ${eersteFout})`);
  };
  await Promise.all(
    Array.from({ length: APPENDERS }, async () => {
      while (performance.now() < eind) {
        const i = volgende();
        const t = toestand[i];
        t.bezig = true;
        const start = performance.now();
        try {
          await append(stromen[i], t.versie, n);
          latenties?.push(performance.now() - start);
          t.versie += n;
          appends++;
        } catch (err) {
          // The stream's version is unknown now: leave it alone from here on.
          t.kapot = true;
          fouten++;
          eersteFout ??= err instanceof Error ? err.message : String(err);
        } finally {
          t.bezig = false;
        }
      }
    }),
  );
  return { appends, seconden: (performance.now() - t0) / 1000, fouten, eersteFout };
}

/**
 * Samples what the client backends of one database are doing every 10 ms from its own
 * connection: CPU (active, no wait event), the wait event, or idle (waiting for the client).
 */
async function wachtSampler(url: string, database: string): Promise<{ stop: () => Promise<Record<string, number>> }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const tellingen = new Map<string, number>();
  let totaal = 0;
  let klaar = false;
  const loop = (async () => {
    while (!klaar) {
      const { rows } = await c.query<{ w: string; n: string }>(
        `SELECT CASE WHEN state = 'active' AND wait_event IS NULL THEN 'CPU'
                     WHEN state LIKE 'idle%' THEN 'idle (' || state || ')'
                     ELSE wait_event_type || ':' || wait_event END AS w, count(*) AS n
           FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()
          GROUP BY 1`,
        [database],
      );
      for (const r of rows) {
        tellingen.set(r.w, (tellingen.get(r.w) ?? 0) + Number(r.n));
        totaal += Number(r.n);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    stop: async () => {
      klaar = true;
      await loop;
      await c.end();
      return Object.fromEntries(
        [...tellingen.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, rond((v / Math.max(totaal, 1)) * 100)]),
      );
    },
  };
}

/** `INSERT INTO es_events (…) VALUES (…), (…)` with n rows of 11 parameters. */
/** Ours through the event store port: as the apps call append (one append of n events per call). */
function viaPoort(store: EventStore): AppendFn {
  return async (stroom, versie, n) => {
    const events = Array.from({ length: n }, () => ({
      eventId: randomUUID(),
      type: EVENT_TYPE,
      schemaVersion: stroom.schemaVersion,
      data: stroom.data,
    }));
    const res = await store.append(stroom.id, versie === 0 ? 'no-stream' : versie, events, {
      streamType: STREAM_TYPE,
      gemeente: stroom.gemeente,
      actorId: 'bench',
      correlationId: randomUUID(),
    });
    if (res.nextExpectedVersion !== versie + n) throw new Error(`version ${res.nextExpectedVersion}, expected ${versie + n}`);
  };
}

function insertSql(n: number): string {
  const rijen = Array.from({ length: n }, (_, r) => `(${Array.from({ length: 11 }, (_, c) => `$${r * 11 + c + 1}`).join(', ')})`);
  return `INSERT INTO es_events (stream_id, stream_version, stream_type, event_id, event_type, schema_version, gemeente, data, metadata, actor_id, correlation_id)
    VALUES ${rijen.join(', ')}`;
}

function voorbeeld(voorzieningId: string, clientId: string, gemeente: string) {
  return {
    type: EVENT_TYPE,
    data: {
      voorzieningId,
      clientId,
      gemeente,
      wet: 'wmo',
      productcategorie: '04',
      leveringsvorm: 'zin',
      besluitdatum: '2016-01-20',
      ingangsdatum: '2016-02-01',
      einddatum: '2017-01-31',
      huishoudenId: 'HH-2016-0042', // personal: stored encrypted by ours, as in the apps
    },
  };
}

// pg type parsers for int8, json and jsonb (text format)
const PARSER_OIDS = [20, 114, 3802] as const;
type Parsers = Map<number, (waarde: string) => unknown>;

function bewaarParsers(): Parsers {
  return new Map(PARSER_OIDS.map((oid) => [oid, pg.types.getTypeParser(oid, 'text') as (waarde: string) => unknown]));
}

function zetParsers(parsers: Parsers): void {
  for (const [oid, parser] of parsers) pg.types.setTypeParser(oid, 'text', parser);
}

function rond(x: number, decimalen = 1): number {
  const f = 10 ** decimalen;
  return Math.round(x * f) / f;
}
