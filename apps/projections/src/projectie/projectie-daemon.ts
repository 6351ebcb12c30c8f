import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { databaseConfigFromEnv, PG_POOL, quoteIdent } from '@sd/database';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@sd/event-store';
import { type Checkpoint, CHECKPOINT_KOLOMMEN, checkpointUit, type Generatie, Generaties } from './generaties.service.js';
import { kopieer } from './copy-tekst.js';
import { ID_KOLOM, type Projectie, projecteer, type Tabel, teLaden, type Versie } from './projector.js';
import { mijnGemeenten } from './verdeling.js';

/** Events applied per transaction: large enough to amortise the commit, small enough to stay responsive. */
const BATCH = Number(process.env.PROJECTIE_BATCH ?? 2000);
const RUST_MS = Number(process.env.PROJECTIE_INTERVAL_MS ?? 100);
/** How often a worker looks at who is alive and which gemeenten are its share. */
const VERDEEL_MS = Number(process.env.PROJECTIE_VERDEEL_MS ?? 1000);
const SLOTS = 64;
/** Gemeenten applied at once by one worker, and batches per gemeente before looking around again. */
const PARALLEL = Number(process.env.PROJECTIE_PARALLEL ?? 3);
const RONDES = 10;

/**
 * Applies the event store to the read models. Work is divided by gemeente: each gemeente has its
 * own checkpoint per generation, written in the same transaction as its rows, so a crash at any
 * point resumes exactly. Several workers share the gemeenten: each holds a worker slot and the
 * lease of its gemeenten as PostgreSQL session advisory locks on its own connection, so a dead
 * worker's locks vanish with its connection and the others take its gemeenten over within
 * VERDEEL_MS. Leases spread the work; exactly-once comes from the checkpoint row, locked and
 * compared inside every transaction.
 */
@Injectable()
export class ProjectieDaemon implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProjectieDaemon.name);
  private readonly ns = hashtext32(`${databaseConfigFromEnv().schema}.projectie`);
  private stoppen = false;
  private lus?: Promise<void>;
  private wekker?: () => void;
  private leaseClient?: pg.PoolClient;
  private slot?: number;
  private readonly leases = new Set<string>();
  private verdeeldOp = 0;
  /** Streams per page (a transaction) when a generation being built is filled; about 2.5 events each. */
  streamsPerPagina = Math.max(1, Number(process.env.PROJECTIE_STREAMS_PER_PAGINA) || 2000);
  /** Events this process has written per generation schema, committed or not yet: a rebuild's progress. */
  private readonly teller = new Map<string, number>();

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly generaties: Generaties,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.generaties.zorgVoorActief();
    if (process.env.PROJECTIE_WORKER === 'false') return; // a query-only instance
    this.lus = this.draai();
  }

  /** Before the pools close (onApplicationShutdown): the loop ends after its current transaction. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stoppen = true;
    this.wekker?.();
    await this.lus;
    this.leaseClient?.release();
  }

  /** Look for new events now rather than after the pause (a report waits for a position). */
  wek(): void {
    this.wekker?.();
  }

  /** The gemeenten this worker holds the lease of. */
  aandeel(): string[] {
    return [...this.leases].sort();
  }

  /** Events this process has written into a generation so far (also those of transactions still open). */
  geschreven(schema: string): number {
    return this.teller.get(schema) ?? 0;
  }

  private telGeschreven(schema: string, aantal: number): void {
    this.teller.set(schema, this.geschreven(schema) + aantal);
  }

  /** For /health: whether this process is a worker, its slot and gemeenten, and the events it wrote per generation. */
  status(): { worker: boolean; slot: number | null; gemeenten: string[]; geschreven: Record<string, number> } {
    return { worker: this.lus !== undefined, slot: this.slot ?? null, gemeenten: this.aandeel(), geschreven: Object.fromEntries(this.teller) };
  }

  private async draai(): Promise<void> {
    while (!this.stoppen) {
      let toegepast = 0;
      try {
        if (Date.now() - this.verdeeldOp >= VERDEEL_MS) await this.verdeel();
        for (const generatie of await this.generaties.alle()) {
          toegepast += await this.stap(generatie, this.aandeel());
        }
      } catch (e) {
        if (this.stoppen) return;
        this.logger.error({ err: e }, 'projection batch failed; retrying');
        this.vergeetLeases();
      }
      // Caught up (less than a batch): pause, so that under a steady stream of commands the daemon
      // applies one transaction per pause rather than one per command. A report waiting for a
      // position wakes it at once.
      if (toegepast < BATCH && !this.stoppen) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, RUST_MS);
          this.wekker = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** Takes a worker slot, then the leases of this worker's share of the gemeenten; lets go of the rest. */
  private async verdeel(): Promise<void> {
    this.verdeeldOp = Date.now();
    if (!this.leaseClient) {
      const client = await this.pool.connect();
      client.on('error', () => this.vergeetLeases());
      for (let slot = 0; slot < SLOTS; slot++) {
        const { rows } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock($1, $2) AS ok`, [this.ns, slot]);
        if (rows[0]!.ok) {
          this.slot = slot;
          break;
        }
      }
      if (this.slot === undefined) {
        client.release();
        throw new Error(`all ${SLOTS} projection worker slots are taken`);
      }
      this.leaseClient = client;
      this.logger.log(`projection worker slot ${this.slot}`);
    }
    const { rows } = await this.leaseClient.query<{ slot: number }>(
      `SELECT objid::int AS slot FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = $1::int::oid AND objid < $2`,
      [this.ns, SLOTS],
    );
    const mijn = new Set(mijnGemeenten(await this.store.gemeenten(), rows.map((r) => r.slot), this.slot!));
    for (const g of [...this.leases].filter((g) => !mijn.has(g))) {
      await this.leaseClient.query(`SELECT pg_advisory_unlock($1, $2)`, [this.ns + 1, hashtext32(g)]);
      this.leases.delete(g);
    }
    for (const g of [...mijn].filter((g) => !this.leases.has(g))) {
      const { rows: lock } = await this.leaseClient.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock($1, $2) AS ok`, [
        this.ns + 1,
        hashtext32(g),
      ]);
      if (lock[0]!.ok) this.leases.add(g); // else its previous owner has not let go yet: next round
    }
  }

  private vergeetLeases(): void {
    this.leaseClient?.release(true);
    this.leaseClient = undefined;
    this.slot = undefined;
    this.leases.clear();
    this.verdeeldOp = 0;
  }

  /**
   * Applies up to RONDES batches (or pages) per gemeente (default: every gemeente) to a generation;
   * returns how many events it applied. The rebuild calls it without leases: the checkpoint rows keep it exact.
   */
  async stap(generatie: Generatie, gemeenten?: string[]): Promise<number> {
    const head = await this.store.headPosition();
    const checkpoints = await this.generaties.checkpoints(generatie.schema);
    const achter = (gemeenten ?? (await this.store.gemeenten())).filter((g) => (checkpoints.get(g)?.positie ?? 0) < head);
    // A generation being built fills each gemeente from nothing stream by stream; the active one
    // (whose reports must stay consistent with their checkpoint) always follows the global order.
    const vullen = generatie.status === 'bouwen';
    let toegepast = 0;
    // Several gemeenten at once, so Node (decoding, projecting) and PostgreSQL (writing) overlap.
    const rij = [...achter];
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL, rij.length) }, async () => {
        for (let g = rij.shift(); g !== undefined; g = rij.shift()) {
          const cp = checkpoints.get(g);
          toegepast += vullen && (cp?.positie ?? 0) === 0 ? await this.vul(generatie.schema, g, cp, head) : await this.haalIn(generatie.schema, g, cp?.positie ?? 0, head);
        }
      }),
    );
    return toegepast;
  }

  /**
   * Up to RONDES batches of one gemeente, each next batch read while the previous one is written;
   * returns the events applied (an empty stretch up to the head counts as one, it moved the checkpoint).
   */
  private async haalIn(schema: string, gemeente: string, vanaf: number, head: number): Promise<number> {
    const lees = (na: number) => this.store.readAll({ after: na, limit: BATCH, gemeente, upTo: head });
    let batch = await lees(vanaf);
    let toegepast = 0;
    for (let ronde = 0; ronde < RONDES; ronde++) {
      // Fewer than a full batch: every event of this gemeente up to the head is in it.
      const tot = batch.length < BATCH ? head : batch.at(-1)!.globalPosition;
      const volgende = tot < head ? lees(tot) : undefined;
      const gedaan = await this.pasToe(schema, gemeente, batch, tot);
      if (gedaan) toegepast += Math.max(batch.length, 1);
      if (!gedaan || !volgende) {
        volgende?.catch(() => undefined);
        break;
      }
      batch = await volgende;
    }
    return toegepast;
  }

  /**
   * Fills a gemeente of a generation being built stream by stream rather than in global order: each
   * stream's events seen together make all its versions at once, so no state is loaded and no
   * version closed afterwards. A page of streams per transaction, with the cursor in the checkpoint
   * row (up to RONDES pages per call, then the other generations get their turn); the checkpoint
   * itself moves to the fill's end position with the last page. Returns the events applied.
   */
  private async vul(schema: string, gemeente: string, checkpoint: Checkpoint | undefined, head: number): Promise<number> {
    const lees = (tot: number, na: string | null) =>
      this.store.readStreams({ gemeente, upTo: tot, afterStreamId: na ?? undefined, limit: this.streamsPerPagina });
    /** Where the fill stands by a checkpoint (none yet: at the start, up to the head). */
    const cursorVan = (cp: Checkpoint | undefined) => ({ klaar: (cp?.positie ?? 0) > 0, tot: cp?.vulTot ?? head, na: cp?.vulNa ?? null });
    let cursor = cursorVan(checkpoint);
    // Each page is read before its transaction opens (the next one while this one is written): a
    // transaction holds back the event store's readers, so it should only write.
    let pagina = lees(cursor.tot, cursor.na);
    let toegepast = 0;
    let klaarTot: number | undefined;
    try {
      for (let ronde = 0; ronde < RONDES && klaarTot === undefined; ronde++) {
        const deze = await pagina;
        const volgende = deze.next === null ? undefined : { tot: cursor.tot, na: deze.next, pagina: lees(cursor.tot, deze.next) };
        volgende?.pagina.catch(() => undefined); // awaited in the next round, or dropped
        let verschoven = false;
        const gedaan = await this.opCheckpoint(schema, gemeente, async (client, cp) => {
          if (cp.positie > 0) return null;
          // Another worker moved the cursor since it was read: this page is not the next one.
          if ((cp.vulTot ?? head) !== cursor.tot || cp.vulNa !== cursor.na) {
            verschoven = true;
            return null;
          }
          if (deze.events.length) await this.schrijf(client, projecteer(deze.events, new Map()));
          if (deze.next !== null) return { vulTot: cursor.tot, vulNa: deze.next };
          klaarTot = cursor.tot;
          return { positie: cursor.tot };
        });
        if (verschoven) {
          cursor = cursorVan((await this.generaties.checkpoints(schema)).get(gemeente));
          if (cursor.klaar) break; // filled already, or followed in global order
          pagina = lees(cursor.tot, cursor.na);
          continue;
        }
        if (!gedaan) break; // another worker holds the gemeente
        toegepast += deze.events.length;
        this.telGeschreven(schema, deze.events.length);
        if (volgende) {
          cursor = { klaar: false, tot: volgende.tot, na: volgende.na };
          pagina = volgende.pagina;
        }
      }
    } finally {
      pagina.catch(() => undefined);
    }
    if (klaarTot !== undefined) this.logger.log(`${schema}: ${gemeente} gevuld tot positie ${klaarTot}`);
    return Math.max(toegepast, klaarTot !== undefined ? 1 : 0);
  }

  /**
   * Applies one gemeente's events (positions up to `tot`) to a generation schema and moves its
   * checkpoint to `tot`, in one transaction. False when another worker is at it or was first.
   */
  async pasToe(schema: string, gemeente: string, events: RecordedEvent[], tot: number): Promise<boolean> {
    return this.opCheckpoint(schema, gemeente, async (client, cp) => {
      // Already there, or a fill of this gemeente is under way (its pages are not in global order).
      if (cp.positie >= tot || cp.vulTot !== null) return null;
      const batch = events.filter((e) => e.globalPosition > cp.positie && e.globalPosition <= tot);
      if (batch.length) await this.schrijf(client, projecteer(batch, await this.laadHuidig(client, batch)));
      this.telGeschreven(schema, batch.length);
      return { positie: tot, laatste: batch.at(-1)?.globalPosition === tot ? batch.at(-1) : undefined };
    });
  }

  /**
   * One transaction on a gemeente's checkpoint row in a generation: takes the gemeente's lock (false
   * when another worker holds it), lets `werk` write, and stores what it answers in the same
   * transaction: the checkpoint moved to `positie` (with the recordedAt of the event there, which
   * `werk` may hand over), or the cursor of a fill under way. `werk` answering null rolls back.
   */
  private async opCheckpoint(
    schema: string,
    gemeente: string,
    werk: (client: pg.PoolClient, cp: Checkpoint) => Promise<
      { positie: number; laatste?: RecordedEvent } | { vulTot: number; vulNa: string } | null
    >,
  ): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
      const { rows: lock } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok`, [
        `${schema}:${gemeente}`,
      ]);
      if (!lock[0]!.ok) {
        await client.query('ROLLBACK');
        return false;
      }
      await client.query(`INSERT INTO rm_checkpoint (gemeente, positie, bijgewerkt_op) VALUES ($1, 0, now()) ON CONFLICT DO NOTHING`, [gemeente]);
      const { rows } = await client.query<Parameters<typeof checkpointUit>[0]>(
        `SELECT ${CHECKPOINT_KOLOMMEN} FROM rm_checkpoint WHERE gemeente = $1 FOR UPDATE`,
        [gemeente],
      );
      const uitkomst = await werk(client, checkpointUit(rows[0]!));
      if (!uitkomst) {
        await client.query('ROLLBACK');
        return false;
      }
      if ('vulNa' in uitkomst) {
        await client.query(`UPDATE rm_checkpoint SET vul_tot = $2, vul_na = $3, bijgewerkt_op = now() WHERE gemeente = $1`, [
          gemeente,
          uitkomst.vulTot,
          uitkomst.vulNa,
        ]);
      } else {
        const laatste = uitkomst.laatste ?? (await this.store.readAll({ after: uitkomst.positie - 1, limit: 1 }))[0];
        await client.query(
          `UPDATE rm_checkpoint SET positie = $2, geregistreerd_op = $3, vul_tot = NULL, vul_na = NULL, bijgewerkt_op = now() WHERE gemeente = $1`,
          [gemeente, uitkomst.positie, laatste?.recordedAt ?? null],
        );
      }
      await client.query('COMMIT');
      return true;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  private async laadHuidig(client: pg.PoolClient, batch: RecordedEvent[]): Promise<Map<string, object>> {
    const huidig = new Map<string, object>();
    const ids = teLaden(batch);
    for (const tabel of Object.keys(ids) as Tabel[]) {
      if (ids[tabel].length === 0) continue;
      const soort = tabel === 'rm_item' ? 'soort' : `'${tabel.slice(3)}'`;
      const { rows } = await client.query<{ id: string; soort: string; state: object }>(
        `SELECT ${ID_KOLOM[tabel]} AS id, ${soort} AS soort, state FROM ${tabel}
          WHERE ${ID_KOLOM[tabel]} = ANY($1::uuid[]) AND known_to IS NULL`,
        [ids[tabel]],
      );
      for (const r of rows) huidig.set(`${r.soort}-${r.id}`, r.state);
    }
    return huidig;
  }

  private async schrijf(client: pg.PoolClient, p: Projectie): Promise<void> {
    for (const tabel of Object.keys(p.versies) as Tabel[]) {
      const gesloten = p.gesloten[tabel];
      if (gesloten.length) {
        await client.query(
          `UPDATE ${tabel} r SET known_to = c.known_to, state = NULL
             FROM unnest($1::uuid[], $2::timestamptz[]) AS c(id, known_to)
            WHERE r.${ID_KOLOM[tabel]} = c.id AND r.known_to IS NULL`,
          [gesloten.map((g) => g.id), gesloten.map((g) => g.knownTo)],
        );
      }
      await kopieerVersies(client, tabel, p.versies[tabel]);
    }
    // The first registration of a client wins (a client stream has one event, but the read model
    // does not rely on it): an INSERT that can skip a conflict, which COPY cannot.
    if (p.clienten.length) {
      await client.query(
        `INSERT INTO rm_client SELECT * FROM jsonb_populate_recordset(NULL::rm_client, $1::jsonb) ON CONFLICT (client_id) DO NOTHING`,
        [JSON.stringify(p.clienten)],
      );
    }
    for (const g of p.bevolkingGesloten) {
      await client.query(`UPDATE rm_bevolking SET known_to = $3 WHERE gemeente = $1 AND jaar = $2 AND known_to IS NULL`, [
        g.gemeente,
        g.jaar,
        g.knownTo,
      ]);
    }
    await kopieerVersies(client, 'rm_bevolking', p.bevolking);
  }
}

/**
 * New versions of one table: the row's own columns, then its transaction-time interval and position;
 * the versioned streams' tables also the state, kept on the current version only (the projector
 * evolves it further; a closed version never is).
 */
async function kopieerVersies(client: pg.PoolClient, tabel: Tabel | 'rm_bevolking', versies: Versie<object>[]): Promise<void> {
  if (versies.length === 0) return;
  const eigen = Object.keys(versies[0]!.rij);
  const metState = tabel !== 'rm_bevolking';
  const kolommen = [...eigen, 'known_from', 'known_to', 'positie', ...(metState ? ['state'] : [])];
  const rijen = versies.map((v) => {
    const rij = v.rij as Record<string, unknown>;
    const waarden = eigen.map((k) => rij[k]);
    waarden.push(v.knownFrom, v.knownTo, v.positie);
    if (metState) waarden.push(v.knownTo ? null : v.state);
    return waarden;
  });
  await kopieer(client, tabel, kolommen, rijen);
}

/** A stable 31-bit key for advisory locks (Java's String.hashCode, kept positive). */
function hashtext32(tekst: string): number {
  let h = 0;
  for (let i = 0; i < tekst.length; i++) h = (Math.imul(31, h) + tekst.charCodeAt(i)) | 0;
  return h & 0x3fffffff;
}
