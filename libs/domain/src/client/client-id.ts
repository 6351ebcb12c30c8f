import { createHmac } from 'node:crypto';

/**
 * The keyed digest of a BSN in a gemeente (HMAC-SHA-256 with PSEUDONIEM_SLEUTEL) under which the
 * BSN index finds an existing client: one person is one client per gemeente. The clientId itself is
 * random, so once the index entry is deleted (vergeten) nothing links a client's history to a BSN,
 * not even for whoever holds the key.
 */
export function bsnDigest(gemeente: string, bsn: string, sleutel: string): Buffer {
  return createHmac('sha256', sleutel).update(`${gemeente}:${bsn}`).digest();
}

export const clientStreamId = (clientId: string): string => `client-${clientId}`;
