import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../../testing/src/decider-spec.js'; // jest only: not in @sd/testing, which the benchmarks load too
import { Conflict, NietGevonden } from '../decider.js';
import { bsnDigest } from './client-id.js';
import { clientDecider, type RegistreerClient } from './client.decider.js';

const registreer: RegistreerClient = {
  type: 'RegistreerClient',
  clientId: '6f1c1c1e-58a5-4d52-9a57-2b3d2c1f7a10',
  bsn: '111222333',
  geboortedatum: '1980-01-31',
  geslacht: 'vrouw',
  gemeente: 'GM0005',
};

const spec = deciderSpec(clientDecider);

describe('client decider', () => {
  it('registers an unknown client', () => {
    const { state } = spec.when(registreer).then([
      {
        type: 'ClientGeregistreerd',
        data: {
          clientId: registreer.clientId,
          bsn: '111222333',
          geboortedatum: '1980-01-31',
          geslacht: 'vrouw',
          gemeente: 'GM0005',
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'geregistreerd', gemeente: 'GM0005' });
  });

  it('keeps the household key when given', () => {
    spec.when({ ...registreer, huishoudenId: 'HH-1' }).thenMatches([{ data: { huishoudenId: 'HH-1' } }]);
  });

  it('refuses a second registration with the existing clientId', () => {
    spec
      .given(registreer)
      .when(registreer)
      .thenThrows(Conflict, (e) => expect(e.details).toEqual({ clientId: registreer.clientId }));
  });

  it('forgets a registered client with an event that holds nothing personal but the toelichting', () => {
    const vergeet = {
      type: 'VergeetClient',
      grondslag: 'verzoek-betrokkene',
      toelichting: 'verzoek per brief',
      vergetenOp: '2026-12-01',
    } as const;
    const { state } = spec
      .given(registreer)
      .when(vergeet)
      .then([
        {
          type: 'ClientVergeten',
          data: {
            clientId: registreer.clientId,
            gemeente: 'GM0005',
            grondslag: 'verzoek-betrokkene',
            toelichting: 'verzoek per brief',
            vergetenOp: '2026-12-01',
          },
        },
      ]);
    expect(state).toEqual({
      status: 'vergeten',
      clientId: registreer.clientId,
      gemeente: 'GM0005',
      grondslag: 'verzoek-betrokkene',
      vergetenOp: '2026-12-01',
    });
    spec.given(registreer, vergeet).when(vergeet).thenThrows(Conflict);
    spec.when(vergeet).thenThrows(NietGevonden);
    spec.given(registreer, vergeet).when(registreer).thenThrows(Conflict);
  });

  it('digests a BSN per gemeente and key, never showing it', () => {
    const d = bsnDigest('GM0005', '111222333', 'k');
    expect(d).toHaveLength(32);
    expect(bsnDigest('GM0005', '111222333', 'k').equals(d)).toBe(true);
    expect(bsnDigest('GM0006', '111222333', 'k').equals(d)).toBe(false);
    expect(bsnDigest('GM0005', '111222333', 'other').equals(d)).toBe(false);
    expect(d.toString('hex')).not.toContain('111222333');
  });
});
