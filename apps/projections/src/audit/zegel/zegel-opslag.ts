import type { Checkpoint } from '@sd/audit';
import { GENESIS } from '@sd/audit';
import type pg from 'pg';
import type { CheckpointStand, Kop, Zegel } from './verzegel.js';

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** es_zegel and es_zegel_checkpoint: what the sealer reads back on taking over, and writes. */
export class ZegelOpslag {
  constructor(private readonly pool: pg.Pool) {}

  async kop(db: Queryable = this.pool): Promise<Kop> {
    const { rows } = await db.query<{ p: string; keten: string }>(
      `SELECT global_position AS p, keten FROM es_zegel ORDER BY global_position DESC LIMIT 1`,
    );
    return rows[0] ? { positie: Number(rows[0].p), keten: rows[0].keten } : { positie: 0, keten: GENESIS };
  }

  /** The last checkpoint and the seals after it (at most a checkpoint interval and a batch, by construction). */
  async checkpointStand(nu: number): Promise<CheckpointStand> {
    const laatste = await this.laatsteCheckpoint();
    const { rows } = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM es_zegel WHERE global_position > $1`, [
      laatste?.positie ?? 0,
    ]);
    return { positie: laatste?.positie ?? 0, tijd: laatste ? Date.parse(laatste.tijd) : nu, sindsdien: Number(rows[0].n) };
  }

  async laatsteCheckpoint(): Promise<Checkpoint | null> {
    return (await this.checkpoints({ vanPositie: 0, limit: 1, aflopend: true }))[0] ?? null;
  }

  async checkpoints(
    o: { vanPositie: number; totPositie?: number; limit: number; aflopend?: boolean; ongepubliceerd?: boolean },
    db: Queryable = this.pool,
  ): Promise<Checkpoint[]> {
    const { rows } = await db.query<{ positie: string; keten: string; tijd: Date; sleutel_id: string; handtekening: string }>(
      `SELECT positie, keten, tijd, sleutel_id, handtekening FROM es_zegel_checkpoint
        WHERE positie >= $1 AND ($2::bigint IS NULL OR positie <= $2) AND ($4::boolean IS NOT TRUE OR NOT gepubliceerd)
        ORDER BY positie ${o.aflopend ? 'DESC' : 'ASC'} LIMIT $3`,
      [o.vanPositie, o.totPositie ?? null, o.limit, o.ongepubliceerd ?? false],
    );
    return rows.map((r) => ({
      positie: Number(r.positie),
      keten: r.keten,
      tijd: r.tijd.toISOString(),
      sleutelId: r.sleutel_id,
      handtekening: r.handtekening,
    }));
  }

  /**
   * A batch of seals and, when due, its checkpoint, in one transaction: a crash leaves both or
   * neither. A second writer of the same positions fails on the primary key.
   */
  async schrijf(zegels: readonly Zegel[], checkpoint: Checkpoint | null): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (zegels.length > 0) {
        await client.query(
          `INSERT INTO es_zegel (global_position, keten, zouten)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::jsonb[])`,
          [zegels.map((z) => z.positie), zegels.map((z) => z.keten), zegels.map((z) => JSON.stringify(z.zouten))],
        );
      }
      if (checkpoint) {
        await client.query(`INSERT INTO es_zegel_checkpoint (positie, keten, tijd, sleutel_id, handtekening) VALUES ($1, $2, $3, $4, $5)`, [
          checkpoint.positie,
          checkpoint.keten,
          checkpoint.tijd,
          checkpoint.sleutelId,
          checkpoint.handtekening,
        ]);
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async gepubliceerd(positie: number): Promise<void> {
    await this.pool.query(`UPDATE es_zegel_checkpoint SET gepubliceerd = true WHERE positie = $1`, [positie]);
  }
}
