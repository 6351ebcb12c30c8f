import { createHash } from 'node:crypto';
import { canoniek } from './canoniek.js';

/*
 * The hash chain over every stored event, in global order:
 *
 *   inhoud(e)  = SHA-256(canoniek(the event as stored, personal fields as digests))
 *   keten(p)   = SHA-256(canoniek({ vorige: keten(p'), positie: p, gemeente, inhoud }))
 *
 * where p' is the position sealed before p (positions may have gaps) and keten before the first
 * event is GENESIS. The position and gemeente are in the link itself, so an export for one gemeente
 * can carry the other gemeenten's events as (positie, gemeente, inhoud) alone and still be checked
 * link by link: an event left out, inserted, swapped or changed breaks the chain at that position,
 * and claiming an own event to be another gemeente's changes the link as well.
 */

export const GENESIS = '0'.repeat(64);

/** An event as the chain sees it. Personal fields in `data` are already replaced by `{ digest }`. */
export interface ZegelEvent {
  positie: number;
  streamId: string;
  streamVersie: number;
  type: string;
  schemaVersie: number;
  /** ISO 8601 with milliseconds, UTC (`Date.toISOString()`): the stored recordedAt. */
  geregistreerdOp: string;
  gemeente: string;
  actor: string;
  correlatie: string;
  causatie: string | null;
  data: Record<string, unknown>;
}

const sha256 = (tekst: string) => createHash('sha256').update(tekst).digest('hex');

/** inhoud(e): the digest of the event's canonical form. */
export function inhoudVan(e: ZegelEvent): string {
  return sha256(canoniek(e));
}

/** keten(p) from the value before it. */
export function volgendeKeten(vorige: string, positie: number, gemeente: string, inhoud: string): string {
  return sha256(canoniek({ vorige, positie, gemeente, inhoud }));
}
