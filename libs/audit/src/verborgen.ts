import { createHmac, randomBytes } from 'node:crypto';
import { persoonlijkeVeldenVan } from '@sd/contracts';
import { canoniek } from './canoniek.js';

/*
 * Personal fields (declared per event type in its contract: `persoonlijk`) enter the hash chain as
 * salted digests, never as themselves: the chain verifies from an auditor's export without them,
 * and keeps verifying once they are erased. Each personal field of each event has its own random
 * salt, kept beside the chain on the server; a hidden field's digest cannot be reversed by trying
 * every BSN without it. An `onthuld` field is exported with its salt, so the auditor recomputes its
 * digest from the value.
 */

/** The personal fields an event actually carries (an optional field may be absent). */
export function persoonlijkeVelden(type: string, data: Record<string, unknown>): { verborgen: string[]; onthuld: string[] } {
  const v = persoonlijkeVeldenVan(type);
  return { verborgen: v.verborgen.filter((k) => k in data), onthuld: v.onthuld.filter((k) => k in data) };
}

/** A fresh salt per personal field of an event, made when it is sealed (16 random bytes, base64). */
export function nieuweZouten(type: string, data: Record<string, unknown>): Record<string, string> {
  const { verborgen, onthuld } = persoonlijkeVelden(type, data);
  return Object.fromEntries([...verborgen, ...onthuld].map((k) => [k, randomBytes(16).toString('base64')]));
}

/** The digest a personal field enters the chain as: HMAC-SHA-256 keyed by its salt over the value's canonical JSON, hex. */
export function veldDigest(zout: string, waarde: unknown): string {
  return createHmac('sha256', Buffer.from(zout, 'base64')).update(canoniek(waarde)).digest('hex');
}

/** The data as the chain sees it: each salted field replaced by `{ digest }`. */
export function metDigests(data: Record<string, unknown>, zouten: Record<string, string>): Record<string, unknown> {
  const uit: Record<string, unknown> = { ...data };
  for (const [veld, zout] of Object.entries(zouten)) if (veld in data) uit[veld] = { digest: veldDigest(zout, data[veld]) };
  return uit;
}
