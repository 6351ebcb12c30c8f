import { Inject, Injectable, Logger } from '@nestjs/common';
import type pg from 'pg';
import { databaseConfigFromEnv, PG_POOL } from '@sd/database';
import { EVENT_STORE, type EventStore } from '@sd/event-store';
import { mijnGemeenten } from './verdeling.js';

const SLOTS = 64;

/**
 * Which gemeenten this worker applies. Each worker holds a slot and the lease of each of its
 * gemeenten as PostgreSQL session advisory locks on a connection of its own, so a dead worker's
 * locks vanish with its connection and the others take its gemeenten over at their next rebalance.
 * Leases only spread the work; exactly-once comes from the checkpoint row (CheckpointStore).
 */
@Injectable()
export class GemeenteLeases {
  private readonly logger = new Logger(GemeenteLeases.name);
  private readonly ns = hashtext32(`${databaseConfigFromEnv().schema}.projectie`);
  private client?: pg.PoolClient;
  private slot?: number;
  private readonly leases = new Set<string>();

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The gemeenten this worker holds the lease of. */
  share(): string[] {
    return [...this.leases].sort();
  }

  slotNumber(): number | null {
    return this.slot ?? null;
  }

  /**
   * Takes a worker slot, then the leases of this worker's share of the gemeenten; lets go of the
   * rest. True when the share changed (a new gemeente, a worker come or gone, a slot taken again).
   */
  async rebalance(): Promise<boolean> {
    const voor = this.share().join();
    const client = this.client ?? (await this.takeSlot());
    const { rows } = await client.query<{ slot: number }>(
      `SELECT objid::int AS slot FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = $1::int::oid AND objid < $2`,
      [this.ns, SLOTS],
    );
    const mine = new Set(
      mijnGemeenten(
        await this.store.gemeenten(),
        rows.map((r) => r.slot),
        this.slot!,
      ),
    );
    for (const g of [...this.leases].filter((g) => !mine.has(g))) {
      await client.query(`SELECT pg_advisory_unlock($1, $2)`, [this.ns + 1, hashtext32(g)]);
      this.leases.delete(g);
    }
    for (const g of [...mine].filter((g) => !this.leases.has(g))) {
      const { rows: lock } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock($1, $2) AS ok`, [this.ns + 1, hashtext32(g)]);
      if (lock[0].ok) this.leases.add(g); // else its previous owner has not let go yet: next round
    }
    return this.share().join() !== voor;
  }

  /** Drops the connection and with it every lock (after an error: the next rebalance starts afresh). */
  forget(): void {
    this.client?.release(true);
    this.client = undefined;
    this.slot = undefined;
    this.leases.clear();
  }

  /** Lets go of the leases at shutdown. */
  release(): void {
    this.client?.release();
    this.client = undefined;
  }

  private async takeSlot(): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    client.on('error', () => this.forget());
    for (let slot = 0; slot < SLOTS; slot++) {
      const { rows } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock($1, $2) AS ok`, [this.ns, slot]);
      if (rows[0].ok) {
        this.slot = slot;
        break;
      }
    }
    if (this.slot === undefined) {
      client.release();
      throw new Error(`all ${SLOTS} projection worker slots are taken`);
    }
    this.client = client;
    this.logger.log(`projection worker slot ${this.slot}`);
    return client;
  }
}

/** A stable 31-bit key for advisory locks (Java's String.hashCode, kept positive). */
function hashtext32(tekst: string): number {
  let h = 0;
  for (let i = 0; i < tekst.length; i++) h = (Math.imul(31, h) + tekst.charCodeAt(i)) | 0;
  return h & 0x3fffffff;
}
