import { describe, expect, it } from '@jest/globals';
import { encodeEvent } from '@sd/contracts';
import { deciderSpec } from '../../../testing/src/decider-spec.js'; // jest only: not in @sd/testing, which the benchmarks load too
import { Conflict, NietGevonden } from '../decider.js';
import {
  voorzieningAlsBesluit,
  voorzieningDecider,
  voorzieningStreamId,
  type KenVoorzieningToe,
  type VoorzieningCommand,
} from './voorziening.decider.js';
import { AANMELDING, ANDERE_CLIENT, CLIENT, VOORZIENING } from '../spec-ids.js';

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
  eigenProductcategorieen: [],
};

const spec = deciderSpec(voorzieningDecider);
const toegekend = spec.given(toekenning);
const start = (datum: string): VoorzieningCommand => ({ type: 'StartLevering', datum });
const beeindig = (einddatum: string, reden: 'volgens-plan' | 'verhuizing' = 'verhuizing'): VoorzieningCommand => ({
  type: 'BeeindigVoorziening',
  einddatum,
  reden,
});
const corrigeer = (velden: Partial<Extract<VoorzieningCommand, { type: 'CorrigeerVoorziening' }>>): VoorzieningCommand => ({
  type: 'CorrigeerVoorziening',
  reden: 'typefout bij registratie',
  eigenProductcategorieen: [],
  ...velden,
});

describe('voorziening decider: toekenning', () => {
  it('grants a voorziening and puts gemeente, client, huishouden, wet and product into the first event', () => {
    const { events, state } = spec
      .when({ ...toekenning, einddatum: '2016-12-31', aanmeldingId: AANMELDING, aanmelding: { clientId: CLIENT, ingetrokken: false } })
      .then([
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
    expect(encodeEvent(events[0]).schemaVersion).toBe(1);
    expect(state).toMatchObject({ status: 'toegekend', einddatum: '2016-12-31', leveringGestartOp: null });
    expect(voorzieningStreamId(VOORZIENING)).toBe(`voorziening-${VOORZIENING}`);
  });

  it('refuses a toekenning for an unknown client on field clientId', () => {
    spec.when({ ...toekenning, client: null }).thenRefuses('clientId');
  });

  it('refuses a Jeugdwet productcategorie (45) under the Wmo on field productcategorie', () => {
    spec.when({ ...toekenning, wet: 'wmo', productcategorie: '45' }).thenRefuses('productcategorie');
  });

  it('refuses a Wmo productcategorie (01) under the Jeugdwet on field productcategorie', () => {
    spec.when({ ...toekenning, wet: 'jeugdwet', productcategorie: '01' }).thenRefuses('productcategorie');
  });

  it('grants Jeugdwet 45 (jeugdhulp ambulant) and Wmo 18, the edges of both lists', () => {
    spec.when({ ...toekenning, wet: 'jeugdwet', productcategorie: '45' }).thenState({ wet: 'jeugdwet' });
    spec.when({ ...toekenning, productcategorie: '18' }).thenState({ productcategorie: '18' });
    spec.when({ ...toekenning, productcategorie: '19' }).thenRefuses('productcategorie');
  });

  it("accepts a gemeente's own productcategorie code", () => {
    spec.when({ ...toekenning, productcategorie: 'MK-01', eigenProductcategorieen: ['MK-01'] }).thenState({ productcategorie: 'MK-01' });
  });

  it('refuses a voorziening under the participatiewet on field wet (that is an uitkering)', () => {
    spec.when({ ...toekenning, wet: 'participatiewet' }).thenRefuses('wet');
  });

  it('refuses an einddatum before the ingangsdatum on field einddatum, accepts a single day', () => {
    spec.when({ ...toekenning, einddatum: '2016-01-31' }).thenRefuses('einddatum');
    spec.when({ ...toekenning, einddatum: '2016-02-01' }).thenState({ einddatum: '2016-02-01' });
  });

  it('refuses an aanmeldingId that does not exist, is of another client or was withdrawn, on field aanmeldingId', () => {
    const met = { ...toekenning, aanmeldingId: AANMELDING };
    spec.when({ ...met, aanmelding: null }).thenRefuses('aanmeldingId');
    spec.when(met).thenRefuses('aanmeldingId');
    spec.when({ ...met, aanmelding: { clientId: ANDERE_CLIENT, ingetrokken: false } }).thenRefuses('aanmeldingId');
    spec.when({ ...met, aanmelding: { clientId: CLIENT, ingetrokken: true } }).thenRefuses('aanmeldingId');
  });

  it('names every broken rule at once', () => {
    spec.when({ ...toekenning, productcategorie: '45', einddatum: '2015-01-01' }).thenRefuses('productcategorie', 'einddatum');
  });

  it('refuses a second toekenning on the same stream', () => {
    toegekend.when(toekenning).thenThrows(Conflict);
  });
});

describe('voorziening decider: levering', () => {
  it('starts levering once', () => {
    toegekend.when(start('2016-02-10')).thenState({ leveringGestartOp: '2016-02-10' });
    toegekend.given(start('2016-02-10')).when(start('2016-02-11')).thenThrows(Conflict);
  });

  it('refuses a start of levering after the einddatum on field datum, accepts it on the einddatum', () => {
    const beeindigd = toegekend.given(beeindig('2016-03-31'));
    beeindigd.when(start('2016-04-01')).thenRefuses('datum');
    beeindigd.when(start('2016-03-31')).thenState({ leveringGestartOp: '2016-03-31' });
  });

  it('refuses a start of levering after the planned einddatum of the toekenning', () => {
    spec
      .given({ ...toekenning, einddatum: '2016-06-30' })
      .when(start('2016-07-01'))
      .thenRefuses('datum');
  });

  it('answers NietGevonden for a voorziening that does not exist', () => {
    spec.when(start('2016-02-10')).thenThrows(NietGevonden);
  });
});

describe('voorziening decider: beëindiging', () => {
  it('ends a voorziening; the event records what einddatum it replaced', () => {
    const { events } = toegekend.when(beeindig('2016-05-31')).then([
      {
        type: 'VoorzieningBeeindigd',
        data: { voorzieningId: VOORZIENING, einddatum: '2016-05-31', reden: 'verhuizing', vorigeEinddatum: null, correctie: false },
      },
    ]);
    expect(encodeEvent(events[0]).schemaVersion).toBe(2);
    toegekend.when(beeindig('2016-05-31')).thenState({ einddatum: '2016-05-31', beeindigingReden: 'verhuizing' });
  });

  it('an early end of a voorziening with a planned einddatum is no correctie, but names the planned date', () => {
    spec
      .given({ ...toekenning, einddatum: '2016-12-31' })
      .when(beeindig('2016-05-31'))
      .thenMatches([{ data: { vorigeEinddatum: '2016-12-31', correctie: false } }]);
  });

  it('refuses a beëindiging before the ingangsdatum on field einddatum, accepts one on the ingangsdatum', () => {
    toegekend.when(beeindig('2016-01-31')).thenRefuses('einddatum');
    toegekend.when(beeindig('2016-02-01')).thenState({ einddatum: '2016-02-01' });
  });

  it('refuses a beëindiging before the levering started on field einddatum', () => {
    toegekend.given(start('2016-03-01')).when(beeindig('2016-02-28')).thenRefuses('einddatum');
  });

  it('a second beëindiging moves the einddatum and is recorded as a correctie of the first', () => {
    const tweede = toegekend.given(beeindig('2016-05-31')).when(beeindig('2016-04-30', 'volgens-plan'));
    tweede.thenMatches([{ data: { einddatum: '2016-04-30', reden: 'volgens-plan', vorigeEinddatum: '2016-05-31', correctie: true } }]);
    tweede.thenState({ einddatum: '2016-04-30', beeindigingReden: 'volgens-plan' });
  });

  it('refuses the very same beëindiging twice (nothing to correct)', () => {
    toegekend.given(beeindig('2016-05-31')).when(beeindig('2016-05-31')).thenThrows(Conflict);
  });
});

describe('voorziening decider: correctie', () => {
  it('records only the changed fields with the reden', () => {
    toegekend
      .when(corrigeer({ ingangsdatum: '2016-01-15', productcategorie: '01', leveringsvorm: 'pgb' }))
      .then([
        { type: 'RegistratieGecorrigeerd', data: { ingangsdatum: '2016-01-15', leveringsvorm: 'pgb', reden: 'typefout bij registratie' } },
      ]);
    toegekend
      .when(corrigeer({ ingangsdatum: '2016-01-15', leveringsvorm: 'pgb' }))
      .thenState({ ingangsdatum: '2016-01-15', leveringsvorm: 'pgb' });
  });

  it('corrects productcategorie and einddatum', () => {
    toegekend
      .when(corrigeer({ productcategorie: '02', einddatum: '2016-08-31' }))
      .thenState({ productcategorie: '02', einddatum: '2016-08-31' });
  });

  it('refuses a productcategorie that does not fit the wet on field productcategorie', () => {
    toegekend.when(corrigeer({ productcategorie: '45' })).thenRefuses('productcategorie');
  });

  it('refuses a correctie that puts the einddatum before the ingangsdatum, naming the field it changed', () => {
    toegekend
      .given(beeindig('2016-05-31'))
      .when(corrigeer({ einddatum: '2016-01-31' }))
      .thenRefuses('einddatum');
    toegekend
      .given(beeindig('2016-05-31'))
      .when(corrigeer({ ingangsdatum: '2016-06-01' }))
      .thenRefuses('ingangsdatum');
  });

  it('refuses a correctie of the einddatum to before the start of levering', () => {
    toegekend
      .given(start('2016-03-01'), beeindig('2016-05-31'))
      .when(corrigeer({ einddatum: '2016-02-15' }))
      .thenRefuses('einddatum');
  });

  it('removes the einddatum with null, and the beëindiging reden with it', () => {
    toegekend
      .given(beeindig('2016-05-31'))
      .when(corrigeer({ einddatum: null }))
      .thenState({ einddatum: null, beeindigingReden: null });
  });

  it('refuses a regeling on field regeling: a voorziening has none', () => {
    toegekend.when(corrigeer({ regeling: 'ioaw' })).thenRefuses('regeling');
  });

  it('refuses a correctie that changes nothing, naming the fields', () => {
    toegekend.when(corrigeer({})).thenRefuses('ingangsdatum', 'einddatum', 'productcategorie', 'leveringsvorm');
    toegekend.when(corrigeer({ leveringsvorm: 'zin', einddatum: null })).thenRefuses('einddatum', 'leveringsvorm');
  });
});

describe('voorziening decider: intrekking', () => {
  it('withdraws a registration made in error; it then counts nowhere and accepts no further command', () => {
    const trekIn = { type: 'TrekVoorzieningIn', reden: 'verkeerde cliënt' } as const;
    const gestart = toegekend.given(start('2016-02-10'));
    const s = gestart.when(trekIn).thenState({ ingetrokken: true });
    expect(voorzieningAlsBesluit(s)).toMatchObject({ soort: 'voorziening', ingetrokken: true });
    const ingetrokken = gestart.given(trekIn);
    for (const c of [
      start('2016-02-11'),
      beeindig('2016-05-31'),
      corrigeer({ leveringsvorm: 'pgb' }),
      { type: 'TrekVoorzieningIn', reden: 'nogmaals' } as const,
      toekenning,
    ]) {
      ingetrokken.when(c).thenThrows(Conflict);
    }
  });

  it('gives the besluit fact a bezwaar needs', () => {
    expect(voorzieningAlsBesluit(toegekend.state)).toEqual({
      soort: 'voorziening',
      gemeente: 'GM0005',
      besluitdatum: '2016-01-20',
      ingetrokken: false,
      wet: 'wmo',
      clientId: CLIENT,
    });
    expect(voorzieningAlsBesluit(spec.state)).toBeNull();
  });
});
