import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../../testing/src/decider-spec.js'; // jest only: not in @sd/testing, which the benchmarks load too
import { Conflict, NietGevonden } from '../decider.js';
import {
  afwijzingAlsBesluit,
  afwijzingDecider,
  afwijzingStreamId,
  type AfwijzingCommand,
  type WijsAanvraagAf,
} from './afwijzing.decider.js';
import { AANMELDING, AFWIJZING, ANDERE_CLIENT, CLIENT } from '../spec-ids.js';

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
  eigenProductcategorieen: [],
};

const spec = deciderSpec(afwijzingDecider);
const afgewezen = spec.given(afwijzing);
const trekIn: AfwijzingCommand = { type: 'TrekAfwijzingIn', reden: 'verkeerde cliënt' };

describe('afwijzing decider', () => {
  it('records the refusal as a besluit of its own, with gemeente, client and wet in the event', () => {
    const { state } = spec.when(afwijzing).then([
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
    expect(afwijzingAlsBesluit(state)).toEqual({
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
    const s = spec
      .when({ ...afwijzing, wet: 'participatiewet', productcategorie: undefined, aanmeldingId: undefined, aanmelding: undefined })
      .thenState({ status: 'afgewezen', wet: 'participatiewet' });
    expect(Object.keys(s)).not.toContain('productcategorie');
  });

  it('refuses an afwijzing for an unknown client on field clientId', () => {
    spec.when({ ...afwijzing, client: null }).thenRefuses('clientId');
  });

  it('refuses a productcategorie that does not fit the wet, also any under the participatiewet', () => {
    spec.when({ ...afwijzing, wet: 'jeugdwet' }).thenRefuses('productcategorie');
    spec.when({ ...afwijzing, wet: 'participatiewet' }).thenRefuses('productcategorie');
  });

  it('refuses an aanmeldingId that does not exist or is of another client', () => {
    spec.when({ ...afwijzing, aanmelding: null }).thenRefuses('aanmeldingId');
    spec.when({ ...afwijzing, aanmelding: { clientId: ANDERE_CLIENT, ingetrokken: false } }).thenRefuses('aanmeldingId');
  });

  it('refuses a second afwijzing on the same stream', () => {
    afgewezen.when(afwijzing).thenThrows(Conflict);
  });

  it('withdraws a registration made in error once; then nothing more is accepted', () => {
    spec.when(trekIn).thenThrows(NietGevonden);
    expect(afwijzingAlsBesluit(afgewezen.when(trekIn).result().state)).toMatchObject({ ingetrokken: true });
    const ingetrokken = afgewezen.given(trekIn);
    ingetrokken.when(trekIn).thenThrows(Conflict);
    ingetrokken.when(afwijzing).thenThrows(Conflict);
  });
});
