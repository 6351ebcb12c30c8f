import { ANY, type AppendStreamState, jsonEvent, NO_STREAM, type EventData, type Position } from '@kurrent/kurrentdb-client';
import type { AppendContext, ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port.js';

/**
 * What we keep in a KurrentDB event's metadata: the envelope fields the port has beside the data.
 * `$correlationId`/`$causationId` are KurrentDB's own names for two of them, so its tools (the
 * `$by_correlation_id` projection, the UI) understand them too.
 */
interface KurrentMetadata {
  schemaVersion: number;
  streamType: string;
  gemeente: string;
  actorId: string;
  $correlationId: string;
  $causationId?: string;
  metadata: Record<string, unknown>;
  /** On a stream's first event: the revision of its entry in `sd-streams-<gemeente>` (readStreams). */
  registratie?: string;
}

export function naarKurrent(e: NewEvent, context: AppendContext, registratie?: string): EventData {
  const metadata: KurrentMetadata = {
    schemaVersion: e.schemaVersion,
    streamType: context.streamType,
    gemeente: context.gemeente,
    actorId: context.actorId,
    $correlationId: context.correlationId,
    ...(context.causationId ? { $causationId: context.causationId } : {}),
    metadata: context.metadata ?? {},
    ...(registratie !== undefined ? { registratie } : {}),
  };
  return jsonEvent({ id: e.eventId, type: e.type, data: e.data, metadata: metadata as unknown as Record<string, unknown> });
}

/** The part of the client's recorded event we read (its types differ between readStream and readAll). */
export interface KurrentRecorded {
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

/**
 * Our global position is the event's `$all` commit position: a 64-bit byte offset in KurrentDB's
 * transaction log, increasing but not dense. Each event of a multi-event append has its own (equal
 * to its prepare position: the server writes each event as a record of its own, flagged committed),
 * so it orders events strictly. A number holds it exactly up to 2^53 (8 PiB of log).
 */
export function globalePositie(p: Position | undefined, e: { id: string }): number {
  if (!p) throw new Error(`KurrentDB gave event ${e.id} without its $all position`);
  // A stream read may give no commit position (2^64 - 1); the prepare position is the same number.
  const n = Number(p.commit >= 2n ** 63n ? p.prepare : p.commit);
  if (!Number.isSafeInteger(n)) throw new RangeError(`KurrentDB position ${p.commit} is beyond 2^53`);
  return n;
}

/** Where to read `$all` from to get the events after a global position (the read includes it: skip it). */
export const vanafPositie = (na: number): Position => ({ commit: BigInt(na), prepare: BigInt(na) });

export function vanKurrent(e: KurrentRecorded): RecordedEvent {
  const m = (e.metadata ?? {}) as Partial<KurrentMetadata>;
  return {
    eventId: e.id,
    streamId: e.streamId,
    streamType: m.streamType ?? '',
    streamVersion: Number(e.revision) + 1,
    globalPosition: globalePositie(e.position, e),
    type: e.type,
    schemaVersion: m.schemaVersion ?? 1,
    data: e.data as Record<string, unknown>,
    gemeente: m.gemeente ?? '',
    actorId: m.actorId ?? '',
    correlationId: m.$correlationId ?? '',
    causationId: m.$causationId ?? null,
    metadata: m.metadata ?? {},
    recordedAt: e.created,
  };
}

/** Our stream version counts events (0: no stream); KurrentDB's revision is the 0-based index of the last one. */
export function streamState(expected: ExpectedVersion): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === 'no-stream' || expected === 0) return NO_STREAM;
  return BigInt(expected - 1);
}

/** KurrentDB's current state of a stream as our version. */
export const versieVan = (state: unknown): number => (typeof state === 'bigint' ? Number(state) + 1 : 0);

export const registratieVan = (metadata: unknown): string | undefined => (metadata as Partial<KurrentMetadata> | undefined)?.registratie;
