import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The first `es_append`: the lock covers the INSERT too (1763900000004 shortens it). */
export const ES_APPEND_1 = `
      CREATE OR REPLACE FUNCTION es_append(
        p_stream_id text, p_stream_type text, p_gemeente text, p_expected bigint,
        p_event_ids uuid[], p_types text[], p_schema_versions integer[], p_data jsonb[],
        p_metadata jsonb, p_actor_id text, p_correlation_id text, p_causation_id text
      ) RETURNS TABLE (global_position bigint, stream_version bigint, recorded_at timestamptz)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_current bigint;
        v_count   integer := cardinality(p_event_ids);
        v_lock    bigint  := hashtext(current_schema() || '.es_append');
        v_now     timestamptz;
        v_rows    integer;
      BEGIN
        SELECT s.version INTO v_current FROM es_streams s WHERE s.stream_id = p_stream_id;
        v_current := coalesce(v_current, 0);
        IF p_expected >= 0 AND v_current <> p_expected THEN
          RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'SD409', DETAIL = v_current::text;
        END IF;

        -- Transaction id and positions are taken under one lock, so their orders agree.
        PERFORM pg_advisory_lock(v_lock);
        BEGIN
          PERFORM pg_current_xact_id();
          v_now := clock_timestamp();
          RETURN QUERY
            INSERT INTO es_events AS e (global_position, stream_id, stream_version, stream_type, event_id,
                                        event_type, schema_version, gemeente, data, metadata, actor_id,
                                        correlation_id, causation_id, recorded_at, transaction_id)
            SELECT nextval('es_global_position'), p_stream_id, v_current + t.ord, p_stream_type, t.event_id,
                   t.event_type, t.schema_version, p_gemeente, t.data, p_metadata, p_actor_id,
                   p_correlation_id, p_causation_id, v_now, pg_current_xact_id()
              FROM unnest(p_event_ids, p_types, p_schema_versions, p_data)
                   WITH ORDINALITY AS t(event_id, event_type, schema_version, data, ord)
            RETURNING e.global_position, e.stream_version, e.recorded_at;
        EXCEPTION WHEN OTHERS THEN
          PERFORM pg_advisory_unlock(v_lock);
          RAISE;
        END;
        PERFORM pg_advisory_unlock(v_lock);

        -- Claim the new version; waits for a concurrent writer of the same stream, then fails.
        IF v_current = 0 THEN
          INSERT INTO es_streams (stream_id, stream_type, gemeente, version, created_at, updated_at)
          VALUES (p_stream_id, p_stream_type, p_gemeente, v_count, v_now, v_now)
          ON CONFLICT (stream_id) DO NOTHING;
        ELSE
          UPDATE es_streams SET version = v_current + v_count, updated_at = v_now
           WHERE stream_id = p_stream_id AND version = v_current;
        END IF;
        GET DIAGNOSTICS v_rows = ROW_COUNT;
        IF v_rows = 0 THEN
          RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'SD409', DETAIL = '-1';
        END IF;
      END
      $fn$`;

/**
 * The event store: one table of events in global order, one row per stream with its version.
 *
 * Ordering guarantee: a reader filters on `transaction_id < pg_snapshot_xmin(pg_current_snapshot())`
 * (as Emmett does). That is only safe when the order of transaction ids equals the order of
 * global positions, so `es_append` takes a short session-level advisory lock around assigning its
 * transaction id and allocating positions. The lock is released before commit, so commits (and
 * their WAL flushes) of concurrent appenders still overlap. (1763900000004: the current version.)
 */
export class EventStore1763900000000 implements MigrationInterface {
  name = 'EventStore1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE es_global_position AS bigint`);
    await q.query(`
      CREATE TABLE es_streams (
        stream_id   text PRIMARY KEY,
        stream_type text NOT NULL,
        gemeente    text NOT NULL,
        version     bigint NOT NULL,
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE es_events (
        global_position bigint PRIMARY KEY,
        stream_id       text NOT NULL,
        stream_version  bigint NOT NULL,
        stream_type     text NOT NULL,
        event_id        uuid NOT NULL,
        event_type      text NOT NULL,
        schema_version  integer NOT NULL,
        gemeente        text NOT NULL,
        data            jsonb NOT NULL,
        metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
        actor_id        text NOT NULL,
        correlation_id  text NOT NULL,
        causation_id    text,
        recorded_at     timestamptz NOT NULL,
        transaction_id  xid8 NOT NULL,
        CONSTRAINT es_events_stream_version_key UNIQUE (stream_id, stream_version),
        CONSTRAINT es_events_event_id_key UNIQUE (event_id)
      )`);
    await q.query(ES_APPEND_1);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION es_append`);
    await q.query(`DROP TABLE es_events`);
    await q.query(`DROP TABLE es_streams`);
    await q.query(`DROP SEQUENCE es_global_position`);
  }
}
