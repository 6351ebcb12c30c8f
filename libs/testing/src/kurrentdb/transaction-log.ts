import { checkCommit, type ExpectedRevision, type StreamView } from './commit-check.js';
import { ticksNow } from './protocol.js';

/** An event as the client proposes it. */
export interface ProposedEvent {
  eventId: string;
  type: string;
  isJson: boolean;
  data: Uint8Array;
  metadata: Uint8Array;
}

/** An event as the log keeps it. */
export interface LoggedEvent extends ProposedEvent {
  streamId: string;
  /** 0-based event number in its stream. */
  revision: bigint;
  /** Ticks (100 ns) since the Unix epoch, set by the server when it writes. */
  created: bigint;
  /**
   * Byte offset of the event's record in the log. KurrentDB 24/25 writes every event of an
   * append as its own prepare record flagged IsCommitted (no separate commit record), and
   * `$all` reads give such an event commit = prepare = that record's position.
   */
  position: bigint;
  /** Byte offset just after the record: where the next record starts. */
  postPosition: bigint;
}

export type AppendOutcome = { kind: 'success'; currentRevision: bigint; position: bigint } | { kind: 'conflict'; current: bigint };

/**
 * An in-memory model of KurrentDB's transaction log: records at sparse, increasing byte
 * offsets, streams with 0-based revisions, and the append checks of commit-check.ts.
 */
export class TransactionLog {
  private readonly events: LoggedEvent[] = [];
  private readonly streams = new Map<string, LoggedEvent[]>();
  private readonly idsByStream = new Map<string, Map<string, bigint>>();
  private readonly recordStarts = new Set<bigint>();
  private readonly listeners = new Set<(events: readonly LoggedEvent[]) => void>();
  private writerPosition = 0n;

  constructor() {
    // A fresh database starts with an epoch (a system record) and an event in
    // `$epoch-information`, so the first user event is never at position 0, and the default
    // `$all` filter (which hides `$epoch-information`) has something to hide.
    this.writeRecord(EPOCH_RECORD_SIZE);
    const epoch = JSON.stringify({ epochNumber: 0, epochPosition: '0' });
    this.writeEvents('$epoch-information', -1n, [
      {
        eventId: '00000000-0000-4000-8000-000000000001',
        type: '$epoch-information',
        isJson: true,
        data: Buffer.from(epoch),
        metadata: new Uint8Array(),
      },
    ]);
  }

  /** The writer checkpoint: the position after the last record. */
  get end(): bigint {
    return this.writerPosition;
  }

  /** All events in log order (what `$all` reads, before its filters). */
  get all(): readonly LoggedEvent[] {
    return this.events;
  }

  stream(streamId: string): readonly LoggedEvent[] | undefined {
    return this.streams.get(streamId);
  }

  /** Whether a `$all` position points at a record or at the end: the positions a read may start from. */
  isRecordBoundary(position: bigint): boolean {
    return position >= this.writerPosition || this.recordStarts.has(position);
  }

  /** Called after each committed append, in log order. */
  onAppend(listener: (events: readonly LoggedEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(streamId: string, expected: ExpectedRevision, proposed: ProposedEvent[]): AppendOutcome {
    const events = this.streams.get(streamId) ?? [];
    const decision = checkCommit(
      this.view(streamId),
      expected,
      proposed.map((e) => e.eventId),
    );
    if (decision.kind === 'conflict') return decision;
    if (decision.kind === 'idempotent') {
      // The original result again: the real server answers with the log position of the last
      // event of the retried set (IndexWriter.CheckCommit, IdempotentLogPosition).
      const last = events[Number(decision.lastRevision)];
      return { kind: 'success', currentRevision: decision.lastRevision, position: last.position };
    }
    const lastRevision = BigInt(events.length) - 1n;
    if (proposed.length === 0) {
      // An empty append still writes an (empty, unreadable) prepare record and answers with it.
      const position = this.writeRecord(prepareRecordSize(streamId, '', 0, 0));
      return { kind: 'success', currentRevision: lastRevision, position };
    }
    const written = this.writeEvents(streamId, lastRevision, proposed);
    // The append's position is that of its last record (the one flagged TransactionEnd): the
    // chaser publishes CommitChased with that record's LogPosition and the request manager
    // answers with it as both commit and prepare position.
    const last = written[written.length - 1];
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }

  private view(streamId: string): StreamView {
    const events = this.streams.get(streamId) ?? [];
    const ids = this.idsByStream.get(streamId);
    return {
      lastRevision: BigInt(events.length) - 1n,
      idAt: (revision) => events[Number(revision)]?.eventId,
      revisionOf: (eventId) => ids?.get(eventId),
    };
  }

  private writeEvents(streamId: string, lastRevision: bigint, proposed: ProposedEvent[]): LoggedEvent[] {
    const created = ticksNow();
    const stream = this.streams.get(streamId) ?? [];
    const ids = this.idsByStream.get(streamId) ?? new Map<string, bigint>();
    const written = proposed.map((event, i): LoggedEvent => {
      const size = prepareRecordSize(streamId, event.type, event.data.length, event.metadata.length);
      const position = this.writeRecord(size);
      return { ...event, streamId, revision: lastRevision + 1n + BigInt(i), created, position, postPosition: position + size };
    });
    for (const event of written) {
      stream.push(event);
      this.events.push(event);
      ids.set(event.eventId, event.revision);
    }
    this.streams.set(streamId, stream);
    this.idsByStream.set(streamId, ids);
    for (const listener of this.listeners) listener(written);
    return written;
  }

  private writeRecord(size: bigint): bigint {
    const position = this.writerPosition;
    this.recordStarts.add(position);
    this.writerPosition += size;
    return position;
  }
}

/** Roughly what the epoch record and its preamble take on a fresh database. */
const EPOCH_RECORD_SIZE = 122n;

/**
 * The on-disk size of a v2 prepare record, from the field list in PrepareLogRecord
 * (src/KurrentDB.Core/TransactionLog/LogRecords/PrepareLogRecord.cs, ComputeSizeOnDisk):
 * length prefix and suffix (8), record header (10), flags (2), transaction position (8),
 * transaction offset (4), expected version (8), stream id, event id (16), correlation id (16),
 * timestamp (8), event type, data length (4) + data, metadata length (4) + metadata; strings
 * carry a ULEB128 length prefix.
 */
export function prepareRecordSize(streamId: string, type: string, dataLength: number, metadataLength: number): bigint {
  const fixed = 8 + 10 + 2 + 8 + 4 + 8 + 16 + 16 + 8 + 4 + 4;
  return BigInt(fixed + stringSize(streamId) + stringSize(type) + dataLength + metadataLength);
}

function stringSize(value: string): number {
  const bytes = Buffer.byteLength(value, 'utf8');
  return bytes === 0 ? 1 : bytes + Math.floor(Math.log2(bytes) / 7) + 1;
}
