import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { runMigrations } from '@sd/database';
import { createTestDatabase, type TestDatabase } from '@sd/testing';
import { LEESMODEL_MIGRATIES } from '../src/leesmodel/migraties/index.js';
import { stand, wachtlijst } from '../src/rapportages/rapportage.queries.js';
import type { Selectie } from '../src/rapportages/sql.js';

/**
 * The read path of issue 18: a report reads the versions around the date it asks for, not the
 * history before it; and a generation made before it gets the new columns and indexes on upgrade.
 * Rows, not milliseconds: what a scan reads is what EXPLAIN ANALYZE counts.
 */
let db: TestDatabase;
const GEMEENTE = 'GM0005';
const selectie: Selectie = { gemeenten: [GEMEENTE], kennis: null };

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

/** A generation schema migrated up to `migraties` (all by default), on a connection of its own. */
async function generatie(naam: string, migraties = LEESMODEL_MIGRATIES.migrations): Promise<pg.PoolClient> {
  const schema = `${db.config.schema}_${naam}`;
  await runMigrations({ ...db.config, schema }, { ...LEESMODEL_MIGRATIES, migrations: migraties });
  const client = await db.pool.connect();
  await client.query(`SET search_path TO "${schema}"`);
  return client;
}

const uuid = (n: number, soort = 1) => `00000000-0000-4000-8000-${String(soort).padStart(4, '0')}${String(n).padStart(8, '0')}`;

/** Items as the projection writes them: a client each, geslacht and geboortedatum copied on. */
async function items(client: pg.PoolClient, lijst: { n: number; ingang: string; eind: string | null }[]): Promise<void> {
  await client.query(
    `INSERT INTO rm_client (client_id, gemeente, geslacht, geboortedatum, known_from)
     SELECT id, $2, 'vrouw', DATE '1960-01-01', now() FROM unnest($1::uuid[]) id`,
    [lijst.map((i) => uuid(i.n)), GEMEENTE],
  );
  await client.query(
    `INSERT INTO rm_item (item_id, soort, gemeente, client_id, huishouden, wet, productcategorie, leveringsvorm, besluitdatum, ingangsdatum,
                          einddatum, ingetrokken, known_from, positie, state, geslacht, geboortedatum)
     SELECT i, 'voorziening', $5, c, c, 'wmo', '01', 'zin', b, b, e, false, now(), 1, '{}', 'vrouw', DATE '1960-01-01'
       FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[]) AS t(i, c, b, e)`,
    [lijst.map((i) => uuid(i.n, 3)), lijst.map((i) => uuid(i.n)), lijst.map((i) => i.ingang), lijst.map((i) => i.eind), GEMEENTE],
  );
  await client.query(`VACUUM ANALYZE rm_item`);
}

/** Rows the statements of a report read from rm_item: returned by the scans plus those they removed. */
async function gelezen(client: pg.PoolClient, report: (q: pg.PoolClient) => Promise<unknown>): Promise<number> {
  const statements: { text: string; values: unknown[] }[] = [];
  const vanger = {
    query: async (text: string, values: unknown[]) => {
      statements.push({ text, values });
      return { rows: [] };
    },
  } as unknown as pg.PoolClient;
  await report(vanger);
  let rijen = 0;
  const tel = (node: Record<string, unknown>) => {
    if (node['Relation Name'] === 'rm_item') {
      rijen +=
        ((node['Actual Rows'] as number) + ((node['Rows Removed by Filter'] as number) ?? 0)) * ((node['Actual Loops'] as number) ?? 1);
    }
    for (const kind of (node.Plans as Record<string, unknown>[]) ?? []) tel(kind);
  };
  for (const s of statements) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.text}`, s.values);
    tel(rows[0]['QUERY PLAN'][0].Plan);
  }
  return rijen;
}

describe('the read path follows the caseload on the date asked', () => {
  it('reads the items running on the peildatum, not the thirty years of items that ended before it', async () => {
    const client = await generatie('lang');
    try {
      // 30 years, 300 items a year that each ran for 100 days; 40 running on 2026-06-30.
      const lijst: { n: number; ingang: string; eind: string | null }[] = [];
      for (let jaar = 1996; jaar < 2026; jaar++) {
        for (let i = 0; i < 300; i++) {
          const dag = new Date(Date.UTC(jaar, 0, 1 + i));
          const eind = new Date(dag.getTime() + 100 * 86_400_000);
          lijst.push({ n: lijst.length, ingang: dag.toISOString().slice(0, 10), eind: eind.toISOString().slice(0, 10) });
        }
      }
      for (let i = 0; i < 40; i++) lijst.push({ n: lijst.length, ingang: '2026-01-01', eind: null });
      await items(client, lijst);

      const r = await stand({ query: client.query.bind(client) }, selectie, '2026-06-30');
      expect(r.totaal.voorzieningen).toBe(40);
      expect(r.perGeslacht).toEqual([{ geslacht: 'vrouw', voorzieningen: 40, clienten: 40, huishoudens: 40 }]);
      // The stand runs two statements; each reads the 40 running items and those that ended in the
      // 64-day bucket of the peildatum (none here) — not the 9,000 ended ones.
      const rijen = await gelezen(client, (q) => stand(q, selectie, '2026-06-30'));
      expect(rijen).toBeLessThanOrEqual(2 * 40);
      const wacht = await gelezen(client, (q) => wachtlijst(q, selectie, '2026-06-30', { wmo: 42 }));
      expect(wacht).toBeLessThanOrEqual(40);
      // A peildatum in the middle of the history reads what ran then, a little more, no more.
      const midden = await stand({ query: client.query.bind(client) }, selectie, '2010-03-01');
      expect(midden.totaal.voorzieningen).toBeGreaterThan(0);
      expect(await gelezen(client, (q) => stand(q as never, selectie, '2010-03-01'))).toBeLessThanOrEqual(2 * 600);
    } finally {
      client.release(true);
    }
  });
});

describe('an older generation upgraded by PeriodeIndexen', () => {
  it("gets its clients' geslacht and geboortedatum on every item version, and the new indexes", async () => {
    const zonder = LEESMODEL_MIGRATIES.migrations.filter((m) => m.name !== 'PeriodeIndexen1763900009000');
    const client = await generatie('oud', zonder);
    try {
      await client.query(
        `INSERT INTO rm_client (client_id, gemeente, geslacht, geboortedatum, known_from)
         VALUES ($1, $3, 'man', DATE '1950-02-03', now()), ($2, 'GM0006', 'vrouw', DATE '1990-01-01', now())`,
        [uuid(1), uuid(2), GEMEENTE],
      );
      // Two versions of one item of client 1, and one item whose client is registered in another gemeente.
      await client.query(
        `INSERT INTO rm_item (item_id, soort, gemeente, client_id, huishouden, wet, besluitdatum, ingangsdatum, einddatum, ingetrokken,
                              known_from, known_to, positie, state)
         VALUES ($1, 'voorziening', $4, $2, $2, 'wmo', DATE '2016-01-01', DATE '2016-01-01', NULL, false, now() - interval '1 day', now(), 1, NULL),
                ($1, 'voorziening', $4, $2, $2, 'wmo', DATE '2016-01-01', DATE '2016-01-01', DATE '2016-12-31', false, now(), NULL, 2, '{}'),
                (gen_random_uuid(), 'voorziening', $4, $3, $3, 'wmo', DATE '2016-01-01', DATE '2016-01-01', NULL, false, now(), NULL, 3, '{}')`,
        [uuid(9, 2), uuid(1), uuid(2), GEMEENTE],
      );
      // A rebuild under way keeps the report indexes it dropped, to build them at the end.
      await client.query(
        `INSERT INTO rm_uitgestelde_index VALUES ('rm_item_gemeente', 'CREATE INDEX rm_item_gemeente ON rm_item (gemeente)')`,
      );
      await client.query(`DROP INDEX rm_item_gemeente`);
      const schema = (await client.query(`SELECT current_schema() AS s`)).rows[0].s as string;
      await runMigrations({ ...db.config, schema }, LEESMODEL_MIGRATIES);

      const { rows } = await client.query(
        `SELECT positie, geslacht, to_char(geboortedatum, 'YYYY-MM-DD') AS geboortedatum FROM rm_item ORDER BY positie`,
      );
      expect(rows).toEqual([
        { positie: '1', geslacht: 'man', geboortedatum: '1950-02-03' },
        { positie: '2', geslacht: 'man', geboortedatum: '1950-02-03' },
        { positie: '3', geslacht: null, geboortedatum: null },
      ]);
      const { rows: indexen } = await client.query(`SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname`, [schema]);
      expect(indexen.map((r) => r.indexname)).toEqual(
        expect.arrayContaining([
          'rm_item_periode_huidig',
          'rm_item_periode_gesloten',
          'rm_item_open_gesloten',
          'rm_aanmelding_wacht_huidig',
        ]),
      );
      expect(indexen.map((r) => r.indexname)).not.toContain('rm_item_huidig_gemeente');
      expect((await client.query(`SELECT naam FROM rm_uitgestelde_index`)).rows).toEqual([]);
      // As the stand joined the clients before: the item of a client of another gemeente counts in
      // the total, not under geslacht.
      const r = await stand({ query: client.query.bind(client) }, selectie, '2016-06-30');
      expect(r.totaal.voorzieningen).toBe(2);
      expect(r.perGeslacht).toEqual([{ geslacht: 'man', voorzieningen: 1, clienten: 1, huishoudens: 1 }]);
      expect(r.perLeeftijdsgroep).toEqual([{ leeftijdsgroep: '65-74', voorzieningen: 1, clienten: 1, huishoudens: 1 }]);
    } finally {
      client.release(true);
    }
  });
});
