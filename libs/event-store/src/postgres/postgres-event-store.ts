import type pg from 'pg';
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
  WrongExpectedVersionError,
} from '../event-store.port.js';
import { expectedVersionCode } from '../expected-version.js';
import { ClientVergetenError } from '../versleuteling/sleutelkluis.js';
import type { NieuweEventsMelder } from '../wekken/nieuwe-events.js';

const COLUMNS = `global_position, stream_id, stream_version, stream_type, event_id, event_type, schema_version,
  gemeente, data, metadata, actor_id, correlation_id, causation_id, recorded_at`;

/** Only events of transactions older than every running one are visible: see the migration. */
const VISIBLE = `transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;

/** A row of es_events as node-pg reads it (bigints as strings). */
export interface EventRow {
  global_position: string;
  stream_id: string;
  stream_version: string;
  stream_type: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  gemeente: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  actor_id: string;
  correlation_id: string;
  causation_id: string | null;
  recorded_at: Date;
}

export class PostgresEventStore implements EventStore {
  /** With a melder, each append that commits is followed by a NOTIFY that wakes readers (see NieuweEventsMelder). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly melder?: NieuweEventsMelder,
  ) {}

  async append(streamId: string, expectedVersion: ExpectedVersion, events: NewEvent[], context: AppendContext): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const expected = expectedVersionCode(expectedVersion);
    try {
      // A named statement: parsed and planned once per connection instead of on every append.
      const { rows } = await this.pool.query<{ global_position: string; stream_version: string }>({
        name: 'es_append',
        text: `SELECT * FROM es_append($1, $2, $3, $4, $5::uuid[], $6::text[], $7::integer[], $8::jsonb[], $9::jsonb, $10, $11, $12)`,
        values: [
          streamId,
          context.streamType,
          context.gemeente,
          expected,
          events.map((e) => e.eventId),
          events.map((e) => e.type),
          events.map((e) => e.schemaVersion),
          events.map((e) => JSON.stringify(e.data)),
          JSON.stringify(context.metadata ?? {}),
          context.actorId,
          context.correlationId,
          context.causationId ?? null,
        ],
      });
      const last = rows[rows.length - 1];
      this.melder?.meld(Number(last.global_position));
      return { nextExpectedVersion: Number(last.stream_version), lastPosition: Number(last.global_position) };
    } catch (err) {
      throw await this.translate(err, streamId, expectedVersion);
    }
  }

  private async translate(err: unknown, streamId: string, expected: ExpectedVersion): Promise<unknown> {
    const e = err as { code?: string; constraint?: string; detail?: string };
    if (e.code === 'SD409' || (e.code === '23505' && e.constraint === 'es_events_stream_version_key')) {
      return new WrongExpectedVersionError(streamId, expected, await this.streamVersion(streamId));
    }
    if (e.code === '23505' && e.constraint === 'es_events_event_id_key') {
      const id = /\(event_id\)=\(([^)]+)\)/.exec(e.detail ?? '')?.[1] ?? 'unknown';
      return new DuplicateEventError(id);
    }
    if (e.code === 'SD410') return new ClientVergetenError(e.detail ?? 'unknown'); // es_append's check (migration 1763900000012)
    return err;
  }

  private async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: string }>({
      name: 'es_stream_version',
      text: `SELECT version FROM es_streams WHERE stream_id = $1`,
      values: [streamId],
    });
    return rows[0] ? Number(rows[0].version) : 0;
  }

  // Commands read a stream or two each: named statements are parsed and planned once per connection
  // (planning cost as much as running these index lookups). Not readAll: its plan depends on its arguments.
  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: 'es_read_stream',
      text: `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      values: [streamId, options.fromVersion ?? 1],
    });
    return rows.map(toRecorded);
  }

  async readAll({ after, limit, gemeente, upTo, types }: ReadAllOptions): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events
        WHERE global_position > $1 AND ${VISIBLE}
          AND ($3::text IS NULL OR gemeente = $3) AND ($4::bigint IS NULL OR global_position <= $4)
          AND ($5::text[] IS NULL OR event_type = ANY($5))
        ORDER BY global_position LIMIT $2`,
      [after, limit, gemeente ?? null, upTo ?? null, types ?? null],
    );
    return rows.map(toRecorded);
  }

  /** Through the partial index on the first events' clientId. */
  async streamsAbout(clientId: string): Promise<{ streamId: string; streamType: string }[]> {
    const { rows } = await this.pool.query<{ stream_id: string; stream_type: string }>(
      `SELECT stream_id, stream_type FROM es_events
        WHERE stream_version = 1 AND data->>'clientId' = $1 AND stream_type <> 'client'
        ORDER BY global_position`,
      [clientId],
    );
    return rows.map((r) => ({ streamId: r.stream_id, streamType: r.stream_type }));
  }

  async readStreams({ gemeente, upTo, cursor, limit }: ReadStreamsOptions): Promise<StreamsPage> {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('readStreams needs a limit of at least 1 stream');
    const { rows: streams } = await this.pool.query<{ stream_id: string }>(
      `SELECT stream_id FROM es_streams WHERE gemeente = $1 AND stream_id COLLATE "C" > $2 ORDER BY stream_id COLLATE "C" LIMIT $3`,
      [gemeente, cursor ?? '', limit],
    );
    if (streams.length === 0) return { events: [], next: null };
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events
        WHERE stream_id = ANY($1::text[]) AND global_position <= $2 AND ${VISIBLE}
        ORDER BY stream_id COLLATE "C", stream_version`,
      [streams.map((s) => s.stream_id), upTo],
    );
    return { events: rows.map(toRecorded), next: streams.length < limit ? null : streams.at(-1)!.stream_id };
  }

  async gemeenten(): Promise<string[]> {
    // A loose index scan: one probe per gemeente instead of reading every stream.
    const { rows } = await this.pool.query<{ gemeente: string }>(
      `WITH RECURSIVE g AS (
         (SELECT gemeente FROM es_streams ORDER BY gemeente LIMIT 1)
         UNION ALL
         SELECT (SELECT s.gemeente FROM es_streams s WHERE s.gemeente > g.gemeente ORDER BY s.gemeente LIMIT 1)
           FROM g WHERE g.gemeente IS NOT NULL)
       SELECT gemeente FROM g WHERE gemeente IS NOT NULL`,
    );
    return rows.map((r) => r.gemeente);
  }

  async findEvent(eventId: string): Promise<RecordedEvent | null> {
    const { rows } = await this.pool.query<EventRow>({
      name: 'es_find_event',
      text: `SELECT ${COLUMNS} FROM es_events WHERE event_id = $1`,
      values: [eventId],
    });
    return rows[0] ? toRecorded(rows[0]) : null;
  }

  async eventAt(position: number): Promise<RecordedEvent | null> {
    const { rows } = await this.pool.query<EventRow>({
      name: 'es_event_at',
      text: `SELECT ${COLUMNS} FROM es_events WHERE global_position = $1 AND ${VISIBLE}`,
      values: [position],
    });
    return rows[0] ? toRecorded(rows[0]) : null;
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ global_position: string }>(
      `SELECT global_position FROM es_events WHERE ${VISIBLE} ORDER BY global_position DESC LIMIT 1`,
    );
    return rows[0] ? Number(rows[0].global_position) : 0;
  }
}

/** An es_events row as the port's RecordedEvent: also for readers of es_events outside the store (the audit export). */
export function toRecorded(r: EventRow): RecordedEvent {
  return {
    eventId: r.event_id,
    streamId: r.stream_id,
    streamType: r.stream_type,
    streamVersion: Number(r.stream_version),
    globalPosition: Number(r.global_position),
    type: r.event_type,
    schemaVersion: r.schema_version,
    data: r.data,
    gemeente: r.gemeente,
    actorId: r.actor_id,
    correlationId: r.correlation_id,
    causationId: r.causation_id,
    metadata: r.metadata,
    recordedAt: r.recorded_at,
  };
}
