import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bitemporal read models of one generation (its own schema). Every version of an item is a
 * row: its valid-time facts (ingangsdatum, einddatum, levering, …) and the transaction-time
 * interval [known_from, known_to) in which it was the known truth, from the events' recordedAt.
 * A report for kennisdatum k takes, per item, the row with known_from <= k < known_to.
 */
export class Leesmodel1763900001000 implements MigrationInterface {
  name = 'Leesmodel1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_checkpoint (
        id            smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        positie       bigint NOT NULL,
        -- recordedAt of the event at positie: the kennisdatum a report without one reflects
        geregistreerd_op timestamptz,
        bijgewerkt_op timestamptz NOT NULL
      )`);
    await q.query(`INSERT INTO rm_checkpoint (id, positie, bijgewerkt_op) VALUES (1, 0, now())`);
    await q.query(`
      CREATE TABLE rm_client (
        client_id     uuid PRIMARY KEY,
        gemeente      text NOT NULL,
        geslacht      text NOT NULL,
        geboortedatum date NOT NULL,
        huishouden_id text,
        known_from    timestamptz NOT NULL
      )`);
    const versie = `known_from timestamptz NOT NULL, known_to timestamptz, positie bigint NOT NULL, state jsonb NOT NULL`;
    await q.query(`
      CREATE TABLE rm_item (
        item_id         uuid NOT NULL,
        soort           text NOT NULL CHECK (soort IN ('voorziening', 'uitkering')),
        gemeente        text NOT NULL,
        client_id       uuid NOT NULL,
        huishouden      text NOT NULL,
        wet             text NOT NULL,
        productcategorie text,
        leveringsvorm   text,
        regeling        text,
        besluitdatum    date NOT NULL,
        ingangsdatum    date NOT NULL,
        einddatum       date,
        levering_start  date,
        instroomreden   text,
        uitstroomreden  text,
        ingetrokken     boolean NOT NULL,
        ${versie}
      )`);
    await q.query(`CREATE UNIQUE INDEX rm_item_huidig ON rm_item (item_id) WHERE known_to IS NULL`);
    await q.query(`CREATE INDEX rm_item_gemeente ON rm_item (gemeente, ingangsdatum) INCLUDE (einddatum, known_from, known_to)`);
    await q.query(`
      CREATE TABLE rm_aanmelding (
        aanmelding_id uuid NOT NULL,
        gemeente      text NOT NULL,
        client_id     uuid NOT NULL,
        wet           text NOT NULL,
        ontvangen_op  date NOT NULL,
        afgerond_op   date,
        ingetrokken   boolean NOT NULL,
        ${versie}
      )`);
    await q.query(`CREATE UNIQUE INDEX rm_aanmelding_huidig ON rm_aanmelding (aanmelding_id) WHERE known_to IS NULL`);
    await q.query(`CREATE INDEX rm_aanmelding_gemeente ON rm_aanmelding (gemeente, ontvangen_op)`);
    await q.query(`
      CREATE TABLE rm_bezwaar (
        bezwaar_id            uuid NOT NULL,
        gemeente              text NOT NULL,
        wet                   text NOT NULL,
        onderwerp             text NOT NULL,
        ontvangen_op          date NOT NULL,
        afgehandeld_op        date,
        uitkomst              text,
        uiterlijke_beslisdatum date NOT NULL,
        ingetrokken           boolean NOT NULL,
        ${versie}
      )`);
    await q.query(`CREATE UNIQUE INDEX rm_bezwaar_huidig ON rm_bezwaar (bezwaar_id) WHERE known_to IS NULL`);
    await q.query(`CREATE INDEX rm_bezwaar_gemeente ON rm_bezwaar (gemeente)`);
    await q.query(`
      CREATE TABLE rm_bevolking (
        gemeente    text NOT NULL,
        jaar        integer NOT NULL,
        inwoners    integer NOT NULL,
        huishoudens integer NOT NULL,
        known_from  timestamptz NOT NULL,
        known_to    timestamptz,
        positie     bigint NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX rm_bevolking_huidig ON rm_bevolking (gemeente, jaar) WHERE known_to IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rm_bevolking', 'rm_bezwaar', 'rm_aanmelding', 'rm_item', 'rm_client', 'rm_checkpoint']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
