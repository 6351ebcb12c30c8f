import { describe, expect, it } from '@jest/globals';
import '@sd/contracts';
import type { RecordedEvent } from '@sd/event-store';
import { integratieEvent, subjectVoor } from './integratie-event.js';

const event: RecordedEvent = {
  eventId: 'e1',
  streamId: 'client-c1',
  streamType: 'client',
  streamVersion: 1,
  globalPosition: 42,
  type: 'ClientGeregistreerd',
  schemaVersion: 1,
  data: { clientId: 'c1', bsn: '111222333', geboortedatum: '1980-01-31', geslacht: 'vrouw', gemeente: 'GM0005', huishoudenId: 'HH-7' },
  gemeente: 'GM0005',
  actorId: 'anna',
  correlationId: 'k1',
  causationId: null,
  metadata: { requestHash: 'h' },
  recordedAt: new Date('2016-07-15T09:30:00Z'),
};

describe('integration events', () => {
  it('are published on sociaal-domein.<gemeente>.<streamType>.<eventType>', () => {
    expect(subjectVoor('sociaal-domein', event)).toBe('sociaal-domein.GM0005.client.ClientGeregistreerd');
  });

  it('carry no personal data (pseudonymous ids and codes only), no actor and no request metadata', () => {
    const payload = integratieEvent(event);
    expect(payload.data).toEqual({ clientId: 'c1', gemeente: 'GM0005' });
    expect(payload).not.toHaveProperty('actorId');
    expect(payload).not.toHaveProperty('metadata');
    expect(payload).toMatchObject({ eventId: 'e1', positie: 42 });
  });

  it('leave out the typed reason of a correctie and keep its codes', () => {
    const correctie = integratieEvent({
      ...event,
      streamId: 'voorziening-v1',
      streamType: 'voorziening',
      type: 'RegistratieGecorrigeerd',
      data: { leveringsvorm: 'pgb', reden: 'mevrouw Jansen belde: pgb' },
    });
    expect(correctie.data).toEqual({ leveringsvorm: 'pgb' });
  });
});
