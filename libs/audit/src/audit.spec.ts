import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import '@sd/contracts';
import type { RecordedEvent } from '@sd/event-store';
import { canoniek } from './canoniek.js';
import { handtekeningKlopt, leesPriveSleutel, onderteken } from './checkpoint.js';
import { GENESIS, inhoudVan, volgendeKeten } from './keten.js';
import { nieuweZouten, veldDigest } from './verborgen.js';
import { zegelVorm } from './zegel-vorm.js';

const client = (positie: number, bsn: string): RecordedEvent => ({
  eventId: '6f1c1c1e-58a5-4d52-9a57-2b3d2c1f7a10',
  streamId: 'client-6f1c1c1e-58a5-4d52-9a57-2b3d2c1f7a10',
  streamType: 'client',
  streamVersion: 1,
  globalPosition: positie,
  type: 'ClientGeregistreerd',
  schemaVersion: 1,
  data: { clientId: '6f1c1c1e-58a5-4d52-9a57-2b3d2c1f7a10', bsn, geboortedatum: '1980-02-29', geslacht: 'v', gemeente: 'GM0005' },
  gemeente: 'GM0005',
  actorId: 'consulent-1',
  correlationId: 'c-1',
  causationId: null,
  metadata: {},
  recordedAt: new Date('2016-03-01T09:00:00.123Z'),
});

describe('the audit chain', () => {
  it('writes JSON canonically (RFC 8785): key order and number forms do not matter', () => {
    expect(canoniek({ b: 1, a: [1.0, 'x', null] })).toBe('{"a":[1,"x",null],"b":1}');
    expect(canoniek({ a: 1e21 })).toBe('{"a":1e+21}');
  });

  it('puts personal fields in as salted digests: the form holds no BSN, and another salt gives another digest', () => {
    const e = client(1, '123456782');
    const zouten = nieuweZouten(e.type, e.data);
    expect(Object.keys(zouten).sort()).toEqual(['bsn', 'geboortedatum', 'geslacht']);
    const vorm = zegelVorm(e, zouten);
    expect(JSON.stringify(vorm)).not.toContain('123456782');
    expect(JSON.stringify(vorm)).not.toContain('1980-02-29');
    expect(vorm.data.bsn).toEqual({ digest: veldDigest(zouten.bsn, '123456782') });
    expect(veldDigest(nieuweZouten(e.type, e.data).bsn, '123456782')).not.toBe(veldDigest(zouten.bsn, '123456782'));
  });

  it('changes the link when the content, the position or the gemeente changes', () => {
    const zouten = nieuweZouten('ClientGeregistreerd', client(1, '123456782').data);
    const inhoud = inhoudVan(zegelVorm(client(1, '123456782'), zouten));
    const k = volgendeKeten(GENESIS, 1, 'GM0005', inhoud);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(volgendeKeten(GENESIS, 1, 'GM0005', inhoudVan(zegelVorm(client(1, '111222333'), zouten)))).not.toBe(k);
    expect(volgendeKeten(GENESIS, 2, 'GM0005', inhoud)).not.toBe(k);
    expect(volgendeKeten(GENESIS, 1, 'GM0006', inhoud)).not.toBe(k);
    expect(volgendeKeten(k, 1, 'GM0005', inhoud)).not.toBe(k);
  });

  it('signs checkpoints with Ed25519; another key or a changed value does not verify', () => {
    const paar = generateKeyPairSync('ed25519');
    const prive = leesPriveSleutel(paar.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const c = onderteken(prive, { positie: 10, keten: 'a'.repeat(64), tijd: '2026-12-01T10:00:00.000Z' });
    expect(handtekeningKlopt(paar.publicKey, c)).toBe(true);
    expect(handtekeningKlopt(paar.publicKey, { ...c, keten: 'b'.repeat(64) })).toBe(false);
    expect(handtekeningKlopt(paar.publicKey, { ...c, positie: 11 })).toBe(false);
    expect(handtekeningKlopt(generateKeyPairSync('ed25519').publicKey, c)).toBe(false);
    expect(() =>
      leesPriveSleutel(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    ).toThrow(/Ed25519/);
  });
});
