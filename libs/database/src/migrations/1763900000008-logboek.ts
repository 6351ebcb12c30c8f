import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The processing log (libs/logboek, Logius "Logboek Dataverwerkingen"): one row per Logregel, in
 * a schema of its own beside the main one (`<schema>_logboek`, e.g. `public_logboek`), so that it
 * can get its own grants (insert and select only) and retention, and no rebuild or erasure of the
 * main schema touches it. Column names are the standard's field and attribute names. No foreign key
 * and no personal data: the data subject is the clientId, a pseudonym, never a BSN.
 */
export class Logboek1763900000008 implements MigrationInterface {
  name = 'Logboek1763900000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $do$
      BEGIN
        EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', current_schema() || '_logboek');
        EXECUTE format($sql$
          CREATE TABLE %I.verwerking (
            volgnummer             bigserial PRIMARY KEY,
            trace_id               text NOT NULL CHECK (trace_id ~ '^[0-9a-f]{32}$'),
            span_id                text NOT NULL CHECK (span_id ~ '^[0-9a-f]{16}$'),
            parent_span_id         text CHECK (parent_span_id ~ '^[0-9a-f]{16}$'),
            name                   text NOT NULL,
            start_time             timestamptz NOT NULL,
            end_time               timestamptz NOT NULL,
            status_code            smallint NOT NULL CHECK (status_code IN (0, 1, 2)),
            resource               jsonb NOT NULL DEFAULT '{}'::jsonb,
            processing_activity_id text NOT NULL,
            data_subject_id        text,
            data_subject_id_type   text,
            actor_id               text NOT NULL,
            rol                    text,
            gemeente               text
          )$sql$, current_schema() || '_logboek');
        -- An inzageverzoek reads one client's records in time order.
        EXECUTE format('CREATE INDEX verwerking_betrokkene ON %I.verwerking (data_subject_id, start_time, volgnummer)',
                       current_schema() || '_logboek');
      END
      $do$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DO $do$ BEGIN EXECUTE format('DROP SCHEMA %I CASCADE', current_schema() || '_logboek'); END $do$`);
  }
}
