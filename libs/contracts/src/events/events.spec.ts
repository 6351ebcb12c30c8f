import { describe, expect, it } from '@jest/globals';
import { currentVersion, decodeEvent, encodeEvent, eventContract, EventSchemaError, persoonlijkeVeldenVan } from '../event-contract.js';
import '../index.js';

const VOORZIENING = '3a1e6c0d-5b7f-4f2a-8c9d-0e1f2a3b4c02';
const CLIENT = '6f1c1c1e-58a5-8d52-9a57-2b3d2c1f7a10';

describe('event schemas of the case streams', () => {
  it.each([
    ['AanmeldingOntvangen', 'aanmelding'],
    ['AanmeldingAfgerond', 'aanmelding'],
    ['VoorzieningToegekend', 'voorziening'],
    ['LeveringGestart', 'voorziening'],
    ['VoorzieningBeeindigd', 'voorziening'],
    ['UitkeringToegekend', 'uitkering'],
    ['UitkeringBeeindigd', 'uitkering'],
    ['AanvraagAfgewezen', 'afwijzing'],
    ['BezwaarOntvangen', 'bezwaar'],
    ['BezwaarVerdaagd', 'bezwaar'],
    ['BezwaarAfgehandeld', 'bezwaar'],
    ['RegistratieGecorrigeerd', 'registratie'],
    ['RegistratieIngetrokken', 'registratie'],
  ])('defines %s for stream type %s', (type, streamType) => {
    expect(eventContract(type).streamType).toBe(streamType);
  });

  it.each([
    ['ClientGeregistreerd', ['bsn', 'geboortedatum', 'geslacht', 'huishoudenId']],
    ['AanmeldingOntvangen', ['huishoudenId']],
    ['VoorzieningToegekend', ['huishoudenId']],
    ['UitkeringToegekend', ['huishoudenId']],
    ['AanvraagAfgewezen', ['huishoudenId', 'reden']],
    ['RegistratieGecorrigeerd', ['reden']],
    ['RegistratieIngetrokken', ['reden']],
    ['BezwaarOntvangen', []],
  ])('declares the personal fields of %s: %j', (type, velden) => {
    const { verborgen, onthuld } = persoonlijkeVeldenVan(type);
    expect([...verborgen, ...onthuld].sort()).toEqual([...velden].sort());
  });

  const toegekend = {
    type: 'VoorzieningToegekend',
    data: {
      voorzieningId: VOORZIENING,
      clientId: CLIENT,
      gemeente: 'GM0005',
      wet: 'wmo',
      productcategorie: '01',
      leveringsvorm: 'zin',
      besluitdatum: '2016-01-20',
      ingangsdatum: '2016-02-01',
    },
  };

  it('checks a new event when written: wet, productcategorie format and unknown fields', () => {
    expect(encodeEvent(toegekend).schemaVersion).toBe(1);
    expect(() => encodeEvent({ ...toegekend, data: { ...toegekend.data, wet: 'participatiewet' } })).toThrow(/wet/);
    expect(() => encodeEvent({ ...toegekend, data: { ...toegekend.data, productcategorie: 'a b' } })).toThrow(/productcategorie/);
    expect(() => encodeEvent({ ...toegekend, data: { ...toegekend.data, bsn: '111222333' } })).toThrow(EventSchemaError);
  });

  it('checks a stored event when read', () => {
    const { data: _weg, ...zonderData } = toegekend;
    expect(() => decodeEvent({ ...zonderData, schemaVersion: 1, data: { ...toegekend.data, ingangsdatum: '1-2-2016' } })).toThrow(
      /ingangsdatum/,
    );
  });

  it('lets a correctie remove the einddatum with null, but not the ingangsdatum', () => {
    expect(encodeEvent({ type: 'RegistratieGecorrigeerd', data: { einddatum: null, reden: 'fout' } }).schemaVersion).toBe(1);
    expect(() => encodeEvent({ type: 'RegistratieGecorrigeerd', data: { ingangsdatum: null, reden: 'fout' } })).toThrow(/ingangsdatum/);
    expect(() => encodeEvent({ type: 'RegistratieGecorrigeerd', data: { einddatum: '2016-05-31', reden: '' } })).toThrow(/reden/);
  });

  it('takes an onderwerp code of the gemeente, not free text', () => {
    const ontvangen = {
      type: 'BezwaarOntvangen',
      data: {
        bezwaarId: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a05',
        besluitId: VOORZIENING,
        besluitsoort: 'voorziening',
        gemeente: 'GM0005',
        clientId: CLIENT,
        wet: 'wmo',
        ontvangenOp: '2016-02-01',
        onderwerp: 'begeleiding-individueel',
        adviescommissie: false,
        bekendmakingOp: '2016-01-04',
        uiterlijkeBeslisdatum: '2016-03-28',
      },
    };
    expect(encodeEvent(ontvangen).schemaVersion).toBe(1);
    expect(() => encodeEvent({ ...ontvangen, data: { ...ontvangen.data, onderwerp: 'hulp bij het huishouden' } })).toThrow(/onderwerp/);
  });
});

describe('VoorzieningBeeindigd versions', () => {
  const v1 = { voorzieningId: VOORZIENING, einddatum: '2016-05-31', reden: 'verhuizing' };

  it('writes version 2, which records the replaced einddatum and whether it is a correctie', () => {
    expect(currentVersion('VoorzieningBeeindigd')).toBe(2);
    const nieuw = { ...v1, vorigeEinddatum: '2016-12-31', correctie: false };
    expect(encodeEvent({ type: 'VoorzieningBeeindigd', data: nieuw })).toEqual({
      type: 'VoorzieningBeeindigd',
      schemaVersion: 2,
      data: nieuw,
    });
    expect(() => encodeEvent({ type: 'VoorzieningBeeindigd', data: v1 })).toThrow(/correctie/);
  });

  it('reads a stored version-1 event as version 2: nothing known replaced, no correctie', () => {
    expect(decodeEvent({ type: 'VoorzieningBeeindigd', schemaVersion: 1, data: v1 })).toEqual({
      type: 'VoorzieningBeeindigd',
      data: { ...v1, vorigeEinddatum: null, correctie: false },
    });
  });

  it('refuses a stored version-1 event that does not match version 1', () => {
    expect(() =>
      decodeEvent({
        type: 'VoorzieningBeeindigd',
        schemaVersion: 1,
        data: { ...v1, vorigeEinddatum: null, correctie: false },
      }),
    ).toThrow(EventSchemaError);
    expect(() => decodeEvent({ type: 'VoorzieningBeeindigd', schemaVersion: 1, data: { ...v1, reden: 'zomaar' } })).toThrow(/reden/);
  });
});
