import type { RecordedEvent } from '@sd/event-store';
import { inhoudVan, type ZegelEvent } from './keten.js';
import { metDigests } from './verborgen.js';

/** A stored event in the chain's form, its personal fields as digests under their salts. */
export function zegelVorm(e: RecordedEvent, zouten: Record<string, string>): ZegelEvent {
  return {
    positie: e.globalPosition,
    streamId: e.streamId,
    streamVersie: e.streamVersion,
    type: e.type,
    schemaVersie: e.schemaVersion,
    geregistreerdOp: e.recordedAt.toISOString(),
    gemeente: e.gemeente,
    actor: e.actorId,
    correlatie: e.correlationId,
    causatie: e.causationId,
    data: metDigests(e.data, zouten),
  };
}

/** inhoud(e) of a stored event. */
export const inhoudVanEvent = (e: RecordedEvent, zouten: Record<string, string>): string => inhoudVan(zegelVorm(e, zouten));
