import { describe, expect, it } from '@jest/globals';
import { encodeEvent } from '@sd/contracts';
import { Conflict, fold, GeenToegang, NietGevonden, RegelOvertreding } from '../decider.js';
import {
  afwijzingAlsBesluit,
  afwijzingDecider,
  afwijzingStreamId,
  type AfwijzingCommand,
  type AfwijzingState,
  type WijsAanvraagAf,
} from './afwijzing.decider.js';

const AFWIJZING = '9d4a0f3a-8e0c-4c5d-bf20-3b4c5d6e7f04';
const CLIENT = '6f1c1c1e-58a5-8d52-9a57-2b3d2c1f7a10';
const ANDERE_CLIENT = '7a2d2d2f-69b6-8e63-ab68-3c4e3d2a8b21';
const AANMELDING = '0b0c2f5e-1f4a-4d7e-9a39-7c1d2a3b4c01';
const mag = ['GM0005'];

const afwijzing: WijsAanvraagAf = {
  type: 'WijsAanvraagAf',
  afwijzingId: AFWIJZING,
  clientId: CLIENT,
  wet: 'wmo',
  productcategorie: '01',
  besluitdatum: '2016-03-15',
  reden: 'voorliggende voorziening',
  aanmeldingId: AANMELDING,
  aanmelding: { clientId: CLIENT, ingetrokken: false },
  client: { gemeente: 'GM0005', huishoudenId: 'HH-1' },
  toegestaneGemeenten: mag,
  eigenProductcategorieen: [],
};

function na(commands: AfwijzingCommand[], state: AfwijzingState = afwijzingDecider.initialState()): AfwijzingState {
  for (const c of commands) {
    const events = afwijzingDecider.decide(c, state);
    events.forEach((e) => encodeEvent(e));
    state = events.reduce(afwijzingDecider.evolve, state);
  }
  return state;
}

function velden(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof RegelOvertreding) return e.overtredingen.map((o) => o.field);
    throw e;
  }
  throw new Error('no RegelOvertreding thrown');
}

const afgewezen = na([afwijzing]);
const trekIn: AfwijzingCommand = { type: 'TrekAfwijzingIn', reden: 'verkeerde cliënt', toegestaneGemeenten: mag };

describe('afwijzing decider', () => {
  it('records the refusal as a besluit of its own, with gemeente, client and wet in the event', () => {
    const events = afwijzingDecider.decide(afwijzing, afwijzingDecider.initialState());
    expect(events).toEqual([
      {
        type: 'AanvraagAfgewezen',
        data: {
          afwijzingId: AFWIJZING,
          clientId: CLIENT,
          gemeente: 'GM0005',
          huishoudenId: 'HH-1',
          wet: 'wmo',
          productcategorie: '01',
          besluitdatum: '2016-03-15',
          reden: 'voorliggende voorziening',
          aanmeldingId: AANMELDING,
        },
      },
    ]);
    expect(afwijzingAlsBesluit(fold(afwijzingDecider, events))).toEqual({
      soort: 'afwijzing',
      gemeente: 'GM0005',
      besluitdatum: '2016-03-15',
      ingetrokken: false,
      wet: 'wmo',
      clientId: CLIENT,
    });
    expect(afwijzingStreamId(AFWIJZING)).toBe(`afwijzing-${AFWIJZING}`);
  });

  it('records an afwijzing without productcategorie or aanmelding, e.g. under the participatiewet', () => {
    const s = na([
      {
        ...afwijzing,
        wet: 'participatiewet',
        productcategorie: undefined,
        aanmeldingId: undefined,
        aanmelding: undefined,
      },
    ]);
    expect(s).toMatchObject({ status: 'afgewezen', wet: 'participatiewet' });
    expect(Object.keys(s)).not.toContain('productcategorie');
  });

  it('refuses an afwijzing for an unknown client on field clientId', () => {
    expect(velden(() => na([{ ...afwijzing, client: null }]))).toEqual(['clientId']);
  });

  it('refuses an afwijzing for a client of a gemeente the consultant may not act for', () => {
    expect(() => na([{ ...afwijzing, client: { gemeente: 'GM0006' } }])).toThrow(GeenToegang);
  });

  it('refuses a productcategorie that does not fit the wet, also any under the participatiewet', () => {
    expect(velden(() => na([{ ...afwijzing, wet: 'jeugdwet' }]))).toEqual(['productcategorie']);
    expect(velden(() => na([{ ...afwijzing, wet: 'participatiewet' }]))).toEqual(['productcategorie']);
  });

  it('refuses an aanmeldingId that does not exist or is of another client', () => {
    expect(velden(() => na([{ ...afwijzing, aanmelding: null }]))).toEqual(['aanmeldingId']);
    expect(velden(() => na([{ ...afwijzing, aanmelding: { clientId: ANDERE_CLIENT, ingetrokken: false } }]))).toEqual([
      'aanmeldingId',
    ]);
  });

  it('refuses a second afwijzing on the same stream', () => {
    expect(() => na([afwijzing], afgewezen)).toThrow(Conflict);
  });

  it('withdraws a registration made in error once; then nothing more is accepted', () => {
    expect(() => na([trekIn])).toThrow(NietGevonden);
    expect(() => na([{ ...trekIn, toegestaneGemeenten: ['GM0006'] }], afgewezen)).toThrow(GeenToegang);
    const ingetrokken = na([trekIn], afgewezen);
    expect(afwijzingAlsBesluit(ingetrokken)).toMatchObject({ ingetrokken: true });
    expect(() => na([trekIn], ingetrokken)).toThrow(Conflict);
    expect(() => na([afwijzing], ingetrokken)).toThrow(Conflict);
  });
});
