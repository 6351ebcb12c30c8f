import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../../testing/src/decider-spec.js'; // jest only: not in @sd/testing, which the benchmarks load too
import { Conflict } from '../decider.js';
import { clientIdVoor } from './client-id.js';
import { clientDecider, type RegistreerClient } from './client.decider.js';

const registreer: RegistreerClient = {
  type: 'RegistreerClient',
  clientId: clientIdVoor('GM0005', '111222333', 'k'),
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

  it('derives the same clientId for the same gemeente and BSN, another for another gemeente or key', () => {
    const id = clientIdVoor('GM0005', '111222333', 'k');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(clientIdVoor('GM0005', '111222333', 'k')).toBe(id);
    expect(clientIdVoor('GM0006', '111222333', 'k')).not.toBe(id);
    expect(clientIdVoor('GM0005', '111222333', 'other')).not.toBe(id);
    expect(id).not.toContain('111222333');
  });
});
