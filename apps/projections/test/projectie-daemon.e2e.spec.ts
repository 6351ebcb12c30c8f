import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { PG_POOL } from '@sd/database';
import { startTestStack, type TestStack } from '../../../test/stack.js';
import { EVENT_STORE, type EventStore } from '@sd/event-store';
import { type Generatie, Generaties } from '../src/projectie/generaties.service.js';
import { CatchUp } from '../src/projectie/catch-up.js';
import { CheckpointStore } from '../src/projectie/checkpoints/checkpoint-store.js';
import { Fill } from '../src/projectie/fill.js';
import { ProjectieDaemon } from '../src/projectie/projectie-daemon.js';
import { huishoudenSleutel } from '../src/projectie/projector.js';
import { HuishoudenAlsUuid1763900007000 } from '../src/leesmodel/migraties/1763900007000-huishouden-als-uuid.js';

/**
 * The daemon writes a batch (or a page of a fill) and its checkpoint (or the fill's cursor) in one
 * transaction: a crash anywhere in between leaves nothing half-applied, and two daemons never apply
 * an event twice. The background loop is
 * off here (PROJECTIE_WORKER=false) so the test drives every step.
 */
let s: TestStack;
let daemon: ProjectieDaemon;
let generaties: Generaties;
let checkpoints: CheckpointStore;
let catchUp: CatchUp;
let fill: Fill;
let pool: pg.Pool;
let versies = 0;
let clientId: string;
let token: string;

beforeAll(async () => {
  s = await startTestStack({ PROJECTIE_WORKER: 'false' });
  daemon = s.projections.app.get(ProjectieDaemon);
  generaties = s.projections.app.get(Generaties);
  checkpoints = s.projections.app.get(CheckpointStore);
  catchUp = s.projections.app.get(CatchUp);
  fill = s.projections.app.get(Fill);
  pool = s.projections.app.get(PG_POOL);
  token = await s.token('consulent', ['GM0005']);
  const client = await s.intake.http
    .post('/clienten')
    .set('Authorization', `Bearer ${token}`)
    .send({ bsn: '111222333', geboortedatum: '1980-01-31', geslacht: 'vrouw', gemeente: 'GM0005' });
  clientId = client.body.clientId;
  for (let i = 0; i < 5; i++) {
    const v = await s.voorzieningen.http.post('/voorzieningen').set('Authorization', `Bearer ${token}`).send({
      clientId: client.body.clientId,
      wet: 'wmo',
      productcategorie: '01',
      leveringsvorm: 'zin',
      besluitdatum: '2016-01-01',
      ingangsdatum: '2016-01-01',
    });
    await s.voorzieningen.http
      .post(`/voorzieningen/${v.body.voorzieningId}/beeindiging`)
      .set('Authorization', `Bearer ${token}`)
      .send({ einddatum: '2016-06-30', reden: 'volgens-plan' });
    versies += 2;
  }
}, 30_000);

afterAll(async () => {
  await s.close();
});

const telling = async (schema: string) => {
  const { rows } = await s.db.pool.query(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE known_to IS NULL)::int AS huidig FROM "${schema}".rm_item`,
  );
  return rows[0] as { n: number; huidig: number };
};
/** Versions that keep the projector's state: only the current ones should. */
const metState = async (schema: string) =>
  (await s.db.pool.query(`SELECT count(*)::int AS n FROM "${schema}".rm_item WHERE state IS NOT NULL`)).rows[0].n as number;

/**
 * The `nde` next transaction of the daemon that moves its checkpoint (or a fill's cursor) fails just
 * before it does (a crash there); returns the undo.
 */
function breekVoorCheckpoint(nde = 1): () => void {
  const echteConnect = pool.connect.bind(pool);
  let gezien = 0;
  // pool.query() connects with a callback: leave that path alone, break the transaction client only.
  (pool as { connect: unknown }).connect = async (callback?: unknown) => {
    if (callback) return (echteConnect as (cb: unknown) => unknown)(callback);
    const client = await echteConnect();
    const echteQuery = client.query.bind(client);
    (client as { query: unknown }).query = (sql: unknown, ...rest: unknown[]) => {
      if (typeof sql === 'string' && sql.startsWith('UPDATE rm_checkpoint') && ++gezien === nde) {
        throw new Error('process killed between the writes and the checkpoint');
      }
      return (echteQuery as (...a: unknown[]) => unknown)(sql, ...rest);
    };
    return client;
  };
  return () => {
    (pool as { connect: unknown }).connect = echteConnect;
  };
}

/** Fills a generation being built to the end (a step does a few pages at most). */
async function vulHelemaal(generatie: Generatie): Promise<number> {
  let toegepast = 0;
  for (let n = await daemon.step(generatie); n > 0; n = await daemon.step(generatie)) toegepast += n;
  return toegepast;
}

const eventsVanGM0005 = async () => (await s.store.readAll({ after: 0, limit: 10_000, gemeente: 'GM0005' })).length;

describe('projection daemon', () => {
  it('applies nothing when the transaction dies before its checkpoint, then all of it once', async () => {
    const generatie = (await generaties.actief())!;
    const herstel = breekVoorCheckpoint();
    await expect(daemon.step(generatie)).rejects.toThrow('process killed');
    herstel();
    expect(await checkpoints.minimum(generatie.schema, ['GM0005'])).toBe(0);
    expect((await telling(generatie.schema)).n).toBe(0);

    expect(await daemon.step(generatie)).toBe(await eventsVanGM0005()); // every event, once
    expect(await checkpoints.minimum(generatie.schema, ['GM0005'])).toBe(await s.store.headPosition());
    expect(await telling(generatie.schema)).toEqual({ n: versies, huidig: versies / 2 });
    expect(await daemon.step(generatie)).toBe(0); // nothing left, nothing applied twice
    expect((await telling(generatie.schema)).n).toBe(versies);
    expect(await metState(generatie.schema)).toBe(versies / 2);
  });

  it('applies a later batch also all or nothing, closing the versions it replaces', async () => {
    const generatie = (await generaties.actief())!;
    const v = await s.voorzieningen.http
      .post('/voorzieningen')
      .set('Authorization', `Bearer ${token}`)
      .send({ clientId, wet: 'wmo', productcategorie: '01', leveringsvorm: 'zin', besluitdatum: '2016-02-01', ingangsdatum: '2016-02-01' });
    await s.voorzieningen.http
      .post(`/voorzieningen/${v.body.voorzieningId}/beeindiging`)
      .set('Authorization', `Bearer ${token}`)
      .send({ einddatum: '2016-07-31', reden: 'volgens-plan' });
    const voor = await checkpoints.minimum(generatie.schema, ['GM0005']);
    const herstel = breekVoorCheckpoint();
    await expect(daemon.step(generatie)).rejects.toThrow('process killed');
    herstel();
    expect(await checkpoints.minimum(generatie.schema, ['GM0005'])).toBe(voor);
    expect((await telling(generatie.schema)).n).toBe(versies);

    await daemon.step(generatie);
    versies += 2;
    expect(await checkpoints.minimum(generatie.schema, ['GM0005'])).toBe(await s.store.headPosition());
    expect(await telling(generatie.schema)).toEqual({ n: versies, huidig: versies / 2 });
    // the toekenning's version was closed by the beëindiging in the same batch; only the current one keeps a state
    const { rows } = await s.db.pool.query(
      `SELECT count(*) FILTER (WHERE state IS NOT NULL)::int AS met_state FROM "${generatie.schema}".rm_item WHERE item_id = $1`,
      [v.body.voorzieningId],
    );
    expect(rows[0].met_state).toBe(1);
  });

  it('lets exactly one of two daemons apply the same batch', async () => {
    const nieuw = await generaties.nieuw();
    const batch = await s.store.readAll({ after: 0, limit: 1000 });
    const head = await s.store.headPosition();
    const uitkomsten = await Promise.all([
      catchUp.apply(nieuw.schema, 'GM0005', batch, head),
      catchUp.apply(nieuw.schema, 'GM0005', batch, head),
    ]);
    expect(uitkomsten.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect((await telling(nieuw.schema)).n).toBe(versies);
    // the loser, retried, finds everything applied
    expect(await catchUp.apply(nieuw.schema, 'GM0005', batch, head)).toBe(false);
    expect((await telling(nieuw.schema)).n).toBe(versies);
  });

  it('lets two daemons fill a generation being built together, each event once', async () => {
    for (const pagina of [2000, 1]) {
      fill.streamsPerPage = pagina; // one page, or a page per stream: the two then take turns
      try {
        const nieuw = await generaties.nieuw();
        const toegepast = await Promise.all([vulHelemaal(nieuw), vulHelemaal(nieuw)]);
        expect(toegepast[0] + toegepast[1]).toBe(await eventsVanGM0005());
        expect(await telling(nieuw.schema)).toEqual({ n: versies, huidig: versies / 2 });
        expect(await checkpoints.minimum(nieuw.schema, ['GM0005'])).toBe(await s.store.headPosition());
      } finally {
        fill.streamsPerPage = 2000;
      }
    }
  });

  it('resumes a fill that died between two pages, each event once', async () => {
    const nieuw = await generaties.nieuw();
    fill.streamsPerPage = 1;
    try {
      const herstel = breekVoorCheckpoint(3); // two pages are in, the third dies before its cursor moves
      await expect(daemon.step(nieuw)).rejects.toThrow('process killed');
      herstel();
      const { rows } = await s.db.pool.query(`SELECT positie, vul_na FROM "${nieuw.schema}".rm_checkpoint WHERE gemeente = 'GM0005'`);
      expect(Number(rows[0].positie)).toBe(0);
      expect(rows[0].vul_na).not.toBeNull();

      await vulHelemaal(nieuw);
      expect(await checkpoints.minimum(nieuw.schema, ['GM0005'])).toBe(await s.store.headPosition());
      expect(await telling(nieuw.schema)).toEqual({ n: versies, huidig: versies / 2 });
      expect(await metState(nieuw.schema)).toBe(versies / 2);
      const cursor = await s.db.pool.query(`SELECT vul_tot, vul_na FROM "${nieuw.schema}".rm_checkpoint`);
      expect(cursor.rows).toEqual([{ vul_tot: null, vul_na: null }]);
    } finally {
      fill.streamsPerPage = 2000;
    }
  });

  it('holds no reader of the event store back while it fills', async () => {
    // Readers see only events of transactions older than every running one: a fill in one long
    // transaction would hide every event appended meanwhile until it committed.
    const nieuw = await generaties.nieuw();
    const store = s.projections.app.get<EventStore>(EVENT_STORE);
    const echt = store.readStreams.bind(store);
    store.readStreams = async (o) => {
      await sleep(150); // a slow store: the fill of 8 pages takes over a second
      return echt(o);
    };
    fill.streamsPerPage = 1;
    try {
      const vullen = vulHelemaal(nieuw);
      await sleep(300);
      const res = await s.intake.http
        .post('/clienten')
        .set('Authorization', `Bearer ${token}`)
        .send({ bsn: '111222345', geboortedatum: '1990-05-31', geslacht: 'man', gemeente: 'GM0005' });
      expect(res.status).toBe(201);
      const positie = Number(res.body.positie);
      const t0 = Date.now();
      while ((await s.store.headPosition()) < positie && Date.now() - t0 < 5_000) await sleep(5);
      expect(await s.store.headPosition()).toBeGreaterThanOrEqual(positie);
      expect(await checkpoints.minimum(nieuw.schema, ['GM0005'])).toBe(0); // the fill is still under way
      await vullen;
      await vulHelemaal(nieuw); // and the new client after it, in global order
      expect(await checkpoints.minimum(nieuw.schema, ['GM0005'])).toBe(await s.store.headPosition());
      expect(await telling(nieuw.schema)).toEqual({ n: versies, huidig: versies / 2 });
    } finally {
      store.readStreams = echt;
      fill.streamsPerPage = 2000;
    }
  });

  it('keys a household as the migration of older generations does in SQL', async () => {
    const clientId = '6f1c1c1e-58a5-4d52-9a57-2b3d2c1f7a10';
    const schema = `${s.db.config.schema}_huishouden`;
    const client = await s.db.pool.connect();
    try {
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(`SET search_path TO "${schema}"`);
      await client.query(`CREATE TABLE rm_item (nr int, huishouden text NOT NULL)`);
      await client.query(`INSERT INTO rm_item VALUES (1, 'GM0005:HH-0005-0000042'), (2, 'client:' || $1)`, [clientId]);
      await new HuishoudenAlsUuid1763900007000().up({ query: (sql: string) => client.query(sql) } as never);
      const { rows } = await client.query(`SELECT huishouden FROM rm_item ORDER BY nr`);
      expect(rows.map((r) => r.huishouden)).toEqual([
        huishoudenSleutel('GM0005', clientId, 'HH-0005-0000042'),
        huishoudenSleutel('GM0005', clientId),
      ]);
      expect(huishoudenSleutel('GM0005', clientId)).toBe(clientId);
      expect(huishoudenSleutel('GM0006', clientId, 'HH-0005-0000042')).not.toBe(rows[0].huishouden);
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      client.release(true); // its search_path was changed: not back into the pool
    }
  });
});
