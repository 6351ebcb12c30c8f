/** WAL and checkpoint counters around a phase: they show whether max_wal_size fits a rebuild. */
import type pg from 'pg';

export interface WalStand {
  /** Bytes of WAL written. */
  bytes: number;
  /** Full-page images among them: each page's first change after a checkpoint is written whole. */
  fpi: number;
  /** Checkpoints forced because the WAL since the last one passed max_wal_size. */
  requested: number;
  /** Checkpoints on checkpoint_timeout. */
  timed: number;
  /** Buffers the checkpoints wrote. */
  buffers: number;
}

/** PostgreSQL's cumulative counters (PostgreSQL 17+: pg_stat_checkpointer). */
export async function walStand(pool: pg.Pool): Promise<WalStand> {
  const { rows } = await pool.query<Record<keyof WalStand, string>>(
    `SELECT w.wal_bytes AS bytes, w.wal_fpi AS fpi, c.num_requested AS requested, c.num_timed AS timed, c.buffers_written AS buffers
       FROM pg_stat_wal w, pg_stat_checkpointer c`,
  );
  const r = rows[0];
  return { bytes: Number(r.bytes), fpi: Number(r.fpi), requested: Number(r.requested), timed: Number(r.timed), buffers: Number(r.buffers) };
}

export function walVerschil(van: WalStand, tot: WalStand): WalStand {
  return {
    bytes: tot.bytes - van.bytes,
    fpi: tot.fpi - van.fpi,
    requested: tot.requested - van.requested,
    timed: tot.timed - van.timed,
    buffers: tot.buffers - van.buffers,
  };
}

/** One log line. */
export function walRegel(w: WalStand): string {
  const n = (x: number) => x.toLocaleString('en');
  return `WAL ${n(Math.round(w.bytes / 1024 / 1024))} MB (${n(w.fpi)} full-page images); checkpoints ${w.requested} requested by WAL volume, ${w.timed} on time; ${n(w.buffers)} buffers written by them`;
}
