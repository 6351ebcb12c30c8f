import {
  type AppendContext,
  type AppendResult,
  DuplicateEventError,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamsOptions,
  type RecordedEvent,
  type StreamsPage,
} from '../event-store.port.js';
import { checkExpectedVersion } from '../expected-version.js';

/** For unit tests only: keeps everything in one array. Not durable, not shared between processes. */
export class InMemoryEventStore implements EventStore {
  private readonly events: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();

  async append(streamId: string, expectedVersion: ExpectedVersion, events: NewEvent[], context: AppendContext): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    checkExpectedVersion(streamId, expectedVersion, stream.length);
    const duplicate = events.find((e) => this.byId.has(e.eventId));
    if (duplicate) throw new DuplicateEventError(duplicate.eventId);
    if (new Set(events.map((e) => e.eventId)).size !== events.length) {
      throw new DuplicateEventError(events[0].eventId);
    }
    const recordedAt = new Date();
    const recorded = events.map((e, i): RecordedEvent => ({
      eventId: e.eventId,
      streamId,
      streamType: context.streamType,
      streamVersion: stream.length + i + 1,
      globalPosition: this.events.length + i + 1,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: structuredClone(e.data),
      gemeente: context.gemeente,
      actorId: context.actorId,
      correlationId: context.correlationId,
      causationId: context.causationId ?? null,
      metadata: structuredClone(context.metadata ?? {}),
      recordedAt,
    }));
    for (const r of recorded) {
      this.events.push(r);
      stream.push(r);
      this.byId.set(r.eventId, r);
    }
    this.streams.set(streamId, stream);
    return { nextExpectedVersion: stream.length, lastPosition: recorded.at(-1)!.globalPosition };
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<RecordedEvent[]> {
    const from = options.fromVersion ?? 1;
    return (this.streams.get(streamId) ?? []).filter((e) => e.streamVersion >= from).map(clone);
  }

  async readAll({ after, limit, gemeente, upTo, types }: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.events
      .filter((e) => e.globalPosition > after && (upTo === undefined || e.globalPosition <= upTo))
      .filter((e) => (gemeente === undefined || e.gemeente === gemeente) && (types === undefined || types.includes(e.type)))
      .slice(0, limit)
      .map(clone);
  }

  async readStreams({ gemeente, upTo, cursor, limit }: ReadStreamsOptions): Promise<StreamsPage> {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('readStreams needs a limit of at least 1 stream');
    // Byte order, as the PostgreSQL adapter's COLLATE "C" (stream ids are ASCII).
    const ids = [...this.streams.keys()]
      .filter((id) => this.streams.get(id)![0].gemeente === gemeente && (cursor === undefined || id > cursor))
      .sort()
      .slice(0, limit);
    const events = ids.flatMap((id) =>
      this.streams
        .get(id)!
        .filter((e) => e.globalPosition <= upTo)
        .map(clone),
    );
    return { events, next: ids.length < limit ? null : ids.at(-1)! };
  }

  async streamsAbout(clientId: string): Promise<{ streamId: string; streamType: string }[]> {
    return [...this.streams.values()]
      .map((s) => s[0])
      .filter((e) => e.data.clientId === clientId && e.streamType !== 'client')
      .sort((a, b) => a.globalPosition - b.globalPosition)
      .map((e) => ({ streamId: e.streamId, streamType: e.streamType }));
  }

  async gemeenten(): Promise<string[]> {
    return [...new Set(this.events.map((e) => e.gemeente))].sort();
  }

  async findEvent(eventId: string): Promise<RecordedEvent | null> {
    const e = this.byId.get(eventId);
    return e ? clone(e) : null;
  }

  async eventAt(position: number): Promise<RecordedEvent | null> {
    const e = this.events.find((x) => x.globalPosition === position);
    return e ? clone(e) : null;
  }

  async headPosition(): Promise<number> {
    return this.events.length;
  }
}

const clone = (e: RecordedEvent): RecordedEvent => ({ ...e, data: structuredClone(e.data), metadata: structuredClone(e.metadata) });
