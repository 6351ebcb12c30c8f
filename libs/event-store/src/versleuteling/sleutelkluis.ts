import type pg from 'pg';
import { sleutelkluisSchema } from '@sd/database';
import { nieuweDataSleutel, omhul, onthul } from './sleutel-omhulling.js';

/** How long, and for how many clients at most, a key stays in memory for writing. */
const SCHRIJF_SLEUTEL_MS = 10 * 60_000;
const SCHRIJF_SLEUTELS_MAX = 100_000;

export class ClientVergetenError extends Error {
  constructor(readonly clientId: string) {
    super(`client ${clientId} is vergeten: nothing about them can be stored any more`);
    this.name = 'ClientVergetenError';
  }
}

/**
 * The clients' data keys and the index of keyed BSN digests, in their own schema: never exported,
 * backed up on a policy of its own (README, Privacy). A forgotten client keeps a row without key
 * (so a late write is refused rather than given a new key) and loses its index entry.
 */
export class Sleutelkluis {
  private readonly t: { sleutel: string; bsn: string };
  private readonly schrijfSleutels = new Map<string, { sleutel: Buffer; tot: number }>();
  private readonly naam: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
    private readonly master: Buffer,
  ) {
    const s = `"${sleutelkluisSchema(schema)}"`;
    // Named (prepared once per connection): these run on every command.
    this.naam = `sk_${schema}`;
    this.t = { sleutel: `${s}.client_sleutel`, bsn: `${s}.bsn_index` };
  }

  /**
   * The client's key for writing, made on first use. Kept in memory for a while (one round trip
   * less per command): the event store refuses an event about a forgotten client itself (es_append,
   * migration 1763900000012), so a key held here never writes for one. Reading never
   * uses it (sleutelsVoorLezen), so an erasure stops decrypting at once in every process.
   */
  async sleutelVoorSchrijven(clientId: string, gemeente: string): Promise<Buffer> {
    const bekend = this.schrijfSleutels.get(clientId);
    if (bekend && bekend.tot > Date.now()) return bekend.sleutel;
    // A plain read first: the key exists after the client's first event, and an INSERT … ON CONFLICT
    // would take a transaction id and a commit of its own on every command.
    let { rows } = await this.pool.query<{ sleutel: Buffer | null }>({
      name: `${this.naam}_een`,
      text: `SELECT sleutel FROM ${this.t.sleutel} WHERE client_id = $1`,
      values: [clientId],
    });
    if (rows.length === 0) {
      ({ rows } = await this.pool.query<{ sleutel: Buffer | null }>(
        `WITH nieuw AS (
           INSERT INTO ${this.t.sleutel} (client_id, gemeente, sleutel) VALUES ($1, $2, $3) ON CONFLICT (client_id) DO NOTHING RETURNING sleutel)
         SELECT sleutel FROM nieuw UNION ALL SELECT sleutel FROM ${this.t.sleutel} WHERE client_id = $1 LIMIT 1`,
        [clientId, gemeente, omhul(nieuweDataSleutel(), this.master, clientId)],
      ));
    }
    if (!rows[0]?.sleutel) throw new ClientVergetenError(clientId);
    const sleutel = onthul(rows[0].sleutel, this.master, clientId);
    this.onthoudVoorSchrijven(clientId, sleutel);
    return sleutel;
  }

  private onthoudVoorSchrijven(clientId: string, sleutel: Buffer): void {
    if (this.schrijfSleutels.size >= SCHRIJF_SLEUTELS_MAX) this.schrijfSleutels.clear();
    this.schrijfSleutels.set(clientId, { sleutel, tot: Date.now() + SCHRIJF_SLEUTEL_MS });
  }

  /**
   * Keys for reading, in one query and never from memory (a key destroyed in another process must
   * stop decrypting at once): null for a forgotten client or one without a key. What is read is
   * remembered for writing: a command reads its client's stream before it appends.
   */
  async sleutelsVoorLezen(clientIds: string[]): Promise<Map<string, Buffer | null>> {
    const { rows } = await this.pool.query<{ client_id: string; sleutel: Buffer | null }>({
      name: `${this.naam}_lezen`,
      text: `SELECT client_id, sleutel FROM ${this.t.sleutel} WHERE client_id = ANY($1::uuid[])`,
      values: [clientIds],
    });
    const uit = new Map<string, Buffer | null>(clientIds.map((id) => [id, null]));
    for (const r of rows) {
      const sleutel = r.sleutel ? onthul(r.sleutel, this.master, r.client_id) : null;
      uit.set(r.client_id, sleutel);
      if (sleutel) this.onthoudVoorSchrijven(r.client_id, sleutel);
    }
    return uit;
  }

  /**
   * Claims a BSN digest for a new client in a gemeente: null when claimed now, else the clientId that
   * holds it (one person is one client per gemeente).
   */
  async claimBsn(gemeente: string, digest: Buffer, clientId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ client_id: string }>(
      `WITH nieuw AS (
         INSERT INTO ${this.t.bsn} (gemeente, digest, client_id) VALUES ($1, $2, $3) ON CONFLICT (gemeente, digest) DO NOTHING RETURNING client_id)
       SELECT client_id FROM nieuw UNION ALL SELECT client_id FROM ${this.t.bsn} WHERE gemeente = $1 AND digest = $2 LIMIT 1`,
      [gemeente, digest, clientId],
    );
    return rows[0]?.client_id === clientId ? null : (rows[0]?.client_id ?? null);
  }

  /** Releases a claim whose registration was not stored (so the BSN can register again). */
  async geefBsnVrij(gemeente: string, digest: Buffer, clientId: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.t.bsn} WHERE gemeente = $1 AND digest = $2 AND client_id = $3`, [gemeente, digest, clientId]);
  }

  /** Destroys the client's key and index entry in one transaction; false when it was forgotten already. */
  async vergeet(clientId: string, gemeente: string): Promise<boolean> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(`DELETE FROM ${this.t.bsn} WHERE client_id = $1`, [clientId]);
      const { rowCount } = await c.query(
        `INSERT INTO ${this.t.sleutel} (client_id, gemeente, sleutel, vergeten_op) VALUES ($1, $2, NULL, now())
         ON CONFLICT (client_id) DO UPDATE SET sleutel = NULL, vergeten_op = now() WHERE ${this.t.sleutel}.sleutel IS NOT NULL`,
        [clientId, gemeente],
      );
      await c.query('COMMIT');
      this.schrijfSleutels.delete(clientId);
      return rowCount === 1;
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    } finally {
      c.release();
    }
  }

  /** Of these clients, those whose key or BSN index entry still exists (an erasure cut off halfway). */
  async nogTeVernietigen(clientIds: string[]): Promise<string[]> {
    if (clientIds.length === 0) return [];
    const { rows } = await this.pool.query<{ client_id: string }>(
      `SELECT client_id FROM ${this.t.sleutel} WHERE client_id = ANY($1::uuid[]) AND sleutel IS NOT NULL
       UNION SELECT client_id FROM ${this.t.bsn} WHERE client_id = ANY($1::uuid[])`,
      [clientIds],
    );
    return rows.map((r) => r.client_id);
  }

  /** Whether the client is forgotten (its key destroyed). */
  async isVergeten(clientId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ vergeten: boolean }>(
      `SELECT sleutel IS NULL AS vergeten FROM ${this.t.sleutel} WHERE client_id = $1`,
      [clientId],
    );
    return rows[0]?.vergeten ?? false;
  }
}
