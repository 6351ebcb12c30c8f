import { describe, expect, it } from '@jest/globals';
import { encodeEvent } from '@sd/contracts';
import { Conflict, fold, GeenToegang, NietGevonden, RegelOvertreding } from '../decider.js';
import {
  uitkeringAlsBesluit,
  uitkeringDecider,
  uitkeringStreamId,
  type CorrigeerUitkering,
  type KenUitkeringToe,
  type UitkeringCommand,
  type UitkeringState,
} from './uitkering.decider.js';

const UITKERING = '5c3f8e2f-7d9b-4b4c-ae1f-2a3b4c5d6e03';
const CLIENT = '6f1c1c1e-58a5-8d52-9a57-2b3d2c1f7a10';
const mag = ['GM0005'];

const toekenning: KenUitkeringToe = {
  type: 'KenUitkeringToe',
  uitkeringId: UITKERING,
  clientId: CLIENT,
  regeling: 'participatiewet',
  ingangsdatum: '2016-02-01',
  instroomreden: 'einde-ww',
  client: { gemeente: 'GM0005' },
  toegestaneGemeenten: mag,
};

/** Decides, checks every event against its schema (as the store will), and folds. */
function na(commands: UitkeringCommand[], state: UitkeringState = uitkeringDecider.initialState()): UitkeringState {
  for (const c of commands) {
    const events = uitkeringDecider.decide(c, state);
    events.forEach((e) => encodeEvent(e));
    state = events.reduce(uitkeringDecider.evolve, state);
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
const beeindig = (einddatum: string, uitstroomreden: 'werk' | 'verhuizing' = 'werk'): UitkeringCommand => ({
  type: 'BeeindigUitkering',
  einddatum,
  uitstroomreden,
  toegestaneGemeenten: mag,
});
const corrigeer = (velden: Partial<CorrigeerUitkering>): UitkeringCommand => ({
  type: 'CorrigeerUitkering',
  reden: 'verkeerde regeling gekozen',
  toegestaneGemeenten: mag,
  ...velden,
});

describe('uitkering decider', () => {
  it('grants an uitkering as a participatiewet item with the gemeente of the client; besluitdatum defaults to the ingangsdatum', () => {
    const events = uitkeringDecider.decide(
      { ...toekenning, client: { gemeente: 'GM0005', huishoudenId: 'HH-9' } },
      uitkeringDecider.initialState(),
    );
    expect(events).toEqual([
      {
        type: 'UitkeringToegekend',
        data: {
          uitkeringId: UITKERING,
          clientId: CLIENT,
          gemeente: 'GM0005',
          huishoudenId: 'HH-9',
          wet: 'participatiewet',
          regeling: 'participatiewet',
          besluitdatum: '2016-02-01',
          ingangsdatum: '2016-02-01',
          instroomreden: 'einde-ww',
        },
      },
    ]);
    expect(encodeEvent(events[0]!).schemaVersion).toBe(1);
    expect(fold(uitkeringDecider, events)).toMatchObject({ status: 'toegekend', einddatum: null });
    expect(na([{ ...toekenning, besluitdatum: '2016-02-10' }])).toMatchObject({ besluitdatum: '2016-02-10' });
    expect(uitkeringStreamId(UITKERING)).toBe(`uitkering-${UITKERING}`);
  });

  it('refuses an uitkering for an unknown client on field clientId', () => {
    expect(velden(() => na([{ ...toekenning, client: null }]))).toEqual(['clientId']);
  });

  it('refuses an uitkering for a client of a gemeente the consultant may not act for', () => {
    expect(() => na([{ ...toekenning, toegestaneGemeenten: ['GM0006'] }])).toThrow(GeenToegang);
  });

  it('refuses a second toekenning on the same stream', () => {
    expect(() => na([toekenning], toegekend)).toThrow(Conflict);
  });

  it('ends an uitkering on or after the ingangsdatum; refuses an einddatum before it on field einddatum', () => {
    expect(velden(() => na([beeindig('2016-01-31')], toegekend))).toEqual(['einddatum']);
    const [e] = uitkeringDecider.decide(beeindig('2016-02-01'), toegekend);
    expect(e!.data).toEqual({
      uitkeringId: UITKERING,
      einddatum: '2016-02-01',
      uitstroomreden: 'werk',
      vorigeEinddatum: null,
      correctie: false,
    });
  });

  it('a second beëindiging moves the einddatum and is recorded as a correctie of the first', () => {
    const eerste = na([beeindig('2016-06-30')], toegekend);
    const [e] = uitkeringDecider.decide(beeindig('2016-07-31', 'verhuizing'), eerste);
    expect(e!.data).toMatchObject({
      einddatum: '2016-07-31',
      uitstroomreden: 'verhuizing',
      vorigeEinddatum: '2016-06-30',
      correctie: true,
    });
    expect(na([beeindig('2016-07-31', 'verhuizing')], eerste)).toMatchObject({
      einddatum: '2016-07-31',
      uitstroomreden: 'verhuizing',
    });
    expect(() => na([beeindig('2016-06-30')], eerste)).toThrow(Conflict);
  });

  it('answers NietGevonden for an uitkering that does not exist, GeenToegang for one of another gemeente', () => {
    expect(() => na([beeindig('2016-06-30')])).toThrow(NietGevonden);
    expect(() =>
      na([{ ...beeindig('2016-06-30'), toegestaneGemeenten: ['GM0006'] } as UitkeringCommand], toegekend),
    ).toThrow(GeenToegang);
  });

  it('corrects ingangsdatum and regeling with a reden', () => {
    const [e] = uitkeringDecider.decide(corrigeer({ ingangsdatum: '2016-01-15', regeling: 'ioaw' }), toegekend);
    expect(e).toEqual({
      type: 'RegistratieGecorrigeerd',
      data: { ingangsdatum: '2016-01-15', regeling: 'ioaw', reden: 'verkeerde regeling gekozen' },
    });
    expect(na([corrigeer({ ingangsdatum: '2016-01-15', regeling: 'ioaw' })], toegekend)).toMatchObject({
      regeling: 'ioaw',
    });
  });

  it('corrects the einddatum of a beëindiging, and undoes it with null', () => {
    const beeindigd = na([beeindig('2016-06-30')], toegekend);
    expect(na([corrigeer({ einddatum: '2016-05-31' })], beeindigd)).toMatchObject({
      einddatum: '2016-05-31',
      uitstroomreden: 'werk',
    });
    expect(na([corrigeer({ einddatum: null })], beeindigd)).toMatchObject({ einddatum: null, uitstroomreden: null });
  });

  it('refuses an einddatum by correctie on a running uitkering (it needs a beëindiging with uitstroomreden)', () => {
    expect(velden(() => na([corrigeer({ einddatum: '2016-05-31' })], toegekend))).toEqual(['einddatum']);
  });

  it('refuses a correctie that puts the einddatum before the ingangsdatum, naming the field it changed', () => {
    const beeindigd = na([beeindig('2016-06-30')], toegekend);
    expect(velden(() => na([corrigeer({ ingangsdatum: '2016-07-01' })], beeindigd))).toEqual(['ingangsdatum']);
    expect(velden(() => na([corrigeer({ einddatum: '2016-01-01' })], beeindigd))).toEqual(['einddatum']);
  });

  it('refuses productcategorie and leveringsvorm on an uitkering, and a correctie that changes nothing', () => {
    expect(velden(() => na([corrigeer({ productcategorie: '01', leveringsvorm: 'pgb' })], toegekend))).toEqual([
      'productcategorie',
      'leveringsvorm',
    ]);
    expect(velden(() => na([corrigeer({})], toegekend))).toEqual(['ingangsdatum', 'einddatum', 'regeling']);
    expect(velden(() => na([corrigeer({ regeling: 'participatiewet' })], toegekend))).toEqual(['regeling']);
  });

  it('withdraws a registration made in error; it then accepts no further command', () => {
    const ingetrokken = na([{ type: 'TrekUitkeringIn', reden: 'dubbel', toegestaneGemeenten: mag }], toegekend);
    expect(uitkeringAlsBesluit(ingetrokken)).toEqual({
      soort: 'uitkering',
      gemeente: 'GM0005',
      besluitdatum: '2016-02-01',
      ingetrokken: true,
      wet: 'participatiewet',
      clientId: CLIENT,
    });
    for (const c of [
      beeindig('2016-06-30'),
      corrigeer({ regeling: 'bbz' }),
      { type: 'TrekUitkeringIn', reden: 'x', toegestaneGemeenten: mag } as const,
    ]) {
      expect(() => na([c], ingetrokken)).toThrow(Conflict);
    }
  });
});
