import { type AnderRegel, type Checkpoint, type EventRegel, inhoudVan, persoonlijkeVelden, veldDigest, zegelVorm } from '@sd/audit';
import { isVersleuteld, type RecordedEvent } from '@sd/event-store';

/**
 * An export line of an asked gemeente: the stored event with its hidden fields as digests over their
 * CURRENT stored value and stored salt (a value changed in PostgreSQL after sealing shows as a break),
 * and the salts of the revealed fields only. A hidden field without a salt (added after sealing) gets
 * a digest under the empty salt, which cannot match the chain either: it is never shown as itself.
 */
export function eventRegel(
  e: RecordedEvent,
  zouten: Record<string, string>,
  keten: string | null,
  ontsleuteld?: Record<string, unknown>,
): EventRegel {
  const { verborgen, onthuld } = persoonlijkeVelden(e.type, e.data);
  const data: Record<string, unknown> = { ...e.data };
  for (const veld of verborgen) delete data[veld];
  const vorm = zegelVorm(e, {});
  return {
    soort: 'event',
    positie: vorm.positie,
    streamId: vorm.streamId,
    streamVersie: vorm.streamVersie,
    type: vorm.type,
    schemaVersie: vorm.schemaVersie,
    geregistreerdOp: vorm.geregistreerdOp,
    gemeente: vorm.gemeente,
    actor: vorm.actor,
    correlatie: vorm.correlatie,
    causatie: vorm.causatie,
    data,
    verborgen: Object.fromEntries(verborgen.map((v) => [v, veldDigest(zouten[v] ?? '', e.data[v])])),
    zouten: Object.fromEntries(onthuld.filter((v) => v in zouten).map((v) => [v, zouten[v]])),
    keten,
    ...(ontsleuteld
      ? { ontsleuteld: Object.fromEntries(onthuld.filter((v) => isVersleuteld(e.data[v])).map((v) => [v, ontsleuteld[v]])) }
      : {}),
  };
}

/** An export line of another gemeente's event: its content digest, recomputed from what is stored now. */
export function anderRegel(e: RecordedEvent, zouten: Record<string, string>, keten: string | null): AnderRegel {
  return { soort: 'ander', positie: e.globalPosition, gemeente: e.gemeente, inhoud: inhoudVan(zegelVorm(e, zouten)), keten };
}

export const checkpointRegel = (c: Checkpoint) => ({ soort: 'checkpoint' as const, ...c });
