import { createHmac } from 'node:crypto';

/**
 * The clientId is a keyed hash (HMAC-SHA-256 with the gemeente's pseudonymisation key) of
 * gemeente and BSN, shaped as a UUID (version 8, "custom"). So the same person registered twice in
 * one gemeente lands on the same stream, which the event store's optimistic concurrency makes
 * unique without a lookup table, while the id reveals nothing of the BSN to whoever lacks the key.
 */
export function clientIdVoor(gemeente: string, bsn: string, sleutel: string): string {
  const h = createHmac('sha256', sleutel).update(`${gemeente}:${bsn}`).digest();
  h[6] = (h[6] & 0x0f) | 0x80; // version 8
  h[8] = (h[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const clientStreamId = (clientId: string): string => `client-${clientId}`;
