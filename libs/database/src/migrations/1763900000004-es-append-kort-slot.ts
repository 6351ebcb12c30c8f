import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ES_APPEND_1 } from './1763900000000-event-store.js';

/**
 * `es_append` with a shorter lock, measured by the append benchmark (bench/lib/append.ts): with 32
 * appenders on 2 cores, backends spent three quarters of their time waiting for the advisory lock.
 * Only the transaction id, the clock and the positions are taken under it now (their orders must
 * agree, see 1763900000000); the rows are written after the unlock. The lock is taken by trying,
 * not by queueing: PostgreSQL hands a queued lock to the next waiter even while that backend is not
 * scheduled, so every append waited for the scheduler. Ours against Emmett went from 1.4× to 1.6×
 * (1 event per append) and to 1.8× (10 per append) in the full `npm run bench`.
 */
export class EsAppendKortSlot1763900000004 implements MigrationInterface {
  name = 'EsAppendKortSlot1763900000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION es_append(
        p_stream_id text, p_stream_type text, p_gemeente text, p_expected bigint,
        p_event_ids uuid[], p_types text[], p_schema_versions integer[], p_data jsonb[],
        p_metadata jsonb, p_actor_id text, p_correlation_id text, p_causation_id text
      ) RETURNS TABLE (global_position bigint, stream_version bigint, recorded_at timestamptz)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_current   bigint;
        v_count     integer := cardinality(p_event_ids);
        v_lock      bigint  := hashtext(current_schema() || '.es_append');
        v_now       timestamptz;
        v_xid       xid8;
        v_positions bigint[];
        v_rows      integer;
      BEGIN
        SELECT s.version INTO v_current FROM es_streams s WHERE s.stream_id = p_stream_id;
        v_current := coalesce(v_current, 0);
        IF p_expected >= 0 AND v_current <> p_expected THEN
          RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'SD409', DETAIL = v_current::text;
        END IF;

        -- Transaction id, clock and positions are taken under one lock, so their orders agree. Only
        -- that is locked: the rows are written after the unlock, so a constraint error cannot leave the
        -- lock held, and the INSERT needs no subtransaction. The lock is taken by trying (barging), not
        -- by queueing: a queued lock is handed to the next waiter even when that backend is not running,
        -- and on a busy machine every appender then waits for the scheduler.
        WHILE NOT pg_try_advisory_lock(v_lock) LOOP
          PERFORM pg_sleep(0.001);
        END LOOP;
        BEGIN
          v_xid := pg_current_xact_id();
          v_now := clock_timestamp();
          FOR i IN 1..v_count LOOP
            v_positions[i] := nextval('es_global_position');
          END LOOP;
        EXCEPTION WHEN OTHERS THEN
          PERFORM pg_advisory_unlock(v_lock);
          RAISE;
        END;
        PERFORM pg_advisory_unlock(v_lock);

        RETURN QUERY
          INSERT INTO es_events AS e (global_position, stream_id, stream_version, stream_type, event_id,
                                      event_type, schema_version, gemeente, data, metadata, actor_id,
                                      correlation_id, causation_id, recorded_at, transaction_id)
          SELECT v_positions[t.ord], p_stream_id, v_current + t.ord, p_stream_type, t.event_id,
                 t.event_type, t.schema_version, p_gemeente, t.data, p_metadata, p_actor_id,
                 p_correlation_id, p_causation_id, v_now, v_xid
            FROM unnest(p_event_ids, p_types, p_schema_versions, p_data)
                 WITH ORDINALITY AS t(event_id, event_type, schema_version, data, ord)
          RETURNING e.global_position, e.stream_version, e.recorded_at;

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
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(ES_APPEND_1);
  }
}
