import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { PG_POOL } from '@sd/database';
import { startTestStack, type TestStack } from '../../../test/stack.js';
import { Generaties } from '../src/projectie/generaties.service.js';
import { ProjectieDaemon } from '../src/projectie/projectie-daemon.js';
import { huishoudenSleutel } from '../src/projectie/projector.js';
import { HuishoudenAlsUuid1763900007000 } from '../src/leesmodel/migraties/1763900007000-huishouden-als-uuid.js';

/**
 * The daemon writes a batch and its checkpoint in one transaction: a crash anywhere in between
 * leaves nothing half-applied, and two daemons never apply an event twice. The background loop is
 * off here (PROJECTIE_WORKER=false) so the test drives every step.
 */
let s: TestStack;
let daemon: ProjectieDaemon;
let generaties: Generaties;
let pool: pg.Pool;
let versies = 0;
let clientId: string;
let token: string;

beforeAll(async () => {
  s = await startTestStack({ PROJECTIE_WORKER: 'false' });
  daemon = s.projections.app.get(ProjectieDaemon);
  generaties = s.projections.app.get(Generaties);
  pool = s.projections.app.get(PG_POOL);
  token = await s.token('consulent', ['GM0005']);
  const client = await s.intake.http.post('/clienten').set('Authorization', `Bearer ${token}`)
    .send({ bsn: '111222333', geboortedatum: '1980-01-31', geslacht: 'vrouw', gemeente: 'GM0005' });
  clientId = client.body.clientId;
  for (let i = 0; i < 5; i++) {
    const v = await s.voorzieningen.http.post('/voorzieningen').set('Authorization', `Bearer ${token}`)
      .send({ clientId: client.body.clientId, wet: 'wmo', productcategorie: '01', leveringsvorm: 'zin', besluitdatum: '2016-01-01', ingangsdatum: '2016-01-01' });
    await s.voorzieningen.http.post(`/voorzieningen/${v.body.voorzieningId}/beeindiging`).set('Authorization', `Bearer ${token}`)
      .send({ einddatum: '2016-06-30', reden: 'volgens-plan' });
    versies += 2;
  }
}, 30_000);

afterAll(async () => {
  await s.close();
});

const telling = async (schema: string) => {
  const { rows } = await s.db.pool.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE known_to IS NULL)::int AS huidig FROM "${schema}".rm_item`);
  return rows[0] as { n: number; huidig: number };
};
/** Versions that keep the projector's state: only the current ones should. */
const metState = async (schema: string) =>
  (await s.db.pool.query(`SELECT count(*)::int AS n FROM "${schema}".rm_item WHERE state IS NOT NULL`)).rows[0].n as number;

/** The next transaction of the daemon fails just before it moves its checkpoint (a crash there); returns the undo. */
function breekVoorCheckpoint(): () => void {
  const echteConnect = pool.connect.bind(pool);
  // pool.query() connects with a callback: leave that path alone, break the transaction client only.
  (pool as { connect: unknown }).connect = async (callback?: unknown) => {
    if (callback) return (echteConnect as (cb: unknown) => unknown)(callback);
    const client = await echteConnect();
    const echteQuery = client.query.bind(client);
    (client as { query: unknown }).query = (sql: unknown, ...rest: unknown[]) => {
      if (typeof sql === 'string' && sql.startsWith('UPDATE rm_checkpoint')) {
        (client as { query: unknown }).query = echteQuery;
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

describe('projection daemon', () => {
  it('applies nothing when the transaction dies before its checkpoint, then all of it once', async () => {
    const generatie = (await generaties.actief())!;
    const herstel = breekVoorCheckpoint();
    await expect(daemon.stap(generatie)).rejects.toThrow('process killed');
    herstel();
    expect(await generaties.checkpoint(generatie.schema, ['GM0005'])).toBe(0);
    expect((await telling(generatie.schema)).n).toBe(0);

    expect(await daemon.stap(generatie)).toBe(await s.store.headPosition()); // every event, once
    expect(await generaties.checkpoint(generatie.schema, ['GM0005'])).toBe(await s.store.headPosition());
    expect(await telling(generatie.schema)).toEqual({ n: versies, huidig: versies / 2 });
    expect(await daemon.stap(generatie)).toBe(0); // nothing left, nothing applied twice
    expect((await telling(generatie.schema)).n).toBe(versies);
    expect(await metState(generatie.schema)).toBe(versies / 2);
  });

  it('applies a later batch, in global order after the fill, also all or nothing', async () => {
    const generatie = (await generaties.actief())!;
    const v = await s.voorzieningen.http.post('/voorzieningen').set('Authorization', `Bearer ${token}`)
      .send({ clientId, wet: 'wmo', productcategorie: '01', leveringsvorm: 'zin', besluitdatum: '2016-02-01', ingangsdatum: '2016-02-01' });
    await s.voorzieningen.http.post(`/voorzieningen/${v.body.voorzieningId}/beeindiging`).set('Authorization', `Bearer ${token}`)
      .send({ einddatum: '2016-07-31', reden: 'volgens-plan' });
    const voor = await generaties.checkpoint(generatie.schema, ['GM0005']);
    const herstel = breekVoorCheckpoint();
    await expect(daemon.stap(generatie)).rejects.toThrow('process killed');
    herstel();
    expect(await generaties.checkpoint(generatie.schema, ['GM0005'])).toBe(voor);
    expect((await telling(generatie.schema)).n).toBe(versies);

    await daemon.stap(generatie);
    versies += 2;
    expect(await generaties.checkpoint(generatie.schema, ['GM0005'])).toBe(await s.store.headPosition());
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
    const uitkomsten = await Promise.all([daemon.pasToe(nieuw.schema, 'GM0005', batch, head), daemon.pasToe(nieuw.schema, 'GM0005', batch, head)]);
    expect(uitkomsten.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect((await telling(nieuw.schema)).n).toBe(versies);
    // the loser, retried, finds everything applied
    expect(await daemon.pasToe(nieuw.schema, 'GM0005', batch, head)).toBe(false);
    expect((await telling(nieuw.schema)).n).toBe(versies);
  });

  it('lets exactly one of two daemons fill a gemeente from nothing', async () => {
    const nieuw = await generaties.nieuw();
    const toegepast = await Promise.all([daemon.stap(nieuw), daemon.stap(nieuw)]);
    expect(toegepast.filter((n) => n > 0)).toHaveLength(1);
    expect(await telling(nieuw.schema)).toEqual({ n: versies, huidig: versies / 2 });
    expect(await daemon.stap(nieuw)).toBe(0);
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
      expect(rows.map((r) => r.huishouden)).toEqual([huishoudenSleutel('GM0005', clientId, 'HH-0005-0000042'), huishoudenSleutel('GM0005', clientId)]);
      expect(huishoudenSleutel('GM0005', clientId)).toBe(clientId);
      expect(huishoudenSleutel('GM0006', clientId, 'HH-0005-0000042')).not.toBe(rows[0].huishouden);
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      client.release(true); // its search_path was changed: not back into the pool
    }
  });
});
