import { describe, expect, it } from '@jest/globals';
import { encodeEvent } from '@sd/contracts';
import { Conflict, fold, GeenToegang, NietGevonden, RegelOvertreding } from '../decider.js';
import {
  bezwaarDecider,
  bezwaarStreamId,
  type BesluitFeit,
  type BezwaarCommand,
  type BezwaarState,
  type RegistreerBezwaar,
} from './bezwaar.decider.js';

const BEZWAAR = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a05';
const BESLUIT = '3a1e6c0d-5b7f-4f2a-8c9d-0e1f2a3b4c02';
const CLIENT = '6f1c1c1e-58a5-8d52-9a57-2b3d2c1f7a10';
const mag = ['GM0005'];

const besluit: BesluitFeit = {
  soort: 'voorziening',
  gemeente: 'GM0005',
  besluitdatum: '2016-01-04',
  ingetrokken: false,
  wet: 'wmo',
  clientId: CLIENT,
};

const registreer: RegistreerBezwaar = {
  type: 'RegistreerBezwaar',
  bezwaarId: BEZWAAR,
  besluitId: BESLUIT,
  ontvangenOp: '2016-02-01',
  onderwerp: 'huishoudelijke-hulp',
  besluit,
  toegestaneGemeenten: mag,
};

function na(commands: BezwaarCommand[], state: BezwaarState = bezwaarDecider.initialState()): BezwaarState {
  for (const c of commands) {
    const events = bezwaarDecider.decide(c, state);
    events.forEach((e) => encodeEvent(e));
    state = events.reduce(bezwaarDecider.evolve, state);
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

const ontvangen = na([registreer]);
const verdaag = (verdaagdOp: string): BezwaarCommand => ({
  type: 'VerdaagBezwaar',
  verdaagdOp,
  toegestaneGemeenten: mag,
});
const handelAf = (afgehandeldOp: string): BezwaarCommand => ({
  type: 'HandelBezwaarAf',
  afgehandeldOp,
  uitkomst: 'ongegrond',
  toegestaneGemeenten: mag,
});

describe('bezwaar decider', () => {
  it('registers a bezwaar against a besluit, copying gemeente, client and wet; bekendmaking defaults to the besluitdatum', () => {
    const events = bezwaarDecider.decide(registreer, bezwaarDecider.initialState());
    expect(events).toEqual([
      {
        type: 'BezwaarOntvangen',
        data: {
          bezwaarId: BEZWAAR,
          besluitId: BESLUIT,
          besluitsoort: 'voorziening',
          gemeente: 'GM0005',
          clientId: CLIENT,
          wet: 'wmo',
          ontvangenOp: '2016-02-01',
          onderwerp: 'huishoudelijke-hulp',
          adviescommissie: false,
          bekendmakingOp: '2016-01-04',
          // bezwaartermijn t/m 2016-02-15, then six weeks
          uiterlijkeBeslisdatum: '2016-03-28',
        },
      },
    ]);
    expect(fold(bezwaarDecider, events)).toMatchObject({ status: 'ontvangen', verdaagdOp: null, afhandeling: null });
    expect(bezwaarStreamId(BEZWAAR)).toBe(`bezwaar-${BEZWAAR}`);
  });

  it('takes a given bekendmakingOp and adviescommissie into the termijn (bekendmaking 01-11, commissie: t/m 2016-05-16)', () => {
    const s = na([{ ...registreer, bekendmakingOp: '2016-01-11', adviescommissie: true }]);
    expect(s).toMatchObject({
      bekendmakingOp: '2016-01-11',
      adviescommissie: true,
      uiterlijkeBeslisdatum: '2016-05-16',
    });
  });

  it('accepts a bezwaar against an uitkering or an afwijzing too', () => {
    expect(na([{ ...registreer, besluit: { ...besluit, soort: 'afwijzing' } }])).toMatchObject({
      besluitsoort: 'afwijzing',
    });
    expect(na([{ ...registreer, besluit: { ...besluit, soort: 'uitkering', wet: 'participatiewet' } }])).toMatchObject({
      besluitsoort: 'uitkering',
      wet: 'participatiewet',
    });
  });

  it('refuses a bezwaar against a besluit that does not exist on field besluitId', () => {
    expect(velden(() => na([{ ...registreer, besluit: null }]))).toEqual(['besluitId']);
  });

  it('refuses a bezwaar against a withdrawn besluit on field besluitId', () => {
    expect(velden(() => na([{ ...registreer, besluit: { ...besluit, ingetrokken: true } }]))).toEqual(['besluitId']);
  });

  it('refuses a bezwaar against a besluit of a gemeente the consultant may not act for', () => {
    expect(() => na([{ ...registreer, besluit: { ...besluit, gemeente: 'GM0006' } }])).toThrow(GeenToegang);
  });

  it('refuses a bezwaar received before the besluitdatum, and a bekendmaking before it', () => {
    expect(velden(() => na([{ ...registreer, ontvangenOp: '2016-01-03' }]))).toEqual(['ontvangenOp']);
    expect(velden(() => na([{ ...registreer, bekendmakingOp: '2016-01-03' }]))).toEqual(['bekendmakingOp']);
  });

  it('refuses to register the same bezwaar twice', () => {
    expect(() => na([registreer], ontvangen)).toThrow(Conflict);
  });

  it('afgehandeld once, on or after ontvangenOp; the event says whether it was binnen termijn', () => {
    expect(velden(() => na([handelAf('2016-01-31')], ontvangen))).toEqual(['afgehandeldOp']);
    const [e] = bezwaarDecider.decide(handelAf('2016-03-28'), ontvangen);
    expect(e).toEqual({
      type: 'BezwaarAfgehandeld',
      data: {
        bezwaarId: BEZWAAR,
        afgehandeldOp: '2016-03-28',
        uitkomst: 'ongegrond',
        uiterlijkeBeslisdatum: '2016-03-28',
        binnenTermijn: true,
      },
    });
    const afgehandeld = na([handelAf('2016-03-28')], ontvangen);
    expect(afgehandeld).toMatchObject({
      afhandeling: { afgehandeldOp: '2016-03-28', uitkomst: 'ongegrond', binnenTermijn: true },
    });
    expect(() => na([handelAf('2016-03-29')], afgehandeld)).toThrow(Conflict);
  });

  it('afgehandeld 2016-03-29, a day after the beslistermijn: not binnen termijn', () => {
    const [e] = bezwaarDecider.decide(handelAf('2016-03-29'), ontvangen);
    expect(e!.data).toMatchObject({ binnenTermijn: false });
  });

  it('verdaagd once (Awb 7:10 lid 3): six weeks more, so afhandeling 2016-04-15 is binnen termijn (t/m 2016-05-09)', () => {
    const verdaagd = na([verdaag('2016-03-20')], ontvangen);
    expect(verdaagd).toMatchObject({ verdaagdOp: '2016-03-20', uiterlijkeBeslisdatum: '2016-05-09' });
    expect(() => na([verdaag('2016-03-21')], verdaagd)).toThrow(Conflict);
    const [e] = bezwaarDecider.decide(handelAf('2016-04-15'), verdaagd);
    expect(e!.data).toMatchObject({ uiterlijkeBeslisdatum: '2016-05-09', binnenTermijn: true });
  });

  it('refuses a verdaging before ontvangst or after the beslistermijn ended on field verdaagdOp', () => {
    expect(velden(() => na([verdaag('2016-01-31')], ontvangen))).toEqual(['verdaagdOp']);
    expect(velden(() => na([verdaag('2016-03-29')], ontvangen))).toEqual(['verdaagdOp']);
    expect(na([verdaag('2016-03-28')], ontvangen)).toMatchObject({ verdaagdOp: '2016-03-28' });
  });

  it('refuses a verdaging after the afhandeling, and an afhandeling before the verdaging', () => {
    expect(() => na([handelAf('2016-03-01'), verdaag('2016-03-02')], ontvangen)).toThrow(Conflict);
    expect(velden(() => na([verdaag('2016-03-20'), handelAf('2016-03-19')], ontvangen))).toEqual(['afgehandeldOp']);
  });

  it('answers NietGevonden for a bezwaar that does not exist, GeenToegang for one of another gemeente', () => {
    expect(() => na([handelAf('2016-03-01')])).toThrow(NietGevonden);
    expect(() =>
      na([{ type: 'VerdaagBezwaar', verdaagdOp: '2016-03-01', toegestaneGemeenten: ['GM0006'] }], ontvangen),
    ).toThrow(GeenToegang);
  });

  it('withdraws a registration made in error; then nothing more is accepted', () => {
    const ingetrokken = na(
      [{ type: 'TrekBezwaarIn', reden: 'hoort bij ander besluit', toegestaneGemeenten: mag }],
      ontvangen,
    );
    expect(ingetrokken).toMatchObject({ ingetrokken: true });
    for (const c of [
      verdaag('2016-03-01'),
      handelAf('2016-03-01'),
      { type: 'TrekBezwaarIn', reden: 'x', toegestaneGemeenten: mag } as const,
      registreer,
    ]) {
      expect(() => na([c], ingetrokken)).toThrow(Conflict);
    }
  });
});
