import { describe, expect, it } from '@jest/globals';
import { encodeEvent } from '@sd/contracts';
import { Conflict, fold, GeenToegang, NietGevonden, RegelOvertreding } from '../decider.js';
import {
  voorzieningAlsBesluit,
  voorzieningDecider,
  voorzieningStreamId,
  type KenVoorzieningToe,
  type VoorzieningCommand,
  type VoorzieningState,
} from './voorziening.decider.js';

const VOORZIENING = '3a1e6c0d-5b7f-4f2a-8c9d-0e1f2a3b4c02';
const CLIENT = '6f1c1c1e-58a5-8d52-9a57-2b3d2c1f7a10';
const ANDERE_CLIENT = '7a2d2d2f-69b6-8e63-ab68-3c4e3d2a8b21';
const AANMELDING = '0b0c2f5e-1f4a-4d7e-9a39-7c1d2a3b4c01';
const mag = ['GM0005'];

const toekenning: KenVoorzieningToe = {
  type: 'KenVoorzieningToe',
  voorzieningId: VOORZIENING,
  clientId: CLIENT,
  wet: 'wmo',
  productcategorie: '01',
  leveringsvorm: 'zin',
  besluitdatum: '2016-01-20',
  ingangsdatum: '2016-02-01',
  client: { gemeente: 'GM0005', huishoudenId: 'HH-1' },
  toegestaneGemeenten: mag,
  eigenProductcategorieen: [],
};

/** Decides, checks every event against its schema (as the store will), and folds. */
function na(
  commands: VoorzieningCommand[],
  state: VoorzieningState = voorzieningDecider.initialState(),
): VoorzieningState {
  for (const c of commands) {
    const events = voorzieningDecider.decide(c, state);
    events.forEach((e) => encodeEvent(e));
    state = events.reduce(voorzieningDecider.evolve, state);
  }
  return state;
}

/** The fields named by the RegelOvertreding the call throws. */
function velden(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof RegelOvertreding) return e.overtredingen.map((o) => o.field);
    throw e;
  }
  throw new Error('no RegelOvertreding thrown');
}

const toegekend = na([toekenning]);
const start = (datum: string): VoorzieningCommand => ({ type: 'StartLevering', datum, toegestaneGemeenten: mag });
const beeindig = (einddatum: string, reden: 'volgens-plan' | 'verhuizing' = 'verhuizing'): VoorzieningCommand => ({
  type: 'BeeindigVoorziening',
  einddatum,
  reden,
  toegestaneGemeenten: mag,
});
const corrigeer = (
  velden: Partial<Extract<VoorzieningCommand, { type: 'CorrigeerVoorziening' }>>,
): VoorzieningCommand => ({
  type: 'CorrigeerVoorziening',
  reden: 'typefout bij registratie',
  toegestaneGemeenten: mag,
  eigenProductcategorieen: [],
  ...velden,
});

describe('voorziening decider: toekenning', () => {
  it('grants a voorziening and puts gemeente, client, huishouden, wet and product into the first event', () => {
    const events = voorzieningDecider.decide(
      {
        ...toekenning,
        einddatum: '2016-12-31',
        aanmeldingId: AANMELDING,
        aanmelding: { clientId: CLIENT, ingetrokken: false },
      },
      voorzieningDecider.initialState(),
    );
    expect(events).toEqual([
      {
        type: 'VoorzieningToegekend',
        data: {
          voorzieningId: VOORZIENING,
          clientId: CLIENT,
          gemeente: 'GM0005',
          huishoudenId: 'HH-1',
          wet: 'wmo',
          productcategorie: '01',
          leveringsvorm: 'zin',
          besluitdatum: '2016-01-20',
          ingangsdatum: '2016-02-01',
          einddatum: '2016-12-31',
          aanmeldingId: AANMELDING,
        },
      },
    ]);
    expect(encodeEvent(events[0]!).schemaVersion).toBe(1);
    expect(fold(voorzieningDecider, events)).toMatchObject({
      status: 'toegekend',
      einddatum: '2016-12-31',
      leveringGestartOp: null,
    });
    expect(voorzieningStreamId(VOORZIENING)).toBe(`voorziening-${VOORZIENING}`);
  });

  it('refuses a toekenning for an unknown client on field clientId', () => {
    expect(velden(() => na([{ ...toekenning, client: null }]))).toEqual(['clientId']);
  });

  it('refuses a toekenning for a client of a gemeente the consultant may not act for', () => {
    expect(() => na([{ ...toekenning, client: { gemeente: 'GM0006' } }])).toThrow(GeenToegang);
  });

  it('refuses a Jeugdwet productcategorie (45) under the Wmo on field productcategorie', () => {
    expect(velden(() => na([{ ...toekenning, wet: 'wmo', productcategorie: '45' }]))).toEqual(['productcategorie']);
  });

  it('refuses a Wmo productcategorie (01) under the Jeugdwet on field productcategorie', () => {
    expect(velden(() => na([{ ...toekenning, wet: 'jeugdwet', productcategorie: '01' }]))).toEqual([
      'productcategorie',
    ]);
  });

  it('grants Jeugdwet 45 (jeugdhulp ambulant) and Wmo 18, the edges of both lists', () => {
    expect(na([{ ...toekenning, wet: 'jeugdwet', productcategorie: '45' }])).toMatchObject({ wet: 'jeugdwet' });
    expect(na([{ ...toekenning, productcategorie: '18' }])).toMatchObject({ productcategorie: '18' });
    expect(velden(() => na([{ ...toekenning, productcategorie: '19' }]))).toEqual(['productcategorie']);
  });

  it("accepts a gemeente's own productcategorie code", () => {
    expect(na([{ ...toekenning, productcategorie: 'MK-01', eigenProductcategorieen: ['MK-01'] }])).toMatchObject({
      productcategorie: 'MK-01',
    });
  });

  it('refuses a voorziening under the participatiewet on field wet (that is an uitkering)', () => {
    expect(velden(() => na([{ ...toekenning, wet: 'participatiewet' }]))).toEqual(['wet']);
  });

  it('refuses an einddatum before the ingangsdatum on field einddatum, accepts a single day', () => {
    expect(velden(() => na([{ ...toekenning, einddatum: '2016-01-31' }]))).toEqual(['einddatum']);
    expect(na([{ ...toekenning, einddatum: '2016-02-01' }])).toMatchObject({ einddatum: '2016-02-01' });
  });

  it('refuses an aanmeldingId that does not exist, is of another client or was withdrawn, on field aanmeldingId', () => {
    const met = { ...toekenning, aanmeldingId: AANMELDING };
    expect(velden(() => na([{ ...met, aanmelding: null }]))).toEqual(['aanmeldingId']);
    expect(velden(() => na([met]))).toEqual(['aanmeldingId']);
    expect(velden(() => na([{ ...met, aanmelding: { clientId: ANDERE_CLIENT, ingetrokken: false } }]))).toEqual([
      'aanmeldingId',
    ]);
    expect(velden(() => na([{ ...met, aanmelding: { clientId: CLIENT, ingetrokken: true } }]))).toEqual([
      'aanmeldingId',
    ]);
  });

  it('names every broken rule at once', () => {
    expect(velden(() => na([{ ...toekenning, productcategorie: '45', einddatum: '2015-01-01' }]))).toEqual([
      'productcategorie',
      'einddatum',
    ]);
  });

  it('refuses a second toekenning on the same stream', () => {
    expect(() => na([toekenning], toegekend)).toThrow(Conflict);
  });
});

describe('voorziening decider: levering', () => {
  it('starts levering once', () => {
    const gestart = na([start('2016-02-10')], toegekend);
    expect(gestart).toMatchObject({ leveringGestartOp: '2016-02-10' });
    expect(() => na([start('2016-02-11')], gestart)).toThrow(Conflict);
  });

  it('refuses a start of levering after the einddatum on field datum, accepts it on the einddatum', () => {
    const beeindigd = na([beeindig('2016-03-31')], toegekend);
    expect(velden(() => na([start('2016-04-01')], beeindigd))).toEqual(['datum']);
    expect(na([start('2016-03-31')], beeindigd)).toMatchObject({ leveringGestartOp: '2016-03-31' });
  });

  it('refuses a start of levering after the planned einddatum of the toekenning', () => {
    const tijdelijk = na([{ ...toekenning, einddatum: '2016-06-30' }]);
    expect(velden(() => na([start('2016-07-01')], tijdelijk))).toEqual(['datum']);
  });

  it('answers NietGevonden for a voorziening that does not exist, GeenToegang for one of another gemeente', () => {
    expect(() => na([start('2016-02-10')])).toThrow(NietGevonden);
    expect(() =>
      na([{ type: 'StartLevering', datum: '2016-02-10', toegestaneGemeenten: ['GM0006'] }], toegekend),
    ).toThrow(GeenToegang);
  });
});

describe('voorziening decider: beëindiging', () => {
  it('ends a voorziening; the event records what einddatum it replaced', () => {
    const [e] = voorzieningDecider.decide(beeindig('2016-05-31'), toegekend);
    expect(e).toEqual({
      type: 'VoorzieningBeeindigd',
      data: {
        voorzieningId: VOORZIENING,
        einddatum: '2016-05-31',
        reden: 'verhuizing',
        vorigeEinddatum: null,
        correctie: false,
      },
    });
    expect(encodeEvent(e!).schemaVersion).toBe(2);
    expect(na([beeindig('2016-05-31')], toegekend)).toMatchObject({
      einddatum: '2016-05-31',
      beeindigingReden: 'verhuizing',
    });
  });

  it('an early end of a voorziening with a planned einddatum is no correctie, but names the planned date', () => {
    const tijdelijk = na([{ ...toekenning, einddatum: '2016-12-31' }]);
    const [e] = voorzieningDecider.decide(beeindig('2016-05-31'), tijdelijk);
    expect(e!.data).toMatchObject({ vorigeEinddatum: '2016-12-31', correctie: false });
  });

  it('refuses a beëindiging before the ingangsdatum on field einddatum, accepts one on the ingangsdatum', () => {
    expect(velden(() => na([beeindig('2016-01-31')], toegekend))).toEqual(['einddatum']);
    expect(na([beeindig('2016-02-01')], toegekend)).toMatchObject({ einddatum: '2016-02-01' });
  });

  it('refuses a beëindiging before the levering started on field einddatum', () => {
    const gestart = na([start('2016-03-01')], toegekend);
    expect(velden(() => na([beeindig('2016-02-28')], gestart))).toEqual(['einddatum']);
  });

  it('a second beëindiging moves the einddatum and is recorded as a correctie of the first', () => {
    const eerste = na([beeindig('2016-05-31')], toegekend);
    const [e] = voorzieningDecider.decide(beeindig('2016-04-30', 'volgens-plan'), eerste);
    expect(e!.data).toMatchObject({
      einddatum: '2016-04-30',
      reden: 'volgens-plan',
      vorigeEinddatum: '2016-05-31',
      correctie: true,
    });
    expect(na([beeindig('2016-04-30', 'volgens-plan')], eerste)).toMatchObject({
      einddatum: '2016-04-30',
      beeindigingReden: 'volgens-plan',
    });
  });

  it('refuses the very same beëindiging twice (nothing to correct)', () => {
    const eerste = na([beeindig('2016-05-31')], toegekend);
    expect(() => na([beeindig('2016-05-31')], eerste)).toThrow(Conflict);
  });
});

describe('voorziening decider: correctie', () => {
  it('records only the changed fields with the reden', () => {
    const [e] = voorzieningDecider.decide(
      corrigeer({ ingangsdatum: '2016-01-15', productcategorie: '01', leveringsvorm: 'pgb' }),
      toegekend,
    );
    expect(e).toEqual({
      type: 'RegistratieGecorrigeerd',
      data: { ingangsdatum: '2016-01-15', leveringsvorm: 'pgb', reden: 'typefout bij registratie' },
    });
    expect(na([corrigeer({ ingangsdatum: '2016-01-15', leveringsvorm: 'pgb' })], toegekend)).toMatchObject({
      ingangsdatum: '2016-01-15',
      leveringsvorm: 'pgb',
    });
  });

  it('corrects productcategorie and einddatum', () => {
    const s = na([corrigeer({ productcategorie: '02', einddatum: '2016-08-31' })], toegekend);
    expect(s).toMatchObject({ productcategorie: '02', einddatum: '2016-08-31' });
  });

  it('refuses a productcategorie that does not fit the wet on field productcategorie', () => {
    expect(velden(() => na([corrigeer({ productcategorie: '45' })], toegekend))).toEqual(['productcategorie']);
  });

  it('refuses a correctie that puts the einddatum before the ingangsdatum, naming the field it changed', () => {
    const beeindigd = na([beeindig('2016-05-31')], toegekend);
    expect(velden(() => na([corrigeer({ einddatum: '2016-01-31' })], beeindigd))).toEqual(['einddatum']);
    expect(velden(() => na([corrigeer({ ingangsdatum: '2016-06-01' })], beeindigd))).toEqual(['ingangsdatum']);
  });

  it('refuses a correctie of the einddatum to before the start of levering', () => {
    const s = na([start('2016-03-01'), beeindig('2016-05-31')], toegekend);
    expect(velden(() => na([corrigeer({ einddatum: '2016-02-15' })], s))).toEqual(['einddatum']);
  });

  it('removes the einddatum with null, and the beëindiging reden with it', () => {
    const beeindigd = na([beeindig('2016-05-31')], toegekend);
    expect(na([corrigeer({ einddatum: null })], beeindigd)).toMatchObject({ einddatum: null, beeindigingReden: null });
  });

  it('refuses a regeling on field regeling: a voorziening has none', () => {
    expect(velden(() => na([corrigeer({ regeling: 'ioaw' })], toegekend))).toEqual(['regeling']);
  });

  it('refuses a correctie that changes nothing, naming the fields', () => {
    expect(velden(() => na([corrigeer({})], toegekend))).toEqual([
      'ingangsdatum',
      'einddatum',
      'productcategorie',
      'leveringsvorm',
    ]);
    expect(velden(() => na([corrigeer({ leveringsvorm: 'zin', einddatum: null })], toegekend))).toEqual([
      'einddatum',
      'leveringsvorm',
    ]);
  });
});

describe('voorziening decider: intrekking', () => {
  it('withdraws a registration made in error; it then counts nowhere and accepts no further command', () => {
    const ingetrokken = na(
      [start('2016-02-10'), { type: 'TrekVoorzieningIn', reden: 'verkeerde cliënt', toegestaneGemeenten: mag }],
      toegekend,
    );
    expect(ingetrokken).toMatchObject({ ingetrokken: true });
    expect(voorzieningAlsBesluit(ingetrokken)).toMatchObject({ soort: 'voorziening', ingetrokken: true });
    for (const c of [
      start('2016-02-11'),
      beeindig('2016-05-31'),
      corrigeer({ leveringsvorm: 'pgb' }),
      { type: 'TrekVoorzieningIn', reden: 'nogmaals', toegestaneGemeenten: mag } as const,
      toekenning,
    ]) {
      expect(() => na([c], ingetrokken)).toThrow(Conflict);
    }
  });

  it('gives the besluit fact a bezwaar needs', () => {
    expect(voorzieningAlsBesluit(toegekend)).toEqual({
      soort: 'voorziening',
      gemeente: 'GM0005',
      besluitdatum: '2016-01-20',
      ingetrokken: false,
      wet: 'wmo',
      clientId: CLIENT,
    });
    expect(voorzieningAlsBesluit(voorzieningDecider.initialState())).toBeNull();
  });
});
