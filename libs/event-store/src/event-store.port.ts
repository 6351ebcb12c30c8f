/**
 * The event store port: the only source of truth of the system.
 *
 * Every adapter (PostgreSQL now, KurrentDB later, in-memory for unit tests) passes the same
 * contract suite in `event-store.contract.ts`.
 */

/** `no-stream`: the stream must not exist yet; `any`: no check; a number: the exact current version. */
export type ExpectedVersion = 'no-stream' | 'any' | number;

/** The version of a stream is the number of events in it; a missing stream has version 0. */
export const NO_STREAM_VERSION = 0;

export interface NewEvent {
  /** uuid; chosen by the caller so that a retried command appends nothing new (idempotency). */
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

/** Who and what an append is about; stored on every event of the append. */
export interface AppendContext {
  streamType: string;
  /** CBS code (`GM0005`) of the gemeente that owns the stream. */
  gemeente: string;
  actorId: string;
  correlationId: string;
  causationId?: string;
  /** Free, non-personal metadata (idempotency key hash, request hash, ...). */
  metadata?: Record<string, unknown>;
  /**
   * The client the events are about (pseudonymous id): whose key encrypts their personal fields.
   * Taken from the events' own `clientId` when not given.
   */
  betrokkene?: string;
}

export interface RecordedEvent {
  eventId: string;
  streamId: string;
  streamType: string;
  /** 1-based position of the event within its stream. */
  streamVersion: number;
  /** Position in the global order of all events; gaps are allowed, order is strict. */
  globalPosition: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  gemeente: string;
  actorId: string;
  correlationId: string;
  causationId: string | null;
  metadata: Record<string, unknown>;
  /** Transaction time: taken from the database clock while appending (the kennisdatum axis). */
  recordedAt: Date;
}

export interface AppendResult {
  /** The stream's version after the append. */
  nextExpectedVersion: number;
  /** The global position of the last appended event. */
  lastPosition: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with a global position strictly greater than this are returned. */
  after: number;
  limit: number;
  /** Only the events of this gemeente (a projection worker's share). */
  gemeente?: string;
  /** Inclusive upper bound on the global position. */
  upTo?: number;
  /** Only events of these types (KurrentDB filters them on the server). */
  types?: readonly string[];
}

export interface ReadStreamsOptions {
  gemeente: string;
  /** Inclusive upper bound on the global position: later events, and streams begun later, are left out. */
  upTo: number;
  /** Where the previous page ended (its `next`, opaque: each adapter has its own); none for the first page. */
  cursor?: string;
  /** At most this many streams (1 or more). */
  limit: number;
}

export interface StreamsPage {
  /** The events of the page's streams, stream by stream (in an order fixed by the adapter), each in stream order. */
  events: RecordedEvent[];
  /** Pass as `cursor` for the next page; null when this was the last. */
  next: string | null;
}

export interface EventStore {
  append(streamId: string, expectedVersion: ExpectedVersion, events: NewEvent[], context: AppendContext): Promise<AppendResult>;

  /** The stream's events in stream order; an empty array for a missing stream. */
  readStream(streamId: string, options?: { fromVersion?: number }): Promise<RecordedEvent[]>;

  /**
   * A batch of events in global order after a position. Never returns an event with a position
   * below one it has already returned to a reader that passes its last position back in
   * (events of still-running appends are held back until every earlier append has finished).
   */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;

  /**
   * Whole streams of one gemeente, up to a global position, page by page: for filling a read model
   * from nothing, where each stream's events seen together make every version of it at once.
   */
  readStreams(options: ReadStreamsOptions): Promise<StreamsPage>;

  /** The event with this id, or null. Used to answer a retried command with its first answer. */
  findEvent(eventId: string): Promise<RecordedEvent | null>;

  /** The streams whose first event names this client (`data.clientId`), other than its own, in the order they were begun. */
  streamsAbout(clientId: string): Promise<{ streamId: string; streamType: string }[]>;

  /** The event at this global position, or null (no event there). */
  eventAt(position: number): Promise<RecordedEvent | null>;

  /** The highest global position a reader can see now (0 for an empty store). */
  headPosition(): Promise<number>;

  /** The gemeenten that own at least one stream, sorted. */
  gemeenten(): Promise<string[]>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
/** The store below the encryption: events exactly as stored (the audit chain seals this form). */
export const RUWE_EVENT_STORE = Symbol('RUWE_EVENT_STORE');

/** The stream was not at the expected version: somebody else wrote first. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${expected}, actual ${actual}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** An event with this id is already stored (a retried command). */
export class DuplicateEventError extends Error {
  constructor(readonly eventId: string) {
    super(`event ${eventId} is already stored`);
    this.name = 'DuplicateEventError';
  }
}
