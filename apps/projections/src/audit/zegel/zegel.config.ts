import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { leesPriveSleutel, sleutelIdVan } from '@sd/audit';

export const ZEGEL_CONFIG = Symbol('ZEGEL_CONFIG');

export interface ZegelConfig {
  /** The Ed25519 key checkpoints are signed with, and its public half. */
  prive: KeyObject;
  publiek: KeyObject;
  sleutelId: string;
  /** No AUDIT_SIGNING_KEY in dev mode: a key of this process only (its checkpoints verify only against it). */
  tijdelijk: boolean;
  /** A checkpoint after this many sealed events… */
  checkpointEvents: number;
  /** …or this many seconds after the last one, whichever first (only when something new was sealed). */
  checkpointSeconden: number;
  /** Events read and sealed per transaction. */
  batch: number;
  /** Where checkpoints are copied (JetStream); null: not copied. */
  nats: { url: string; stream: string; subject: string } | null;
}

const getal = (env: NodeJS.ProcessEnv, naam: string, standaard: number): number => {
  const waarde = Number(env[naam] ?? standaard);
  if (!Number.isInteger(waarde) || waarde < 1) throw new Error(`${naam} must be a positive whole number`);
  return waarde;
};

/**
 * The sealer's settings. The key is a PEM (PKCS #8); env files that cannot hold several lines may
 * write its line breaks as `\n`. Production (AUTH_MODE=jwt) refuses to start without it: checkpoints
 * signed by a key nobody kept prove nothing.
 */
export function zegelConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ZegelConfig {
  const pem = env.AUDIT_SIGNING_KEY?.replace(/\\n/g, '\n').trim();
  if (!pem && env.AUTH_MODE === 'jwt') {
    throw new Error('AUTH_MODE=jwt needs AUDIT_SIGNING_KEY (an Ed25519 private key, PEM) to sign the audit checkpoints');
  }
  const prive = pem ? leesSleutel(pem) : generateKeyPairSync('ed25519').privateKey;
  const publiek = createPublicKey(prive);
  return {
    prive,
    publiek,
    sleutelId: sleutelIdVan(publiek),
    tijdelijk: !pem,
    checkpointEvents: getal(env, 'AUDIT_CHECKPOINT_EVENTS', 10_000),
    checkpointSeconden: getal(env, 'AUDIT_CHECKPOINT_SECONDEN', 60),
    batch: getal(env, 'AUDIT_ZEGEL_BATCH', 2_000),
    nats: env.NATS_URL ? { url: env.NATS_URL, stream: 'SD_AUDIT', subject: 'sd.audit.checkpoint' } : null,
  };
}

function leesSleutel(pem: string): KeyObject {
  try {
    return leesPriveSleutel(pem);
  } catch {
    throw new Error('AUDIT_SIGNING_KEY is no Ed25519 private key in PEM (PKCS #8): make one with `openssl genpkey -algorithm ed25519`');
  }
}
