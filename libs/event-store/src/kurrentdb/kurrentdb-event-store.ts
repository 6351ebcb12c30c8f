import {
  BACKWARDS,
  END,
  eventTypeFilter,
  type Filter,
  jsonEvent,
  type KurrentDBClient,
  type ReadPosition,
  START,
  streamNameFilter,
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
import { volgNieuweEvents } from './kurrentdb-volger.js';
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
    const events = await this.lezer.stream(this.namen.stream(streamId), BigInt(fromVersion - 1), Number.MAX_SAFE_INTEGER);
    return events.map((r) => ({ event: this.vanKurrent(r), registratie: registratieVan(r.metadata) }));
  }

  async readAll({ after, limit, gemeente, upTo, types }: ReadAllOptions): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    // One filter per read: event types (none of our own streams' types), or else the stream names.
    const filter = types ? eventTypeFilter({ regex: `^(${types.map(escapeRegex).join('|')})$` }) : this.eventStreams();
    // Filtered here too (the gemeente; the prefix under a type filter): read more per request.
    const venster = gemeente !== undefined || types !== undefined ? Math.max(VENSTER, limit) : limit;
    let van: ReadPosition = after === 0 ? START : vanafPositie(after);
    for (;;) {
      let batch: KurrentRecorded[];
      try {
        batch = await this.lezer.all(van, filter, venster + 1);
      } catch (e) {
        // `after` is no event's position (a number someone typed): the server refuses to start there.
        if (van === START || !isOngeldigePositie(e)) throw e;
        van = await this.laatsteTot(after, filter);
        continue;
      }
      let nieuw = 0;
      for (const r of batch) {
        const e = this.vanKurrent(r);
        if (e.globalPosition <= after) continue; // a read includes the position it starts at
        nieuw++;
        if (upTo !== undefined && e.globalPosition > upTo) return out;
        // The gemeente is in the metadata, which KurrentDB cannot filter on: a worker reads past the
        // other gemeenten' events here (see the README's event-store section).
        if ((gemeente === undefined || e.gemeente === gemeente) && this.namen.isEventStream(r.streamId)) out.push(e);
        if (out.length === limit) return out;
        after = e.globalPosition;
      }
      if (nieuw < venster) return out;
      van = vanafPositie(after);
    }
  }

  /** Where to read from for the events after a number that is no event's position: the last event before it. */
  private async laatsteTot(after: number, filter: Filter): Promise<ReadPosition> {
    let van: ReadPosition = START;
    for (;;) {
      const batch = await this.lezer.all(van, filter, VENSTER);
      const ervoor = batch.filter((r) => globalePositie(r.position, r) <= after);
      if (ervoor.length < batch.length || batch.length < VENSTER) return ervoor.at(-1)?.position ?? van;
      van = ervoor.at(-1)!.position!;
    }
  }

  async readStreams({ gemeente, upTo, cursor, limit }: ReadStreamsOptions): Promise<StreamsPage> {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('readStreams needs a limit of at least 1 stream');
    const van = cursor === undefined ? 0n : BigInt(cursor) + 1n;
    const registraties = await this.lezer.stream(this.namen.streamsVan(gemeente), van, limit);
    const events: RecordedEvent[] = [];
    for (const r of registraties) {
      const { streamId } = r.data as { streamId: string };
      const gelezen = await this.leesStream(streamId);
      // Only the registration the stream's first event names: a retried or failed begin registers
      // again, and a stream begun after upTo has no events up to it.
      if (gelezen[0]?.registratie !== String(r.revision)) continue;
      events.push(...gelezen.map((g) => g.event).filter((e) => e.globalPosition <= upTo));
    }
    return { events, next: registraties.length < limit ? null : String(registraties.at(-1)!.revision) };
  }

  async findEvent(eventId: string): Promise<RecordedEvent | null> {
    const [wijzer] = await this.lezer.stream(this.namen.eventWijzer(eventId), 0n, 1);
    if (!wijzer) return null;
    const { streamId } = wijzer.data as { streamId: string };
    return (await this.readStream(streamId)).find((e) => e.eventId === eventId) ?? null;
  }

  async streamsAbout(clientId: string): Promise<{ streamId: string; streamType: string }[]> {
    const out = new Map<string, string>();
    for (const r of await this.lezer.stream(this.namen.streamsOver(clientId), 0n, Number.MAX_SAFE_INTEGER)) {
      const d = r.data as { streamId: string; streamType: string };
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
      const [r] = await this.lezer.all(vanafPositie(position), this.eventStreams(), 1);
      const e = r && this.vanKurrent(r);
      return e?.globalPosition === position ? e : null;
    } catch (e) {
      if (isOngeldigePositie(e)) return null;
      throw e;
    }
  }

  async headPosition(): Promise<number> {
    const [r] = await this.lezer.all(END, this.eventStreams(), 1, BACKWARDS);
    return r ? this.vanKurrent(r).globalPosition : 0;
  }

  /** Registered before their first stream: a gemeente whose first append failed is listed without events (harmless to the readers). */
  async gemeenten(): Promise<string[]> {
    const alle = await this.lezer.stream(this.namen.gemeenten(), 0n, Number.MAX_SAFE_INTEGER);
    return [...new Set(alle.map((r) => (r.data as { gemeente: string }).gemeente))].sort();
  }

  /** Calls `nieuw` with the position of each event appended from now on (kurrentdb-volger.ts). */
  volgNieuwe(nieuw: (positie?: number) => void): { stop(): Promise<void> } {
    return volgNieuweEvents(this.client, this.eventStreams(), nieuw);
  }

  private eventStreams(): Filter {
    return streamNameFilter({ regex: this.namen.alleenEventStreams() });
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
}

/** KurrentDB's answer to a read of `$all` from a position inside a record (the bridge passes on only its text). */
const isOngeldigePositie = (e: unknown): boolean => /invalid position/i.test(String((e as Error)?.message ?? e));
