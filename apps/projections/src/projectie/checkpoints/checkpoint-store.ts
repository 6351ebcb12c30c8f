import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL, quoteIdent } from '@sd/database';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@sd/event-store';

/** How far one gemeente of a generation is applied (`rm_checkpoint`, one row per gemeente). */
export interface Checkpoint {
  positie: number;
  geregistreerdOp: Date | null;
  /** A fill under way (a generation being built): up to which position, and the last stream id done. */
  vulTot: number | null;
  vulNa: string | null;
}

/** What a transaction on a checkpoint answers: the checkpoint moved, a fill's cursor moved, or nothing (roll back). */
export type CheckpointMove = { positie: number; laatste?: RecordedEvent } | { vulTot: number; vulNa: string } | null;

const COLUMNS = 'positie, geregistreerd_op, vul_tot, vul_na';
type CheckpointRow = { positie: string; geregistreerd_op: Date | null; vul_tot: string | null; vul_na: string | null };

function fromRow(r: CheckpointRow): Checkpoint {
  return {
    positie: Number(r.positie),
    geregistreerdOp: r.geregistreerd_op,
    vulTot: r.vul_tot === null ? null : Number(r.vul_tot),
    vulNa: r.vul_na,
  };
}

/**
 * The checkpoints of a generation's gemeenten. A checkpoint moves only in the transaction that
 * writes the rows it covers, under the gemeente's lock and compared with the row read FOR UPDATE
 * there: that is what makes applying exactly-once, whoever holds which lease.
 */
@Injectable()
export class CheckpointStore {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Every gemeente's checkpoint in a generation schema. */
  async read(schema: string): Promise<Map<string, Checkpoint>> {
    const { rows } = await this.pool.query<{ gemeente: string } & CheckpointRow>(
      `SELECT gemeente, ${COLUMNS} FROM ${quoteIdent(schema)}.rm_checkpoint`,
    );
    return new Map(rows.map((r) => [r.gemeente, fromRow(r)]));
  }

  /** Up to which position all these gemeenten are applied (0 when none is given). */
  async minimum(schema: string, gemeenten: string[]): Promise<number> {
    const cp = await this.read(schema);
    return gemeenten.length ? Math.min(...gemeenten.map((g) => cp.get(g)?.positie ?? 0)) : 0;
  }

  /**
   * One transaction on a gemeente's checkpoint row in a generation: takes the gemeente's lock (false
   * when another worker holds it), lets `work` write, and stores what it answers in the same
   * transaction: the checkpoint moved to `positie` (with the recordedAt of the event there, which
   * `work` may hand over), or the cursor of a fill under way. `work` answering null rolls back.
   */
  async transaction(
    schema: string,
    gemeente: string,
    work: (client: pg.PoolClient, cp: Checkpoint) => Promise<CheckpointMove>,
  ): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
      const { rows: lock } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok`, [
        `${schema}:${gemeente}`,
      ]);
      if (!lock[0].ok) {
        await client.query('ROLLBACK');
        return false;
      }
      await client.query(`INSERT INTO rm_checkpoint (gemeente, positie, bijgewerkt_op) VALUES ($1, 0, now()) ON CONFLICT DO NOTHING`, [
        gemeente,
      ]);
      const { rows } = await client.query<CheckpointRow>(`SELECT ${COLUMNS} FROM rm_checkpoint WHERE gemeente = $1 FOR UPDATE`, [gemeente]);
      const move = await work(client, fromRow(rows[0]));
      if (!move) {
        await client.query('ROLLBACK');
        return false;
      }
      if ('vulNa' in move) {
        await client.query(`UPDATE rm_checkpoint SET vul_tot = $2, vul_na = $3, bijgewerkt_op = now() WHERE gemeente = $1`, [
          gemeente,
          move.vulTot,
          move.vulNa,
        ]);
      } else {
        const laatste = move.laatste ?? (await this.store.eventAt(move.positie));
        await client.query(
          `UPDATE rm_checkpoint SET positie = $2, geregistreerd_op = $3, vul_tot = NULL, vul_na = NULL, bijgewerkt_op = now() WHERE gemeente = $1`,
          [gemeente, move.positie, laatste?.recordedAt ?? null],
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
}
