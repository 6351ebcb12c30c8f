/**
 * Seeding the benchmarks' history straight into the event store: the generator's appends (already
 * encoded by `encodeEvent`) written with COPY into `es_events` and `es_streams`, as `es_append`
 * (libs/database/src/migrations/1763900000004-es-append-kort-slot.ts) would have written them one by
 * one. Seeding 10,000,000 events through the port takes some 40 minutes; this is bound by the
 * generator.
 *
 * es_append's rules, applied (or checked) here:
 * - global positions dense from 1, in the order of the appends (registration order), the sequence
 *   `es_global_position` set to the last one, so the next append gets the next position;
 * - a stream's versions contiguous from 1 and increasing with the position: an append must start at
 *   the stream's current version (its expected version), or the seed stops;
 * - one `recorded_at` per append, never decreasing with the position: here the registration moment
 *   itself (day number and fraction as a UTC instant, made strictly increasing), so transaction time
 *   spans the years as in a real register (all of it before 2019);
 * - `transaction_id`: `pg_current_xact_id()` of the transaction that writes the row. The transactions
 *   follow each other, so their ids increase with the position (readers rely on that order: they
 *   filter on `transaction_id < pg_snapshot_xmin(...)`);
 * - metadata `{ requestHash }`, actor `bench-consulent-<gemeente>`, the append's correlation id and
 *   no causation, as `seedHistorie` appends them through the port;
 * - `es_streams`: one row per stream with the type and gemeente of its first append, its final
 *   version, `created_at` of its first append and `updated_at` of its last. It is written when the
 *   generator marks a stream's last append, so only open streams are held in memory.
 * es_append writes nothing else: idempotency lives in the events (event ids derived from the key, the
 * request hash in the metadata), so a later command on a seeded stream sees what it would after
 * normal appends.
 *
 * The generator and the COPY text run in a worker thread, a transaction ahead of the writes, so
 * PostgreSQL takes one transaction while the next is made, and the generator's memory is gone with
 * the worker. The worker is this module itself.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { copyVeld } from '../../apps/projections/src/projectie/copy-tekst.js';
import { type Append, type HistoryOptions, type HistoryStats, HistoryStream, iso, KENNIS_VANAF } from './history.js';
import type { Kennisdatum } from './seed.js';

const DAG_MS = 86_400_000;
/** Stands for the transaction id in the rows the worker makes (JSON and the ids never hold U+0001). */
const XID = '\u0001';

const EVENT_KOLOMMEN = [
  'global_position',
  'stream_id',
  'stream_version',
  'stream_type',
  'event_id',
  'event_type',
  'schema_version',
  'gemeente',
  'data',
  'metadata',
  'actor_id',
  'correlation_id',
  'causation_id',
  'recorded_at',
  'transaction_id', // last: the writer adds it to every row
].join(', ');
const STREAM_KOLOMMEN = ['stream_id', 'stream_type', 'gemeente', 'version', 'created_at', 'updated_at'].join(', ');

export interface BulkSeedOptions {
  historie: Omit<HistoryOptions, 'voortgang'>;
  /** Events per transaction (default 50,000; an append is never split). */
  perTransactie?: number;
  /** Called after every commit with the events written so far. */
  voortgang?: (events: number) => void;
}

export interface BulkSeedResultaat {
  events: number;
  appends: number;
  streams: number;
  transacties: number;
  /** Wall time of the whole seed, generation included. */
  seconden: number;
  /** Of which the generator ran (in the worker, alongside the writes). */
  generatorSeconden: number;
  /** Of which this thread waited for PostgreSQL (COPY, COMMIT). */
  databaseSeconden: number;
  /** Of which the indexes were built again at the end. */
  indexSeconden: number;
  /** `k50` and `k80`: after 50 % and 80 % of the events registered in the last three years. */
  kennisdata: Kennisdatum[];
  historie: HistoryStats;
}

/**
 * One transaction's rows in COPY text format. Every event row ends in XID, for the transaction id the
 * writer gets when it begins (one string: a message between threads copies it in one go).
 */
interface Transactie {
  events: string;
  streams: string;
  /** The last global position in it. */
  totPositie: number;
}

type Bericht =
  | { soort: 'transactie'; transactie: Transactie }
  | { soort: 'klaar'; samenvatting: Samenvatting; historie: HistoryStats; generatorMs: number }
  | { soort: 'fout'; fout: string };

/**
 * Generates the history (in a worker) and writes it into an empty event store (the schema on the
 * pool's search_path), a transaction per `perTransactie` events.
 */
export async function bulkSeed(pool: pg.Pool, opts: BulkSeedOptions): Promise<BulkSeedResultaat> {
  const start = performance.now();
  const client = await pool.connect();
  let worker: Worker | undefined;
  try {
    const { rows: leeg } = await client.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM es_events LIMIT 1) e)::int + (SELECT count(*) FROM (SELECT 1 FROM es_streams LIMIT 1) s)::int AS n`,
    );
    if (leeg[0].n > 0) throw new Error('bulkSeed needs an empty event store');

    const uitgesteld = await stelIndexenUit(client);
    worker = new Worker(new URL(import.meta.url), {
      workerData: { bulkSeed: { historie: opts.historie, perTransactie: opts.perTransactie ?? 50_000 } },
      // A young generation of 192 MB (semi-spaces of 64 MB): the generator's objects mostly live
      // long enough to be copied out of a small one (measured: a sixth less generator time).
      resourceLimits: { maxOldGenerationSizeMb: 4096, maxYoungGenerationSizeMb: 192 },
    });
    const berichten = new Berichten(worker);
    let databaseMs = 0;
    let transacties = 0;
    for (;;) {
      const m = await berichten.volgende();
      if (m.soort === 'fout') throw new Error(`bulk seed worker: ${m.fout}`);
      if (m.soort === 'klaar') {
        await worker.terminate();
        const t = performance.now();
        await bouwIndexen(client, uitgesteld);
        return {
          ...m.samenvatting,
          transacties,
          seconden: (performance.now() - start) / 1000,
          generatorSeconden: m.generatorMs / 1000,
          databaseSeconden: databaseMs / 1000,
          indexSeconden: (performance.now() - t) / 1000,
          historie: m.historie,
        };
      }
      const t = performance.now();
      await schrijf(client, m.transactie);
      databaseMs += performance.now() - t;
      transacties++;
      worker.postMessage('meer');
      opts.voortgang?.(m.transactie.totPositie);
    }
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
    await worker?.terminate();
  }
}

/**
 * Drops the unique constraints and secondary indexes of es_events and es_streams (as the migrations
 * made them, read from the catalog) for the load; returns the statements that make them again. Built
 * once over all rows they cost a fraction of millions of inserts into them, and the unique ones check
 * the whole store at the end. The primary keys stay (positions only grow; a stream id is checked as
 * its row goes in).
 */
async function stelIndexenUit(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ maak: string; weg: string }>(
    `SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS maak,
            format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS weg
       FROM pg_constraint c
      WHERE c.conrelid IN ('es_events'::regclass, 'es_streams'::regclass) AND c.contype = 'u'
     UNION ALL
     SELECT pg_get_indexdef(x.indexrelid), format('DROP INDEX %s', x.indexrelid::regclass)
       FROM pg_index x
      WHERE x.indrelid IN ('es_events'::regclass, 'es_streams'::regclass) AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
  );
  await client.query('BEGIN');
  for (const r of rows) await client.query(r.weg);
  await client.query('COMMIT');
  return rows.map((r) => r.maak);
}

async function bouwIndexen(client: pg.PoolClient, statements: string[]): Promise<void> {
  await client.query(`SET maintenance_work_mem = '1GB'`);
  for (const sql of statements) await client.query(sql);
  await client.query('RESET maintenance_work_mem');
}

/** One transaction: its id goes into every event row, as es_append's `pg_current_xact_id()`. */
async function schrijf(client: pg.PoolClient, t: Transactie): Promise<void> {
  await client.query('BEGIN');
  const { rows } = await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
  await kopieer(client, `es_events (${EVENT_KOLOMMEN})`, t.events.replaceAll(XID, rows[0].xid));
  if (t.streams) await kopieer(client, `es_streams (${STREAM_KOLOMMEN})`, t.streams);
  await client.query(`SELECT setval('es_global_position', $1)`, [t.totPositie]);
  await client.query('COMMIT');
}

async function kopieer(client: pg.PoolClient, doel: string, tekst: string): Promise<void> {
  await pipeline(Readable.from([tekst]), client.query(copyStreams.from(`COPY ${doel} FROM STDIN`)));
}

/** The worker's messages, one at a time. */
class Berichten {
  private readonly rij: Bericht[] = [];
  private wacht: (() => void) | null = null;

  constructor(worker: Worker) {
    const zet = (b: Bericht) => {
      this.rij.push(b);
      this.wacht?.();
    };
    worker.on('message', zet);
    worker.on('error', (e: Error) => zet({ soort: 'fout', fout: e.stack ?? String(e) }));
    worker.on('exit', (code) => zet({ soort: 'fout', fout: `stopped (exit code ${code})` }));
  }

  async volgende(): Promise<Bericht> {
    while (this.rij.length === 0) await new Promise<void>((r) => (this.wacht = r));
    this.wacht = null;
    return this.rij.shift()!;
  }
}

// ---------------------------------------------------------------- the worker: appends into COPY text

interface Samenvatting {
  events: number;
  appends: number;
  streams: number;
  kennisdata: Kennisdatum[];
}

/** A stream whose last append has not come yet. */
interface OpenStroom {
  versie: number;
  aangemaakt: string;
}

/** Turns appends, in registration order, into transactions of COPY rows, as es_append would number them. */
export class Vertaler {
  private positie = 0;
  private appends = 0;
  private streams = 0;
  private vorigeMs = -Infinity;
  private readonly open = new Map<string, OpenStroom>();
  /** The pieces of this transaction's event rows (joined once: cheaper than a string per row). */
  private delen: string[] = [];
  private inTransactie = 0;
  private streamRegels: string[] = [];
  // The appends registered in the last three years, for the kennisdata: a running total of their
  // events, their last position, recorded_at and registration day.
  private kennisSom = 0;
  private readonly kennis = { som: [] as number[], positie: [] as number[], op: [] as number[], reg: [] as number[] };

  constructor(private readonly perTransactie: number) {}

  /** Adds an append; returns a transaction once it holds `perTransactie` events. */
  voegToe(a: Append): Transactie | null {
    const huidig = this.open.get(a.streamId);
    const verwacht = huidig?.versie ?? 0;
    if (a.versie !== verwacht) {
      throw new Error(
        `${a.streamId}: an append at version ${a.versie} while the stream is at ${verwacht} (registration order breaks the stream order)`,
      );
    }
    const ms = Math.max(Math.round(a.reg * DAG_MS), this.vorigeMs + 1);
    this.vorigeMs = ms;
    const op = new Date(ms).toISOString();
    const stroom = copyVeld(a.streamId);
    const kop = `\t${stroom}\t`;
    const midden = `\t${copyVeld(a.streamType)}\t`;
    const gemeente = copyVeld(a.gemeente);
    const staart = `\t${copyVeld({ requestHash: a.requestHash })}\t${copyVeld(`bench-consulent-${a.gemeente}`)}\t${copyVeld(a.correlationId)}\t\\N\t${op}\t${XID}\n`;
    for (const [i, e] of a.events.entries()) {
      this.positie++;
      const tussen = `\t${copyVeld(e.type)}\t${e.schemaVersion}\t${gemeente}\t`;
      this.delen.push(String(this.positie), kop, String(a.versie + i + 1), midden, e.eventId, tussen, copyVeld(e.data), staart);
    }
    this.inTransactie += a.events.length;
    const versie = a.versie + a.events.length;
    if (a.laatste) {
      this.open.delete(a.streamId);
      this.streams++;
      this.streamRegels.push(`${stroom}\t${copyVeld(a.streamType)}\t${gemeente}\t${versie}\t${huidig?.aangemaakt ?? op}\t${op}\n`);
    } else if (huidig) huidig.versie = versie;
    else this.open.set(a.streamId, { versie, aangemaakt: op });
    if (a.reg >= KENNIS_VANAF) {
      this.kennisSom += a.events.length;
      this.kennis.som.push(this.kennisSom);
      this.kennis.positie.push(this.positie);
      this.kennis.op.push(ms);
      this.kennis.reg.push(a.reg);
    }
    this.appends++;
    return this.inTransactie >= this.perTransactie ? this.transactie() : null;
  }

  /** What is left after the last append (null: nothing). */
  rest(): Transactie | null {
    return this.inTransactie > 0 ? this.transactie() : null;
  }

  samenvatting(): Samenvatting {
    if (this.open.size > 0) throw new Error(`${this.open.size} streams never had their last append (the generator's laatste flag)`);
    const kennisdata: Kennisdatum[] = [];
    for (const [label, fractie] of [
      ['k50', 0.5],
      ['k80', 0.8],
    ] as const) {
      // the first append after which the fraction is reached, as seedHistorie counts
      const i = this.kennis.som.findIndex((s) => s >= fractie * this.kennisSom);
      if (i < 0) continue;
      kennisdata.push({
        label,
        instant: new Date(this.kennis.op[i]).toISOString(),
        positie: this.kennis.positie[i],
        registratiesTot: iso(Math.floor(this.kennis.reg[i])),
      });
    }
    return { events: this.positie, appends: this.appends, streams: this.streams, kennisdata };
  }

  private transactie(): Transactie {
    const t = { events: this.delen.join(''), streams: this.streamRegels.join(''), totPositie: this.positie };
    this.delen = [];
    this.inTransactie = 0;
    this.streamRegels = [];
    return t;
  }
}

/** The worker: generates, translates, and stays at most two transactions ahead of the writer. */
async function werker(taak: { historie: HistoryOptions; perTransactie: number }): Promise<void> {
  const poort = parentPort!;
  let krediet = 2;
  let wek: (() => void) | null = null;
  poort.on('message', () => {
    krediet++;
    wek?.();
  });
  const stuur = async (t: Transactie) => {
    while (krediet === 0) await new Promise<void>((r) => (wek = r));
    krediet--;
    poort.postMessage({ soort: 'transactie', transactie: t } satisfies Bericht);
  };
  try {
    const historie = new HistoryStream(taak.historie);
    const vertaler = new Vertaler(taak.perTransactie);
    const stukken = historie.stukken();
    let generatorMs = 0;
    for (;;) {
      const t0 = performance.now();
      const r = stukken.next();
      generatorMs += performance.now() - t0;
      if (r.done) break;
      const stuk = r.value;
      for (let i = 0; i < stuk.length; i++) {
        const t = vertaler.voegToe(stuk[i]);
        stuk[i] = undefined as unknown as Append; // written: let it go
        if (t) await stuur(t);
      }
    }
    const rest = vertaler.rest();
    if (rest) await stuur(rest);
    poort.postMessage({ soort: 'klaar', samenvatting: vertaler.samenvatting(), historie: historie.stats, generatorMs } satisfies Bericht);
  } catch (e) {
    poort.postMessage({ soort: 'fout', fout: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Bericht);
  }
}

if (!isMainThread && (workerData as { bulkSeed?: unknown } | null)?.bulkSeed) {
  void werker((workerData as { bulkSeed: { historie: HistoryOptions; perTransactie: number } }).bulkSeed);
}
