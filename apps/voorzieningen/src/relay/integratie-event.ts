import type { RecordedEvent } from '@sd/event-store';

/** JetStream subject of an event: `sociaal-domein.<gemeente>.<streamType>.<eventType>`. */
export function subjectVoor(prefix: string, e: Pick<RecordedEvent, 'gemeente' | 'streamType' | 'type'>): string {
  return `${prefix}.${e.gemeente}.${e.streamType}.${e.type}`;
}

/** Personal data that never leaves the system through integration events. */
const NOOIT_PUBLICEREN = new Set(['bsn']);

/**
 * The integration event other systems receive: the envelope and the data, without the BSN.
 * The actor (a user id) stays inside too: subscribers need what happened, not who typed it.
 */
export function integratieEvent(e: RecordedEvent): Record<string, unknown> {
  return {
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    streamId: e.streamId,
    streamType: e.streamType,
    streamVersion: e.streamVersion,
    positie: e.globalPosition,
    recordedAt: e.recordedAt.toISOString(),
    gemeente: e.gemeente,
    correlationId: e.correlationId,
    causationId: e.causationId,
    data: Object.fromEntries(Object.entries(e.data).filter(([k]) => !NOOIT_PUBLICEREN.has(k))),
  };
}
