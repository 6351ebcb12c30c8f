import { describe, expect, it } from '@jest/globals';
import { encodeEvent } from '@sd/contracts';
import { deciderSpec } from '../../../testing/src/decider-spec.js'; // jest only: not in @sd/testing, which the benchmarks load too
import { Conflict, NietGevonden } from '../decider.js';
import {
  uitkeringAlsBesluit,
  uitkeringDecider,
  uitkeringStreamId,
  type CorrigeerUitkering,
  type KenUitkeringToe,
  type UitkeringCommand,
} from './uitkering.decider.js';
import { CLIENT, UITKERING } from '../spec-ids.js';

const toekenning: KenUitkeringToe = {
  type: 'KenUitkeringToe',
  uitkeringId: UITKERING,
  clientId: CLIENT,
  regeling: 'participatiewet',
  ingangsdatum: '2016-02-01',
  instroomreden: 'einde-ww',
  client: { gemeente: 'GM0005' },
};

const spec = deciderSpec(uitkeringDecider);
const toegekend = spec.given(toekenning);
const beeindig = (einddatum: string, uitstroomreden: 'werk' | 'verhuizing' = 'werk'): UitkeringCommand => ({
  type: 'BeeindigUitkering',
  einddatum,
  uitstroomreden,
});
const corrigeer = (velden: Partial<CorrigeerUitkering>): UitkeringCommand => ({
  type: 'CorrigeerUitkering',
  reden: 'verkeerde regeling gekozen',
  ...velden,
});

describe('uitkering decider', () => {
  it('grants an uitkering as a participatiewet item with the gemeente of the client; besluitdatum defaults to the ingangsdatum', () => {
    const { events, state } = spec.when({ ...toekenning, client: { gemeente: 'GM0005', huishoudenId: 'HH-9' } }).then([
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
    expect(encodeEvent(events[0]).schemaVersion).toBe(1);
    expect(state).toMatchObject({ status: 'toegekend', einddatum: null });
    spec.when({ ...toekenning, besluitdatum: '2016-02-10' }).thenState({ besluitdatum: '2016-02-10' });
    expect(uitkeringStreamId(UITKERING)).toBe(`uitkering-${UITKERING}`);
  });

  it('refuses an uitkering for an unknown client on field clientId', () => {
    spec.when({ ...toekenning, client: null }).thenRefuses('clientId');
  });

  it('refuses a second toekenning on the same stream', () => {
    toegekend.when(toekenning).thenThrows(Conflict);
  });

  it('ends an uitkering on or after the ingangsdatum; refuses an einddatum before it on field einddatum', () => {
    toegekend.when(beeindig('2016-01-31')).thenRefuses('einddatum');
    toegekend.when(beeindig('2016-02-01')).then([
      {
        type: 'UitkeringBeeindigd',
        data: { uitkeringId: UITKERING, einddatum: '2016-02-01', uitstroomreden: 'werk', vorigeEinddatum: null, correctie: false },
      },
    ]);
  });

  it('a second beëindiging moves the einddatum and is recorded as a correctie of the first', () => {
    const eerste = toegekend.given(beeindig('2016-06-30'));
    eerste
      .when(beeindig('2016-07-31', 'verhuizing'))
      .thenMatches([{ data: { einddatum: '2016-07-31', uitstroomreden: 'verhuizing', vorigeEinddatum: '2016-06-30', correctie: true } }]);
    eerste.when(beeindig('2016-07-31', 'verhuizing')).thenState({ einddatum: '2016-07-31', uitstroomreden: 'verhuizing' });
    eerste.when(beeindig('2016-06-30')).thenThrows(Conflict);
  });

  it('answers NietGevonden for an uitkering that does not exist', () => {
    spec.when(beeindig('2016-06-30')).thenThrows(NietGevonden);
  });

  it('corrects ingangsdatum and regeling with a reden', () => {
    toegekend
      .when(corrigeer({ ingangsdatum: '2016-01-15', regeling: 'ioaw' }))
      .then([
        { type: 'RegistratieGecorrigeerd', data: { ingangsdatum: '2016-01-15', regeling: 'ioaw', reden: 'verkeerde regeling gekozen' } },
      ]);
    toegekend.when(corrigeer({ ingangsdatum: '2016-01-15', regeling: 'ioaw' })).thenState({ regeling: 'ioaw' });
  });

  it('corrects the einddatum of a beëindiging, and undoes it with null', () => {
    const beeindigd = toegekend.given(beeindig('2016-06-30'));
    beeindigd.when(corrigeer({ einddatum: '2016-05-31' })).thenState({ einddatum: '2016-05-31', uitstroomreden: 'werk' });
    beeindigd.when(corrigeer({ einddatum: null })).thenState({ einddatum: null, uitstroomreden: null });
  });

  it('refuses an einddatum by correctie on a running uitkering (it needs a beëindiging with uitstroomreden)', () => {
    toegekend.when(corrigeer({ einddatum: '2016-05-31' })).thenRefuses('einddatum');
  });

  it('refuses a correctie that puts the einddatum before the ingangsdatum, naming the field it changed', () => {
    const beeindigd = toegekend.given(beeindig('2016-06-30'));
    beeindigd.when(corrigeer({ ingangsdatum: '2016-07-01' })).thenRefuses('ingangsdatum');
    beeindigd.when(corrigeer({ einddatum: '2016-01-01' })).thenRefuses('einddatum');
  });

  it('refuses productcategorie and leveringsvorm on an uitkering, and a correctie that changes nothing', () => {
    toegekend.when(corrigeer({ productcategorie: '01', leveringsvorm: 'pgb' })).thenRefuses('productcategorie', 'leveringsvorm');
    toegekend.when(corrigeer({})).thenRefuses('ingangsdatum', 'einddatum', 'regeling');
    toegekend.when(corrigeer({ regeling: 'participatiewet' })).thenRefuses('regeling');
  });

  it('withdraws a registration made in error; it then accepts no further command', () => {
    const trekIn = { type: 'TrekUitkeringIn', reden: 'dubbel' } as const;
    expect(uitkeringAlsBesluit(toegekend.when(trekIn).result().state)).toEqual({
      soort: 'uitkering',
      gemeente: 'GM0005',
      besluitdatum: '2016-02-01',
      ingetrokken: true,
      wet: 'participatiewet',
      clientId: CLIENT,
    });
    const ingetrokken = toegekend.given(trekIn);
    for (const c of [beeindig('2016-06-30'), corrigeer({ regeling: 'bbz' }), { type: 'TrekUitkeringIn', reden: 'x' } as const]) {
      ingetrokken.when(c).thenThrows(Conflict);
    }
  });
});
