import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../../testing/src/decider-spec.js'; // jest only: not in @sd/testing, which the benchmarks load too
import { Conflict, NietGevonden } from '../decider.js';
import { bezwaarDecider, bezwaarStreamId, type BesluitFeit, type BezwaarCommand, type RegistreerBezwaar } from './bezwaar.decider.js';
import { BEZWAAR, CLIENT, VOORZIENING } from '../spec-ids.js';

// The besluit contested is a voorziening.
const BESLUIT = VOORZIENING;

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
};

const spec = deciderSpec(bezwaarDecider);
const ontvangen = spec.given(registreer);
const verdaag = (verdaagdOp: string): BezwaarCommand => ({
  type: 'VerdaagBezwaar',
  verdaagdOp,
});
const handelAf = (afgehandeldOp: string): BezwaarCommand => ({
  type: 'HandelBezwaarAf',
  afgehandeldOp,
  uitkomst: 'ongegrond',
});

describe('bezwaar decider', () => {
  it('registers a bezwaar against a besluit, copying gemeente, client and wet; bekendmaking defaults to the besluitdatum', () => {
    const state = spec.when(registreer).then([
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
    ]).state;
    expect(state).toMatchObject({ status: 'ontvangen', verdaagdOp: null, afhandeling: null });
    expect(bezwaarStreamId(BEZWAAR)).toBe(`bezwaar-${BEZWAAR}`);
  });

  it('takes a given bekendmakingOp and adviescommissie into the termijn (bekendmaking 01-11, commissie: t/m 2016-05-16)', () => {
    spec.when({ ...registreer, bekendmakingOp: '2016-01-11', adviescommissie: true }).thenState({
      bekendmakingOp: '2016-01-11',
      adviescommissie: true,
      uiterlijkeBeslisdatum: '2016-05-16',
    });
  });

  it('accepts a bezwaar against an uitkering or an afwijzing too', () => {
    spec.when({ ...registreer, besluit: { ...besluit, soort: 'afwijzing' } }).thenState({ besluitsoort: 'afwijzing' });
    spec.when({ ...registreer, besluit: { ...besluit, soort: 'uitkering', wet: 'participatiewet' } }).thenState({
      besluitsoort: 'uitkering',
      wet: 'participatiewet',
    });
  });

  it('refuses a bezwaar against a besluit that does not exist on field besluitId', () => {
    spec.when({ ...registreer, besluit: null }).thenRefuses('besluitId');
  });

  it('refuses a bezwaar against a withdrawn besluit on field besluitId', () => {
    spec.when({ ...registreer, besluit: { ...besluit, ingetrokken: true } }).thenRefuses('besluitId');
  });

  it('refuses a bezwaar received before the besluitdatum, and a bekendmaking before it', () => {
    spec.when({ ...registreer, ontvangenOp: '2016-01-03' }).thenRefuses('ontvangenOp');
    spec.when({ ...registreer, bekendmakingOp: '2016-01-03' }).thenRefuses('bekendmakingOp');
  });

  it('refuses to register the same bezwaar twice', () => {
    ontvangen.when(registreer).thenThrows(Conflict);
  });

  it('afgehandeld once, on or after ontvangenOp; the event says whether it was binnen termijn', () => {
    ontvangen.when(handelAf('2016-01-31')).thenRefuses('afgehandeldOp');
    const { state: afgehandeld } = ontvangen.when(handelAf('2016-03-28')).then([
      {
        type: 'BezwaarAfgehandeld',
        data: {
          bezwaarId: BEZWAAR,
          afgehandeldOp: '2016-03-28',
          uitkomst: 'ongegrond',
          uiterlijkeBeslisdatum: '2016-03-28',
          binnenTermijn: true,
        },
      },
    ]);
    expect(afgehandeld).toMatchObject({
      afhandeling: { afgehandeldOp: '2016-03-28', uitkomst: 'ongegrond', binnenTermijn: true },
    });
    ontvangen.given(handelAf('2016-03-28')).when(handelAf('2016-03-29')).thenThrows(Conflict);
  });

  it('afgehandeld 2016-03-29, a day after the beslistermijn: not binnen termijn', () => {
    ontvangen.when(handelAf('2016-03-29')).thenMatches([{ data: { binnenTermijn: false } }]);
  });

  it('verdaagd once (Awb 7:10 lid 3): six weeks more, so afhandeling 2016-04-15 is binnen termijn (t/m 2016-05-09)', () => {
    ontvangen.when(verdaag('2016-03-20')).thenState({ verdaagdOp: '2016-03-20', uiterlijkeBeslisdatum: '2016-05-09' });
    const verdaagd = ontvangen.given(verdaag('2016-03-20'));
    verdaagd.when(verdaag('2016-03-21')).thenThrows(Conflict);
    verdaagd.when(handelAf('2016-04-15')).thenMatches([{ data: { uiterlijkeBeslisdatum: '2016-05-09', binnenTermijn: true } }]);
  });

  it('refuses a verdaging before ontvangst or after the beslistermijn ended on field verdaagdOp', () => {
    ontvangen.when(verdaag('2016-01-31')).thenRefuses('verdaagdOp');
    ontvangen.when(verdaag('2016-03-29')).thenRefuses('verdaagdOp');
    ontvangen.when(verdaag('2016-03-28')).thenState({ verdaagdOp: '2016-03-28' });
  });

  it('refuses a verdaging after the afhandeling, and an afhandeling before the verdaging', () => {
    ontvangen.given(handelAf('2016-03-01')).when(verdaag('2016-03-02')).thenThrows(Conflict);
    ontvangen.given(verdaag('2016-03-20')).when(handelAf('2016-03-19')).thenRefuses('afgehandeldOp');
  });

  it('answers NietGevonden for a bezwaar that does not exist', () => {
    spec.when(handelAf('2016-03-01')).thenThrows(NietGevonden);
  });

  it('withdraws a registration made in error; then nothing more is accepted', () => {
    const trekIn = { type: 'TrekBezwaarIn', reden: 'hoort bij ander besluit' } as const;
    ontvangen.when(trekIn).thenState({ ingetrokken: true });
    const ingetrokken = ontvangen.given(trekIn);
    for (const c of [verdaag('2016-03-01'), handelAf('2016-03-01'), { type: 'TrekBezwaarIn', reden: 'x' } as const, registreer]) {
      ingetrokken.when(c).thenThrows(Conflict);
    }
  });
});
