import type { Checkpoint } from './checkpoint.js';
import type { ZegelEvent } from './keten.js';

/*
 * GET /audit/export: NDJSON, one object per line, in this order: a `kop`, then every sealed
 * position up to `totPositie` in global order (an `event` of the asked gemeenten, an `ander` for
 * every other event: its link without its content), then the `checkpoint`s that cover them.
 * `verifieer-log` recomputes the chain from these lines alone.
 */

export interface KopRegel {
  soort: 'kop';
  formaat: 'sd-audit-export/1';
  gemeenten: string[];
  totPositie: number;
  gemaakt: string;
  /** The server's public key (SPKI PEM), for convenience: an auditor checks against the copy kept elsewhere. */
  sleutel: string;
}

/** An event of an asked gemeente: its chain form with the hidden fields left out. */
export interface EventRegel extends Omit<ZegelEvent, 'data'> {
  soort: 'event';
  /** The data without the `verborgen` fields; `onthuld` fields as themselves. */
  data: Record<string, unknown>;
  /** Per hidden field its digest, as it is in the chain. */
  verborgen: Record<string, string>;
  /** Per revealed personal field its salt, so its digest can be recomputed. */
  zouten: Record<string, string>;
  /** The chain value the server stored for this position (null: never sealed). */
  keten: string | null;
  /**
   * The revealed personal fields stored encrypted (their ciphertext is in `data`, which the chain
   * covers) as the server decrypted them, or `[vergeten]`: outside the chain, the server's word.
   */
  ontsleuteld?: Record<string, unknown>;
}

/** An event of another gemeente: only what its link needs. */
export interface AnderRegel {
  soort: 'ander';
  positie: number;
  gemeente: string;
  inhoud: string;
  keten: string | null;
}

export interface CheckpointRegel extends Checkpoint {
  soort: 'checkpoint';
}

export type ExportRegel = KopRegel | EventRegel | AnderRegel | CheckpointRegel;
