import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/*
 * A client's data key is stored wrapped by the master key (SLEUTEL_MASTER: in production from a
 * KMS or secret store), AES-256-GCM with the clientId as associated data: the key store alone,
 * without the master key, decrypts nothing, and a wrapped key copied to another client fails.
 */

export const nieuweDataSleutel = (): Buffer => randomBytes(32);

export function omhul(dataSleutel: Buffer, master: Buffer, clientId: string): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', master, iv).setAAD(Buffer.from(clientId));
  const ct = Buffer.concat([c.update(dataSleutel), c.final()]);
  return Buffer.concat([iv, ct, c.getAuthTag()]);
}

export function onthul(omhuld: Buffer, master: Buffer, clientId: string): Buffer {
  const d = createDecipheriv('aes-256-gcm', master, omhuld.subarray(0, 12)).setAAD(Buffer.from(clientId));
  d.setAuthTag(omhuld.subarray(omhuld.length - 16));
  return Buffer.concat([d.update(omhuld.subarray(12, omhuld.length - 16)), d.final()]);
}

/** Only for AUTH_MODE=dev without SLEUTEL_MASTER: a fixed, public key, so dev data survives restarts. */
const DEV_MASTER = createHash('sha256').update('sociaal-domein dev SLEUTEL_MASTER: never in production').digest();

/**
 * The master key from SLEUTEL_MASTER: 32 bytes as base64 or 64 hex digits. Required outside dev
 * mode (npm start keeps one in DATA_DIR).
 */
export function masterSleutelUitEnv(env: NodeJS.ProcessEnv = process.env): Buffer {
  const waarde = env.SLEUTEL_MASTER?.trim();
  if (!waarde) {
    if (env.AUTH_MODE === 'jwt') throw new Error('SLEUTEL_MASTER must be set outside dev mode (32 bytes, base64 or hex)');
    return DEV_MASTER;
  }
  const sleutel = /^[0-9a-f]{64}$/i.test(waarde) ? Buffer.from(waarde, 'hex') : Buffer.from(waarde, 'base64');
  if (sleutel.length !== 32) throw new Error('SLEUTEL_MASTER must be 32 bytes (base64 or 64 hex digits)');
  return sleutel;
}
