import {
  BACKWARDS,
  END,
  eventTypeFilter,
  type Filter,
  FORWARDS,
  jsonEvent,
  type KurrentDBClient,
  type ReadPosition,
  START,
  streamNameFilter,
  StreamNotFoundError,
  WrongExpectedVersionError as KurrentWrongExpectedVersion,
} from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import {
  type AppendContext,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamsOptions,
  type RecordedEvent,
  type StreamsPage,
  WrongExpectedVersionError,
} from '../event-store.port.js';
import { ClientVergetenError } from '../versleuteling/sleutelkluis.js';
import { KurrentLezer } from './kurrentdb-lezer.js';
import { EVENT_WIJZER, escapeRegex, GEMEENTE_GEOPEND, KurrentNamen, STREAM_GEOPEND } from './kurrentdb-namen.js';
import {
  globalePositie,
  type KurrentRecorded,
  naarKurrent,
  registratieVan,
  streamState,
  vanafPositie,
  vanKurrent,
  versieVan,
} from './kurrentdb-mapping.js';

/** Ids of the registrations, derived from what they register: a retried registration is the same event. */
const NAMESPACE = '5b0f3a52-6f0e-4a8e-9a57-2f1d7c3e9b10';
/** Events read from `$all` per request when a gemeente's share is filtered out here. */
const VENSTER = 2000;

export interface KurrentDbOpties {
  /** Whether a client is forgotten (its key destroyed): appends naming it are refused, as es_append does in PostgreSQL. */
  isVergeten?: (clientId: string) => Promise<boolean>;
  /** Before every stream name (KURRENTDB_STREAM_PREFIX): environments or test files sharing one server. */
  prefix?: string;
}

/**
 * The EventStore port on KurrentDB (EVENT_STORE=kurrentdb). Stream ids are KurrentDB stream names;
 * the expected version becomes the client's `streamState`; the global position is the `$all`
 * commit position (kurrentdb-mapping.ts); recordedAt is the server's `created`. What KurrentDB has
 * no index for (a gemeente's streams, an event by id) is kept in streams of our own, written before
 * the events (kurrentdb-namen.ts).
 *
 * Idempotency: a retried command sends the same event ids with the same expected version as its
 * first attempt (the command handler derives both), and KurrentDB then acknowledges without writing
 * again. With `any` that holds only while the server still remembers the first write (best effort),
 * so the apps never append with `any`.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly bekendeGemeenten = new Set<string>();
  private readonly namen: KurrentNamen;
  private readonly lezer: KurrentLezer;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly opties: KurrentDbOpties = {},
  ) {
    this.namen = new KurrentNamen(opties.prefix);
    this.lezer = new KurrentLezer(client);
  }

  async append(streamId: string, expectedVersion: ExpectedVersion, events: NewEvent[], context: AppendContext): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const betrokkene = context.metadata?.betrokkene;
    if (typeof betrokkene === 'string' && (await this.opties.isVergeten?.(betrokkene))) throw new ClientVergetenError(betrokkene);
    const nieuw = expectedVersion === 'no-stream' || expectedVersion === 0 || expectedVersion === 'any';
    const registratie = nieuw ? await this.registreer(streamId, context, events[0]) : undefined;
    await this.schrijf(
      this.namen.eventWijzer(events[0].eventId),
      EVENT_WIJZER,
      { streamId },
      uuidv5(`wijzer:${events[0].eventId}`, NAMESPACE),
    );
    try {
      const res = await this.client.appendToStream(
        this.namen.stream(streamId),
        events.map((e, i) => naarKurrent(e, context, i === 0 ? registratie : undefined)),
        { streamState: streamState(expectedVersion) },
      );
      return {
        nextExpectedVersion: Number(res.nextExpectedRevision) + 1,
        lastPosition: globalePositie(res.position, { id: events.at(-1)!.eventId }),
      };
    } catch (e) {
      if (e instanceof KurrentWrongExpectedVersion)
        throw new WrongExpectedVersionError(streamId, expectedVersion, versieVan(e.actualState));
      throw e;
    }
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<RecordedEvent[]> {
    return (await this.leesStream(streamId, options.fromVersion ?? 1)).map((g) => g.event);
  }

  /** A stream's events, each with the registration its metadata names (only the first event has one). */
  private async leesStream(streamId: string, fromVersion = 1): Promise<{ event: RecordedEvent; registratie?: string }[]> {
    // A subscription starts after the revision it is given: version v is revision v - 1.
    const na = fromVersion <= 1 ? START : BigInt(fromVersion - 2);
    const events = await this.lezer.stream(this.namen.stream(streamId), na);
    return events.map((r) => ({ event: this.vanKurrent(r), registratie: registratieVan(r.metadata) }));
  }

  async readAll({ after, limit, gemeente, upTo, types }: ReadAllOptions): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    // One filter per read: event types (none of our own streams' types), or else the stream names.
    const filter = types
      ? eventTypeFilter({ regex: `^(${types.map(escapeRegex).join('|')})$` })
      : streamNameFilter({ regex: this.namen.alleenEventStreams() });
    // Filtered here too (the gemeente; the prefix under a type filter): read more per request.
    const venster = gemeente !== undefined || types !== undefined ? Math.max(VENSTER, limit) : limit;
    let na: ReadPosition = after === 0 ? START : vanafPositie(after);
    for (;;) {
      let batch: KurrentRecorded[];
      try {
        batch = await this.lezer.all(na, { filter }, venster);
      } catch (e) {
        // `after` is no event's position (a number someone typed) and the server refuses it.
        if (na === START || !isOngeldigePositie(e)) throw e;
        na = await this.laatsteTot(after, filter);
        continue;
      }
      for (const r of batch) {
        const e = this.vanKurrent(r);
        if (e.globalPosition <= after) continue;
        if (upTo !== undefined && e.globalPosition > upTo) return out;
        // The gemeente is in the metadata, which KurrentDB cannot filter on: a worker reads past the
        // other gemeenten' events here (see the README's event-store section).
        if ((gemeente === undefined || e.gemeente === gemeente) && this.namen.isEventStream(r.streamId)) out.push(e);
        if (out.length === limit) return out;
      }
      if (batch.length < venster) return out;
      na = vanafPositie(this.vanKurrent(batch.at(-1)!).globalPosition);
    }
  }

  /** Where to start reading for the events after a number that is no event's position: the last event at or before it. */
  private async laatsteTot(after: number, filter: Filter): Promise<ReadPosition> {
    let laatste: ReadPosition = START;
    for await (const r of this.client.readAll({ fromPosition: START, direction: FORWARDS, filter })) {
      if (!r.event) continue;
      if (globalePositie(r.event.position, r.event) > after) break;
      laatste = r.event.position;
    }
    return laatste;
  }

  async readStreams({ gemeente, upTo, cursor, limit }: ReadStreamsOptions): Promise<StreamsPage> {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('readStreams needs a limit of at least 1 stream');
    const events: RecordedEvent[] = [];
    let laatste: bigint | undefined;
    let streams = 0;
    try {
      for await (const r of this.client.readStream(this.namen.streamsVan(gemeente), {
        fromRevision: cursor === undefined ? START : BigInt(cursor) + 1n,
        maxCount: limit,
      })) {
        if (!r.event) continue;
        laatste = r.event.revision;
        streams++;
        const { streamId } = r.event.data as { streamId: string };
        const gelezen = await this.leesStream(streamId);
        // Only the registration the stream's first event names: a retried or failed begin registers
        // again, and a stream begun after upTo has no events up to it.
        if (gelezen[0]?.registratie !== String(laatste)) continue;
        events.push(...gelezen.map((g) => g.event).filter((e) => e.globalPosition <= upTo));
      }
    } catch (e) {
      if (!(e instanceof StreamNotFoundError)) throw e;
    }
    return { events, next: streams < limit || laatste === undefined ? null : String(laatste) };
  }

  async findEvent(eventId: string): Promise<RecordedEvent | null> {
    const [wijzer] = await this.leesEigen(this.namen.eventWijzer(eventId), 1);
    if (!wijzer) return null;
    const { streamId } = wijzer as { streamId: string };
    return (await this.readStream(streamId)).find((e) => e.eventId === eventId) ?? null;
  }

  async streamsAbout(clientId: string): Promise<{ streamId: string; streamType: string }[]> {
    const out = new Map<string, string>();
    for (const d of (await this.leesEigen(this.namen.streamsOver(clientId))) as { streamId: string; streamType: string }[]) {
      if (out.has(d.streamId)) continue;
      // Registered before the stream's first event: only a stream that was begun, about this client.
      const [eerste] = await this.readStream(d.streamId);
      if (eerste?.data.clientId === clientId) out.set(d.streamId, d.streamType);
    }
    return [...out].map(([streamId, streamType]) => ({ streamId, streamType }));
  }

  async eventAt(position: number): Promise<RecordedEvent | null> {
    if (position <= 0) return null;
    try {
      for await (const r of this.client.readAll({
        fromPosition: vanafPositie(position),
        maxCount: 1,
        direction: FORWARDS,
        filter: streamNameFilter({ regex: this.namen.alleenEventStreams() }),
      })) {
        if (!r.event || globalePositie(r.event.position, r.event) !== position) return null;
        // Read once more by subscription, for its created to the millisecond (kurrentdb-lezer.ts).
        const na = r.event.revision === 0n ? START : r.event.revision - 1n;
        const [precies] = await this.lezer.stream(r.event.streamId, na, 1);
        return precies ? this.vanKurrent(precies) : null;
      }
    } catch (e) {
      if (!isOngeldigePositie(e)) throw e;
    }
    return null;
  }

  async headPosition(): Promise<number> {
    for await (const r of this.client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      maxCount: 1,
      filter: streamNameFilter({ regex: this.namen.alleenEventStreams() }),
    })) {
      if (r.event) return this.vanKurrent(r.event).globalPosition;
    }
    return 0;
  }

  /** Registered before their first stream: a gemeente whose first append failed is listed without events (harmless to the readers). */
  async gemeenten(): Promise<string[]> {
    const alle = await this.leesEigen(this.namen.gemeenten());
    return [...new Set(alle.map((d) => (d as { gemeente: string }).gemeente))].sort();
  }

  /**
   * A stream (possibly) begun: on the gemeente's list, and the gemeente on the list of gemeenten.
   * Returns the revision of the stream's entry, which its first event names.
   */
  private async registreer(streamId: string, context: AppendContext, eerste: NewEvent): Promise<string> {
    const clientId = eerste.data.clientId;
    if (typeof clientId === 'string' && context.streamType !== 'client') {
      await this.schrijf(
        this.namen.streamsOver(clientId),
        STREAM_GEOPEND,
        { streamId, streamType: context.streamType },
        uuidv5(`over:${streamId}`, NAMESPACE),
      );
    }
    if (!this.bekendeGemeenten.has(context.gemeente)) {
      await this.schrijf(
        this.namen.gemeenten(),
        GEMEENTE_GEOPEND,
        { gemeente: context.gemeente },
        uuidv5(`gemeente:${context.gemeente}`, NAMESPACE),
      );
      this.bekendeGemeenten.add(context.gemeente);
    }
    const revisie = await this.schrijf(
      this.namen.streamsVan(context.gemeente),
      STREAM_GEOPEND,
      { streamId, streamType: context.streamType },
      randomUUID(),
    );
    return String(revisie);
  }

  private vanKurrent(e: Parameters<typeof vanKurrent>[0]): RecordedEvent {
    const event = vanKurrent(e);
    return { ...event, streamId: this.namen.streamId(event.streamId) };
  }

  private async schrijf(stream: string, type: string, data: Record<string, unknown>, id: string): Promise<bigint> {
    return (await this.client.appendToStream(stream, jsonEvent({ id, type, data }))).nextExpectedRevision;
  }

  private async leesEigen(stream: string, maxCount?: number): Promise<unknown[]> {
    const out: unknown[] = [];
    try {
      for await (const r of this.client.readStream(stream, { fromRevision: START, ...(maxCount ? { maxCount } : {}) }))
        if (r.event) out.push(r.event.data);
    } catch (e) {
      if (e instanceof StreamNotFoundError) return [];
      throw e;
    }
    return out;
  }
}

/** KurrentDB's answer to a read of `$all` from a position inside a record (the bridge passes on only its text). */
const isOngeldigePositie = (e: unknown): boolean => /invalid position/i.test(String((e as Error)?.message ?? e));
