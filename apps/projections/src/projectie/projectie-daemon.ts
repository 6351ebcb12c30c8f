import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL, quoteIdent } from '@sd/database';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@sd/event-store';
import { type Generatie, Generaties } from './generaties.service.js';
import { ID_KOLOM, type Projectie, projecteer, type Tabel, teLaden } from './projector.js';

/** Events applied per transaction: large enough to amortise the commit, small enough to stay responsive. */
const BATCH = Number(process.env.PROJECTIE_BATCH ?? 2000);
const RUST_MS = Number(process.env.PROJECTIE_INTERVAL_MS ?? 100);

/**
 * Applies the event store to the read models: it reads from each generation's checkpoint (never
 * from NATS) and writes a batch and the new checkpoint in one transaction, so a crash at any
 * point resumes exactly where the last commit left off. A transaction-level advisory lock per
 * generation makes several daemons (several app instances) apply each event exactly once.
 */
@Injectable()
export class ProjectieDaemon implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectieDaemon.name);
  private stoppen = false;
  private lus?: Promise<void>;
  private wekker?: () => void;

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

  async onApplicationShutdown(): Promise<void> {
    this.stoppen = true;
    this.wekker?.();
    await this.lus;
  }

  /** Look for new events now rather than after the pause (a report waits for a position). */
  wek(): void {
    this.wekker?.();
  }

  private async draai(): Promise<void> {
    while (!this.stoppen) {
      let werk = false;
      try {
        for (const generatie of await this.generaties.alle()) {
          werk = (await this.stap(generatie)) || werk;
        }
      } catch (e) {
        if (this.stoppen) return;
        this.logger.error({ err: e }, 'projection batch failed; retrying');
      }
      if (!werk && !this.stoppen) {
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

  /** Applies one batch to a generation; true when it applied something. */
  async stap(generatie: Generatie): Promise<boolean> {
    const checkpoint = await this.generaties.checkpoint(generatie.schema);
    const batch = await this.store.readAll({ after: checkpoint, limit: BATCH });
    if (batch.length === 0) return false;
    return this.pasToe(generatie.schema, batch);
  }

  /** Applies events to one generation schema in one transaction with its checkpoint. */
  async pasToe(schema: string, events: RecordedEvent[]): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
      const { rows: lock } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok`, [schema]);
      if (!lock[0]!.ok) {
        await client.query('ROLLBACK');
        return false; // another daemon is applying to this generation
      }
      const { rows } = await client.query<{ positie: string }>(`SELECT positie FROM rm_checkpoint FOR UPDATE`);
      const vanaf = Number(rows[0]!.positie);
      const batch = events.filter((e) => e.globalPosition > vanaf);
      if (batch.length === 0) {
        await client.query('ROLLBACK');
        return false;
      }
      const projectie = projecteer(batch, await this.laadHuidig(client, batch));
      await this.schrijf(client, projectie);
      await client.query(`UPDATE rm_checkpoint SET positie = $1, geregistreerd_op = $2, bijgewerkt_op = now()`, [
        batch.at(-1)!.globalPosition,
        batch.at(-1)!.recordedAt,
      ]);
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
          `UPDATE ${tabel} r SET known_to = c.known_to
             FROM unnest($1::uuid[], $2::timestamptz[]) AS c(id, known_to)
            WHERE r.${ID_KOLOM[tabel]} = c.id AND r.known_to IS NULL`,
          [gesloten.map((g) => g.id), gesloten.map((g) => g.knownTo)],
        );
      }
      const versies = p.versies[tabel];
      if (versies.length) {
        const rijen = versies.map((v) => ({ ...v.rij, known_from: v.knownFrom, known_to: v.knownTo, positie: v.positie, state: v.state }));
        await client.query(`INSERT INTO ${tabel} SELECT * FROM jsonb_populate_recordset(NULL::${tabel}, $1::jsonb)`, [
          JSON.stringify(rijen),
        ]);
      }
    }
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
    if (p.bevolking.length) {
      const rijen = p.bevolking.map((v) => ({ ...v.rij, known_from: v.knownFrom, known_to: v.knownTo, positie: v.positie }));
      await client.query(`INSERT INTO rm_bevolking SELECT * FROM jsonb_populate_recordset(NULL::rm_bevolking, $1::jsonb)`, [
        JSON.stringify(rijen),
      ]);
    }
  }
}
