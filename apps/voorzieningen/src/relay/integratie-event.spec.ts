import { describe, expect, it } from '@jest/globals';
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
  data: { clientId: 'c1', bsn: '111222333', geslacht: 'vrouw', gemeente: 'GM0005' },
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

  it('never carry the BSN, the actor or request metadata', () => {
    const payload = integratieEvent(event);
    expect(JSON.stringify(payload)).not.toContain('111222333');
    expect(payload).not.toHaveProperty('actorId');
    expect(payload).not.toHaveProperty('metadata');
    expect(payload).toMatchObject({ eventId: 'e1', positie: 42, data: { clientId: 'c1', geslacht: 'vrouw' } });
  });
});
