import { persoonlijkeVeldenVan } from '@sd/contracts';
import type { RecordedEvent } from '@sd/event-store';

/** JetStream subject of an event: `sociaal-domein.<gemeente>.<streamType>.<eventType>`. */
export function subjectVoor(prefix: string, e: Pick<RecordedEvent, 'gemeente' | 'streamType' | 'type'>): string {
  return `${prefix}.${e.gemeente}.${e.streamType}.${e.type}`;
}

/**
 * The integration event other systems receive: the envelope and the data without any personal
 * field (those the event's contract declares: BSN, geboortedatum, geslacht, huishoudenId, typed
 * text), so pseudonymous ids and codes only. Another system can never be told to forget what it
 * received; one that needs more asks the API, where access is checked and logged. The actor (a user
 * id) stays inside too: subscribers need what happened, not who typed it.
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
    data: zonderPersoonsgegevens(e.type, e.data),
  };
}

function zonderPersoonsgegevens(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const { verborgen, onthuld } = persoonlijkeVeldenVan(type);
  const persoonlijk = new Set([...verborgen, ...onthuld]);
  return Object.fromEntries(Object.entries(data).filter(([k]) => !persoonlijk.has(k)));
}
