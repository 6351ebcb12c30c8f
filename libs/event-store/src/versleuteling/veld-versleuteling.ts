import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import { persoonlijkeVeldenVan, VERGETEN } from '@sd/contracts';

/*
 * Personal fields at rest (crypto-shredding): each personal field an event's contract declares is
 * stored as `sd1:` + base64 of (12-byte IV | AES-256-GCM ciphertext of the value's JSON | 16-byte
 * tag), under the data key of the client the event is about. The associated data binds a
 * ciphertext to that client and field, so it cannot be moved to another. Destroying the key
 * (vergeten) leaves ciphertext no one can read: the event, its position and the audit chain over
 * it stay as they were.
 */

const PREFIX = 'sd1:';

export const isVersleuteld = (waarde: unknown): waarde is string => typeof waarde === 'string' && waarde.startsWith(PREFIX);

const aad = (clientId: string, veld: string) => Buffer.from(`${clientId}:${veld}`);

/*
 * IVs come from the CSPRNG 512 at a time: a call per IV cost about 2 µs, a third of what the
 * encryption of a field costs in a loop. Each IV is still fresh random bytes, used once.
 */
const IV_LENGTE = 12;
const ivVoorraad = Buffer.alloc(IV_LENGTE * 512);
let ivOffset = ivVoorraad.length;

function nieuwIv(): Buffer {
  if (ivOffset === ivVoorraad.length) {
    randomFillSync(ivVoorraad);
    ivOffset = 0;
  }
  const iv = ivVoorraad.subarray(ivOffset, ivOffset + IV_LENGTE);
  ivOffset += IV_LENGTE;
  return iv;
}

export function versleutelWaarde(waarde: unknown, sleutel: Buffer, clientId: string, veld: string): string {
  const iv = nieuwIv();
  const cipher = createCipheriv('aes-256-gcm', sleutel, iv).setAAD(aad(clientId, veld));
  // GCM is a stream mode: update returns all the ciphertext and final() none.
  const ct = cipher.update(JSON.stringify(waarde), 'utf8');
  cipher.final();
  return PREFIX + Buffer.concat([iv, ct, cipher.getAuthTag()]).toString('base64');
}

export function ontsleutelWaarde(opgeslagen: string, sleutel: Buffer, clientId: string, veld: string): unknown {
  const b = Buffer.from(opgeslagen.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', sleutel, b.subarray(0, 12)).setAAD(aad(clientId, veld));
  decipher.setAuthTag(b.subarray(b.length - 16));
  return JSON.parse(Buffer.concat([decipher.update(b.subarray(12, b.length - 16)), decipher.final()]).toString('utf8'));
}

/** Whether this event carries a personal field (an optional one may be absent). */
export function heeftPersoonlijkeVelden(type: string, data: Record<string, unknown>): boolean {
  const { verborgen, onthuld } = persoonlijkeVeldenVan(type);
  return verborgen.some((v) => data[v] !== undefined) || onthuld.some((v) => data[v] !== undefined);
}

/** The data with each personal field encrypted under the client's key (one copy, only when there is one). */
export function versleutelVelden(type: string, data: Record<string, unknown>, sleutel: Buffer, clientId: string): Record<string, unknown> {
  const { verborgen, onthuld } = persoonlijkeVeldenVan(type);
  let uit: Record<string, unknown> | undefined;
  for (const velden of [verborgen, onthuld])
    for (const v of velden) {
      if (data[v] === undefined) continue;
      uit ??= { ...data };
      uit[v] = versleutelWaarde(data[v], sleutel, clientId, v);
    }
  return uit ?? data;
}

/**
 * The data with each encrypted field read back; with no key (the client is forgotten) each reads
 * VERGETEN. Fields stored before encryption existed are plain and stay as they are.
 */
export function ontsleutelVelden(data: Record<string, unknown>, sleutel: Buffer | null, clientId: string): Record<string, unknown> {
  let uit: Record<string, unknown> | undefined;
  for (const [v, waarde] of Object.entries(data)) {
    if (!isVersleuteld(waarde)) continue;
    uit ??= { ...data };
    uit[v] = sleutel ? ontsleutelWaarde(waarde, sleutel, clientId, v) : VERGETEN;
  }
  return uit ?? data;
}

export const heeftVersleuteld = (data: Record<string, unknown>): boolean => Object.values(data).some(isVersleuteld);
