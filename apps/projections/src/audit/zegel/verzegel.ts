import { inhoudVan, nieuweZouten, volgendeKeten, zegelVorm } from '@sd/audit';
import type { RecordedEvent } from '@sd/event-store';

/** Where the chain stands: the last sealed position and its chain value (0 and GENESIS before the first). */
export interface Kop {
  positie: number;
  keten: string;
}

/** One es_zegel row. */
export interface Zegel {
  positie: number;
  keten: string;
  zouten: Record<string, string>;
}

/**
 * Seals a batch read in global order after `kop`: each event gets fresh salts for its personal
 * fields and its link over the one before. Pure apart from the salts' randomness; the caller writes
 * the rows and moves the kop in one transaction.
 */
export function verzegel(kop: Kop, events: readonly RecordedEvent[]): { zegels: Zegel[]; kop: Kop } {
  const zegels: Zegel[] = [];
  let { positie, keten } = kop;
  for (const e of events) {
    if (e.globalPosition <= positie) throw new Error(`event ${e.globalPosition} is not after the sealed position ${positie}`);
    const zouten = nieuweZouten(e.type, e.data);
    keten = volgendeKeten(keten, e.globalPosition, e.gemeente, inhoudVan(zegelVorm(e, zouten)));
    positie = e.globalPosition;
    zegels.push({ positie, keten, zouten });
  }
  return { zegels, kop: { positie, keten } };
}

/** The last checkpoint and how many events were sealed after it. */
export interface CheckpointStand {
  positie: number;
  /** ms since the epoch. */
  tijd: number;
  sindsdien: number;
}

/** A checkpoint is due after `events` sealed events or `seconden` since the last, and only over something new. */
export function checkpointNodig(stand: CheckpointStand, nu: number, regels: { events: number; seconden: number }): boolean {
  if (stand.sindsdien === 0) return false;
  return stand.sindsdien >= regels.events || nu - stand.tijd >= regels.seconden * 1000;
}

/** How many events to read next, so that a checkpoint falls exactly on every `events`-th one. */
export function volgendeLimiet(stand: CheckpointStand, batch: number, events: number): number {
  return Math.max(1, Math.min(batch, events - stand.sindsdien));
}
