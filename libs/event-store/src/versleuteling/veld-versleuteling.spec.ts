import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import '@sd/contracts';
import { masterSleutelUitEnv, omhul, onthul } from './sleutel-omhulling.js';
import {
  heeftPersoonlijkeVelden,
  heeftVersleuteld,
  isVersleuteld,
  ontsleutelVelden,
  ontsleutelWaarde,
  versleutelVelden,
  versleutelWaarde,
} from './veld-versleuteling.js';

const CLIENT = '6f1c1c1e-58a5-4d52-9a57-2b3d2c1f7a10';
const ANDER = '0b6f4a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const sleutel = randomBytes(32);
const data = {
  clientId: CLIENT,
  bsn: '111222333',
  geboortedatum: '1980-01-31',
  geslacht: 'vrouw',
  gemeente: 'GM0005',
  huishoudenId: 'HH-1',
};

describe('personal fields at rest', () => {
  it('encrypts every personal field of the contract, and nothing else', () => {
    const opgeslagen = versleutelVelden('ClientGeregistreerd', data, sleutel, CLIENT);
    expect(opgeslagen).toMatchObject({ clientId: CLIENT, gemeente: 'GM0005' });
    for (const v of ['bsn', 'geboortedatum', 'geslacht', 'huishoudenId']) expect(isVersleuteld(opgeslagen[v])).toBe(true);
    expect(JSON.stringify(opgeslagen)).not.toMatch(/111222333|1980-01-31|vrouw|HH-1/);
    expect(heeftVersleuteld(opgeslagen)).toBe(true);
    expect(ontsleutelVelden(opgeslagen, sleutel, CLIENT)).toEqual(data);
  });

  it('gives the same value another ciphertext each time, with a fresh IV (past a refill of the IV supply)', () => {
    expect(versleutelWaarde('111222333', sleutel, CLIENT, 'bsn')).not.toBe(versleutelWaarde('111222333', sleutel, CLIENT, 'bsn'));
    const ivs = new Set<string>();
    for (let i = 0; i < 1_200; i++) {
      const c = versleutelWaarde('111222333', sleutel, CLIENT, 'bsn');
      ivs.add(Buffer.from(c.slice('sd1:'.length), 'base64').subarray(0, 12).toString('hex'));
      expect(ontsleutelWaarde(c, sleutel, CLIENT, 'bsn')).toBe('111222333');
    }
    expect(ivs.size).toBe(1_200);
  });

  it('leaves an event without personal fields alone (the same object, no copy)', () => {
    const zonder = { clientId: CLIENT, gemeente: 'GM0005' };
    expect(heeftPersoonlijkeVelden('ClientGeregistreerd', zonder)).toBe(false);
    expect(heeftPersoonlijkeVelden('ClientGeregistreerd', { ...zonder, huishoudenId: 'HH-1' })).toBe(true);
    expect(versleutelVelden('ClientGeregistreerd', zonder, sleutel, CLIENT)).toBe(zonder);
  });

  it('reads [vergeten] once the key is gone, and leaves plain fields of older events as they are', () => {
    const opgeslagen = versleutelVelden('ClientGeregistreerd', data, sleutel, CLIENT);
    expect(ontsleutelVelden(opgeslagen, null, CLIENT)).toMatchObject({ bsn: '[vergeten]', geslacht: '[vergeten]', gemeente: 'GM0005' });
    expect(ontsleutelVelden(data, null, CLIENT)).toBe(data);
  });

  it('refuses a ciphertext moved to another client or field, or made with another key', () => {
    const c = versleutelWaarde('111222333', sleutel, CLIENT, 'bsn');
    expect(() => ontsleutelWaarde(c, sleutel, ANDER, 'bsn')).toThrow();
    expect(() => ontsleutelWaarde(c, sleutel, CLIENT, 'geboortedatum')).toThrow();
    expect(() => ontsleutelWaarde(c, randomBytes(32), CLIENT, 'bsn')).toThrow();
  });
});

describe('the data keys, wrapped by SLEUTEL_MASTER', () => {
  const master = randomBytes(32);

  it('unwrap only with the master key and for their own client', () => {
    const omhuld = omhul(sleutel, master, CLIENT);
    expect(onthul(omhuld, master, CLIENT).equals(sleutel)).toBe(true);
    expect(() => onthul(omhuld, randomBytes(32), CLIENT)).toThrow();
    expect(() => onthul(omhuld, master, ANDER)).toThrow();
  });

  it('reads SLEUTEL_MASTER as base64 or hex, requires it in jwt mode, and refuses a wrong length', () => {
    expect(masterSleutelUitEnv({ SLEUTEL_MASTER: master.toString('base64') }).equals(master)).toBe(true);
    expect(masterSleutelUitEnv({ SLEUTEL_MASTER: master.toString('hex') }).equals(master)).toBe(true);
    expect(() => masterSleutelUitEnv({ AUTH_MODE: 'jwt' })).toThrow(/SLEUTEL_MASTER must be set/);
    expect(() => masterSleutelUitEnv({ SLEUTEL_MASTER: 'kort' })).toThrow(/32 bytes/);
    expect(masterSleutelUitEnv({ AUTH_MODE: 'dev' })).toHaveLength(32);
  });
});
