import { describe, expect, it } from '@jest/globals';
import { encodeEvent } from '@sd/contracts';
import { Conflict, fold, GeenToegang, NietGevonden, RegelOvertreding } from '../decider.js';
import {
  aanmeldingAlsFeit,
  aanmeldingDecider,
  aanmeldingStreamId,
  type AanmeldingCommand,
  type AanmeldingState,
  type OntvangAanmelding,
} from './aanmelding.decider.js';

const AANMELDING = '0b0c2f5e-1f4a-4d7e-9a39-7c1d2a3b4c01';
const CLIENT = '6f1c1c1e-58a5-8d52-9a57-2b3d2c1f7a10';
const mag = ['GM0005'];

const ontvang: OntvangAanmelding = {
  type: 'OntvangAanmelding',
  aanmeldingId: AANMELDING,
  clientId: CLIENT,
  wet: 'jeugdwet',
  ontvangenOp: '2016-03-01',
  verwijzer: 'huisarts',
  client: { gemeente: 'GM0005', huishoudenId: 'HH-1' },
  toegestaneGemeenten: mag,
};

/** Decides, checks every event against its schema (as the store will), and folds. */
function na(commands: AanmeldingCommand[], state: AanmeldingState = aanmeldingDecider.initialState()): AanmeldingState {
  for (const c of commands) {
    const events = aanmeldingDecider.decide(c, state);
    events.forEach((e) => encodeEvent(e));
    state = events.reduce(aanmeldingDecider.evolve, state);
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

const ontvangen = na([ontvang]);

describe('aanmelding decider', () => {
  it('receives an aanmelding and copies gemeente and huishouden of the client into the first event', () => {
    const events = aanmeldingDecider.decide(ontvang, aanmeldingDecider.initialState());
    expect(events).toEqual([
      {
        type: 'AanmeldingOntvangen',
        data: {
          aanmeldingId: AANMELDING,
          clientId: CLIENT,
          gemeente: 'GM0005',
          huishoudenId: 'HH-1',
          wet: 'jeugdwet',
          ontvangenOp: '2016-03-01',
          verwijzer: 'huisarts',
        },
      },
    ]);
    expect(encodeEvent(events[0]!).schemaVersion).toBe(1);
    expect(fold(aanmeldingDecider, events)).toMatchObject({ status: 'ontvangen', afronding: null, ingetrokken: false });
    expect(aanmeldingStreamId(AANMELDING)).toBe(`aanmelding-${AANMELDING}`);
  });

  it('leaves out verwijzer and huishoudenId when there are none', () => {
    const [e] = aanmeldingDecider.decide(
      { ...ontvang, verwijzer: undefined, client: { gemeente: 'GM0005' } },
      aanmeldingDecider.initialState(),
    );
    expect(Object.keys(e!.data)).not.toContain('verwijzer');
    expect(Object.keys(e!.data)).not.toContain('huishoudenId');
  });

  it('refuses an aanmelding for an unknown client on field clientId', () => {
    expect(velden(() => na([{ ...ontvang, client: null }]))).toEqual(['clientId']);
  });

  it('refuses an aanmelding for a client of a gemeente the consultant may not act for', () => {
    expect(() => na([{ ...ontvang, toegestaneGemeenten: ['GM0006'] }])).toThrow(GeenToegang);
  });

  it('refuses to receive the same aanmelding twice', () => {
    expect(() => na([ontvang], ontvangen)).toThrow(Conflict);
  });

  it('rounds off an aanmelding on or after the day it was received', () => {
    const s = na(
      [{ type: 'RondAanmeldingAf', afgerondOp: '2016-03-01', uitkomst: 'aanvraag', toegestaneGemeenten: mag }],
      ontvangen,
    );
    expect(s).toMatchObject({ afronding: { afgerondOp: '2016-03-01', uitkomst: 'aanvraag' } });
  });

  it('refuses an afronding before ontvangenOp on field afgerondOp', () => {
    expect(
      velden(() =>
        na(
          [{ type: 'RondAanmeldingAf', afgerondOp: '2016-02-29', uitkomst: 'aanvraag', toegestaneGemeenten: mag }],
          ontvangen,
        ),
      ),
    ).toEqual(['afgerondOp']);
  });

  it('rounds off an aanmelding only once', () => {
    const rond = {
      type: 'RondAanmeldingAf',
      afgerondOp: '2016-03-10',
      uitkomst: 'doorverwezen',
      toegestaneGemeenten: mag,
    } as const;
    const afgerond = na([rond], ontvangen);
    expect(() => na([{ ...rond, afgerondOp: '2016-03-11' }], afgerond)).toThrow(Conflict);
  });

  it('answers NietGevonden for an afronding of an aanmelding that does not exist', () => {
    expect(() =>
      na([{ type: 'RondAanmeldingAf', afgerondOp: '2016-03-10', uitkomst: 'aanvraag', toegestaneGemeenten: mag }]),
    ).toThrow(NietGevonden);
  });

  it('refuses an afronding by a consultant of another gemeente', () => {
    expect(() =>
      na(
        [{ type: 'RondAanmeldingAf', afgerondOp: '2016-03-10', uitkomst: 'aanvraag', toegestaneGemeenten: ['GM0006'] }],
        ontvangen,
      ),
    ).toThrow(GeenToegang);
  });

  it('withdraws a registration made in error and then accepts no command at all', () => {
    const ingetrokken = na(
      [{ type: 'TrekAanmeldingIn', reden: 'dubbel geregistreerd', toegestaneGemeenten: mag }],
      ontvangen,
    );
    expect(ingetrokken).toMatchObject({ ingetrokken: true });
    expect(aanmeldingAlsFeit(ingetrokken)).toEqual({ clientId: CLIENT, ingetrokken: true });
    expect(() =>
      na(
        [{ type: 'RondAanmeldingAf', afgerondOp: '2016-03-10', uitkomst: 'aanvraag', toegestaneGemeenten: mag }],
        ingetrokken,
      ),
    ).toThrow(Conflict);
    expect(() => na([{ type: 'TrekAanmeldingIn', reden: 'nogmaals', toegestaneGemeenten: mag }], ingetrokken)).toThrow(
      Conflict,
    );
    expect(() => na([ontvang], ingetrokken)).toThrow(Conflict);
  });

  it('gives no fact for an aanmelding that does not exist', () => {
    expect(aanmeldingAlsFeit(aanmeldingDecider.initialState())).toBeNull();
  });
});
