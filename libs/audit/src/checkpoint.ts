import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canoniek } from './canoniek.js';

/**
 * A signed checkpoint: the chain value at a position, at a time, signed with the server's Ed25519
 * key. What a later change to the log cannot forge without that key; copies live outside the
 * database (NATS, the auditor's files).
 */
export interface Checkpoint {
  positie: number;
  keten: string;
  /** ISO 8601, UTC. */
  tijd: string;
  /** The first 16 hex digits of the SHA-256 of the public key (SPKI, DER). */
  sleutelId: string;
  /** Ed25519 over canoniek({ positie, keten, tijd, sleutelId }), base64. */
  handtekening: string;
}

export const ondertekendeTekst = (c: Omit<Checkpoint, 'handtekening'>): Buffer =>
  Buffer.from(canoniek({ positie: c.positie, keten: c.keten, tijd: c.tijd, sleutelId: c.sleutelId }));

export function sleutelIdVan(publiek: KeyObject): string {
  return createHash('sha256')
    .update(publiek.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** The private key from a PEM (PKCS #8), refused unless it is Ed25519. */
export function leesPriveSleutel(pem: string): KeyObject {
  const sleutel = createPrivateKey(pem);
  if (sleutel.asymmetricKeyType !== 'ed25519') throw new Error('AUDIT_SIGNING_KEY is no Ed25519 private key');
  return sleutel;
}

/** The public key from a PEM (SPKI), refused unless it is Ed25519. */
export function leesPubliekeSleutel(pem: string): KeyObject {
  const sleutel = createPublicKey(pem);
  if (sleutel.asymmetricKeyType !== 'ed25519') throw new Error('no Ed25519 public key');
  return sleutel;
}

export function onderteken(prive: KeyObject, c: Omit<Checkpoint, 'handtekening' | 'sleutelId'>): Checkpoint {
  const zonder = { ...c, sleutelId: sleutelIdVan(createPublicKey(prive)) };
  return { ...zonder, handtekening: sign(null, ondertekendeTekst(zonder), prive).toString('base64') };
}

export function handtekeningKlopt(publiek: KeyObject, c: Checkpoint): boolean {
  return c.sleutelId === sleutelIdVan(publiek) && verify(null, ondertekendeTekst(c), publiek, Buffer.from(c.handtekening, 'base64'));
}
