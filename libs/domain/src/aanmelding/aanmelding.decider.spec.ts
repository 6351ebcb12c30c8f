import { describe, expect, it } from '@jest/globals';
import { encodeEvent } from '@sd/contracts';
import { deciderSpec } from '../../../testing/src/decider-spec.js'; // jest only: not in @sd/testing, which the benchmarks load too
import { Conflict, NietGevonden } from '../decider.js';
import { aanmeldingAlsFeit, aanmeldingDecider, aanmeldingStreamId, type OntvangAanmelding } from './aanmelding.decider.js';
import { AANMELDING, CLIENT } from '../spec-ids.js';

const ontvang: OntvangAanmelding = {
  type: 'OntvangAanmelding',
  aanmeldingId: AANMELDING,
  clientId: CLIENT,
  wet: 'jeugdwet',
  ontvangenOp: '2016-03-01',
  verwijzer: 'huisarts',
  client: { gemeente: 'GM0005', huishoudenId: 'HH-1' },
};

const spec = deciderSpec(aanmeldingDecider);
const ontvangen = spec.given(ontvang);

describe('aanmelding decider', () => {
  it('receives an aanmelding and copies gemeente and huishouden of the client into the first event', () => {
    const { events, state } = spec.when(ontvang).then([
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
    expect(encodeEvent(events[0]).schemaVersion).toBe(1);
    expect(state).toMatchObject({ status: 'ontvangen', afronding: null, ingetrokken: false });
    expect(aanmeldingStreamId(AANMELDING)).toBe(`aanmelding-${AANMELDING}`);
  });

  it('leaves out verwijzer and huishoudenId when there are none', () => {
    const [e] = spec.when({ ...ontvang, verwijzer: undefined, client: { gemeente: 'GM0005' } }).result().events;
    expect(Object.keys(e.data)).not.toContain('verwijzer');
    expect(Object.keys(e.data)).not.toContain('huishoudenId');
  });

  it('refuses an aanmelding for an unknown client on field clientId', () => {
    spec.when({ ...ontvang, client: null }).thenRefuses('clientId');
  });

  it('refuses to receive the same aanmelding twice', () => {
    ontvangen.when(ontvang).thenThrows(Conflict);
  });

  it('rounds off an aanmelding on or after the day it was received', () => {
    ontvangen
      .when({ type: 'RondAanmeldingAf', afgerondOp: '2016-03-01', uitkomst: 'aanvraag' })
      .thenState({ afronding: { afgerondOp: '2016-03-01', uitkomst: 'aanvraag' } });
  });

  it('refuses an afronding before ontvangenOp on field afgerondOp', () => {
    ontvangen.when({ type: 'RondAanmeldingAf', afgerondOp: '2016-02-29', uitkomst: 'aanvraag' }).thenRefuses('afgerondOp');
  });

  it('rounds off an aanmelding only once', () => {
    const rond = {
      type: 'RondAanmeldingAf',
      afgerondOp: '2016-03-10',
      uitkomst: 'doorverwezen',
    } as const;
    ontvangen
      .given(rond)
      .when({ ...rond, afgerondOp: '2016-03-11' })
      .thenThrows(Conflict);
  });

  it('answers NietGevonden for an afronding of an aanmelding that does not exist', () => {
    spec.when({ type: 'RondAanmeldingAf', afgerondOp: '2016-03-10', uitkomst: 'aanvraag' }).thenThrows(NietGevonden);
  });

  it('withdraws a registration made in error and then accepts no command at all', () => {
    const trekIn = { type: 'TrekAanmeldingIn', reden: 'dubbel geregistreerd' } as const;
    const ingetrokken = ontvangen.when(trekIn).thenState({ ingetrokken: true });
    expect(aanmeldingAlsFeit(ingetrokken)).toEqual({ clientId: CLIENT, ingetrokken: true });
    const daarna = ontvangen.given(trekIn);
    daarna.when({ type: 'RondAanmeldingAf', afgerondOp: '2016-03-10', uitkomst: 'aanvraag' }).thenThrows(Conflict);
    daarna.when({ type: 'TrekAanmeldingIn', reden: 'nogmaals' }).thenThrows(Conflict);
    daarna.when(ontvang).thenThrows(Conflict);
  });

  it('gives no fact for an aanmelding that does not exist', () => {
    expect(aanmeldingAlsFeit(spec.state)).toBeNull();
  });
});
