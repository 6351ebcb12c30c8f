import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sleutelkluisSchema } from '../sleutelkluis-schema.js';

/**
 * No event about a forgotten client is stored: an event that names its client (`metadata.betrokkene`,
 * set on every event with personal data) is refused with SQLSTATE SD410 once that client's key is
 * destroyed. The check runs inside the append, so the apps may keep a client's key in memory for
 * writing (one round trip less per command) and still never write for a client forgotten by another
 * process. An append that started before the erasure committed may still pass; its personal fields
 * are then under the destroyed key, unreadable like the rest.
 */
export class NietVergeten1763900000011 implements MigrationInterface {
  name = 'NietVergeten1763900000011';

  async up(q: QueryRunner): Promise<void> {
    const hoofd = (q.connection.options as { schema?: string }).schema ?? 'public';
    const kluis = `"${sleutelkluisSchema(hoofd)}"`;
    await q.query(`
      CREATE FUNCTION es_niet_vergeten() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM ${kluis}.client_sleutel
                    WHERE client_id = (NEW.metadata->>'betrokkene')::uuid AND sleutel IS NULL) THEN
          RAISE EXCEPTION 'client is vergeten' USING ERRCODE = 'SD410', DETAIL = NEW.metadata->>'betrokkene';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER es_events_niet_vergeten BEFORE INSERT ON es_events
        FOR EACH ROW WHEN (NEW.metadata ? 'betrokkene') EXECUTE FUNCTION es_niet_vergeten()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER es_events_niet_vergeten ON es_events`);
    await q.query(`DROP FUNCTION es_niet_vergeten()`);
  }
}
