import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import '@sd/contracts';
import { GENESIS, inhoudVan, volgendeKeten, zegelVorm } from '@sd/audit';
import type { RecordedEvent } from '@sd/event-store';
import { checkpointNodig, volgendeLimiet, verzegel } from './verzegel.js';
import { zegelConfigFromEnv } from './zegel.config.js';

const event = (positie: number, gemeente = 'GM0005'): RecordedEvent => ({
  eventId: `00000000-0000-4000-8000-${String(positie).padStart(12, '0')}`,
  streamId: `client-00000000-0000-4000-8000-${String(positie).padStart(12, '0')}`,
  streamType: 'client',
  streamVersion: 1,
  globalPosition: positie,
  type: 'ClientGeregistreerd',
  schemaVersion: 1,
  data: { clientId: 'c', bsn: '123456782', geboortedatum: '1980-02-29', geslacht: 'v', gemeente },
  gemeente,
  actorId: 'consulent-1',
  correlationId: 'c-1',
  causationId: null,
  metadata: {},
  recordedAt: new Date('2016-03-01T09:00:00.123Z'),
});

describe('sealing a batch', () => {
  it('links every event over the one before, with fresh salts for its personal fields', () => {
    const events = [event(1), event(2, 'GM0006'), event(5)];
    const { zegels, kop } = verzegel({ positie: 0, keten: GENESIS }, events);
    expect(zegels.map((z) => z.positie)).toEqual([1, 2, 5]);
    expect(Object.keys(zegels[0].zouten).sort()).toEqual(['bsn', 'geboortedatum', 'geslacht']);
    expect(zegels[0].zouten.bsn).not.toBe(zegels[2].zouten.bsn);
    let vorige = GENESIS;
    events.forEach((e, i) => {
      vorige = volgendeKeten(vorige, e.globalPosition, e.gemeente, inhoudVan(zegelVorm(e, zegels[i].zouten)));
      expect(zegels[i].keten).toBe(vorige);
    });
    expect(kop).toEqual({ positie: 5, keten: vorige });
  });

  it('continues the same chain across batches and after a restart from the stored kop', () => {
    const events = [1, 2, 3, 4, 7, 8].map((p) => event(p));
    const heel = verzegel({ positie: 0, keten: GENESIS }, events);
    const eerste = verzegel({ positie: 0, keten: GENESIS }, events.slice(0, 3));
    // A restart knows only what es_zegel holds: the last position and its chain value, and the salts.
    const opgeslagen = { positie: eerste.zegels[2].positie, keten: eerste.zegels[2].keten };
    const tweede = verzegel(opgeslagen, events.slice(3));
    const herberekend = [...eerste.zegels, ...tweede.zegels].reduce(
      (vorige, z, i) => volgendeKeten(vorige, z.positie, 'GM0005', inhoudVan(zegelVorm(events[i], z.zouten))),
      GENESIS,
    );
    expect(tweede.kop.keten).toBe(herberekend);
    expect(tweede.kop.positie).toBe(heel.kop.positie);
    expect([...eerste.zegels, ...tweede.zegels].map((z) => z.positie)).toEqual([1, 2, 3, 4, 7, 8]);
  });

  it('refuses an event at or before the sealed position: nothing is sealed twice', () => {
    expect(() => verzegel({ positie: 3, keten: GENESIS }, [event(3)])).toThrow(/not after/);
    expect(() => verzegel({ positie: 0, keten: GENESIS }, [event(2), event(2)])).toThrow(/not after/);
  });
});

describe('when a checkpoint is due', () => {
  const regels = { events: 100, seconden: 60 };
  const t0 = Date.parse('2026-01-01T00:00:00Z');

  it('after N events or T seconds, whichever first, but never over nothing new', () => {
    expect(checkpointNodig({ positie: 0, tijd: t0, sindsdien: 99 }, t0 + 1000, regels)).toBe(false);
    expect(checkpointNodig({ positie: 0, tijd: t0, sindsdien: 100 }, t0 + 1000, regels)).toBe(true);
    expect(checkpointNodig({ positie: 0, tijd: t0, sindsdien: 1 }, t0 + 59_999, regels)).toBe(false);
    expect(checkpointNodig({ positie: 0, tijd: t0, sindsdien: 1 }, t0 + 60_000, regels)).toBe(true);
    expect(checkpointNodig({ positie: 50, tijd: t0, sindsdien: 0 }, t0 + 3_600_000, regels)).toBe(false);
  });

  it('reads no further than the next N-th event, so checkpoints fall exactly on it', () => {
    expect(volgendeLimiet({ positie: 0, tijd: t0, sindsdien: 0 }, 2000, 10_000)).toBe(2000);
    expect(volgendeLimiet({ positie: 0, tijd: t0, sindsdien: 9_500 }, 2000, 10_000)).toBe(500);
    expect(volgendeLimiet({ positie: 0, tijd: t0, sindsdien: 10_000 }, 2000, 10_000)).toBe(1);
  });
});

describe('the signing key', () => {
  it('is required in production, ephemeral in dev mode, and refused when it is no Ed25519 key', () => {
    expect(() => zegelConfigFromEnv({ AUTH_MODE: 'jwt' })).toThrow('AUTH_MODE=jwt needs AUDIT_SIGNING_KEY');
    expect(zegelConfigFromEnv({ AUTH_MODE: 'dev' }).tijdelijk).toBe(true);
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const config = zegelConfigFromEnv({ AUTH_MODE: 'jwt', AUDIT_SIGNING_KEY: pem.replace(/\n/g, '\\n') });
    expect(config.tijdelijk).toBe(false);
    expect(config.sleutelId).toBe(zegelConfigFromEnv({ AUDIT_SIGNING_KEY: pem }).sleutelId);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => zegelConfigFromEnv({ AUDIT_SIGNING_KEY: rsa })).toThrow(/no Ed25519 private key/);
    expect(() => zegelConfigFromEnv({ AUDIT_CHECKPOINT_EVENTS: '0' })).toThrow(/AUDIT_CHECKPOINT_EVENTS/);
  });
});
