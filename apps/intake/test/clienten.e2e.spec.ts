import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as jose from 'jose';
import { EVENT_STORE, type EventStore, PostgresEventStore } from '@sd/event-store';
import { createTestDatabase, setTestEnv, startTestApp, TEST_DEV_SECRET, type TestApp, type TestDatabase } from '@sd/testing';

const BSN = '111222333';
const geldig = { bsn: BSN, geboortedatum: '1980-01-31', geslacht: 'vrouw', gemeente: 'GM0005' };

let db: TestDatabase;
let t: TestApp;
let store: PostgresEventStore;
let consulent: string;

beforeAll(async () => {
  db = await createTestDatabase();
  setTestEnv(db);
  const { IntakeModule } = await import('../src/intake.module.js');
  t = await startTestApp(IntakeModule);
  store = new PostgresEventStore(db.pool);
  consulent = await t.token('consulent', ['GM0005', 'GM0006'], 'consulent-anna');
});
afterAll(async () => {
  await t.close();
  await db.drop();
});

const post = (body: unknown, token = consulent) =>
  t.http
    .post('/clienten')
    .set('Authorization', `Bearer ${token}`)
    .send(body as object);

/** Runs a request and proves it appended nothing. */
async function appendsNothing(run: () => Promise<{ status: number }>) {
  const before = await store.headPosition();
  const res = await run();
  expect(await store.headPosition()).toBe(before);
  return res as Awaited<ReturnType<typeof post>>;
}

function expectProblem(res: Awaited<ReturnType<typeof post>>, status: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  expect(JSON.stringify(res.body)).not.toContain(BSN);
}

describe('POST /clienten', () => {
  it('registers a client and answers clientId and positie', async () => {
    const res = await post({ ...geldig, huishoudenId: 'HH-1' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ clientId: expect.stringMatching(/^[0-9a-f-]{36}$/), positie: expect.any(Number) });
    expect(res.headers.location).toBe(`/clienten/${res.body.clientId}`);
    expect(res.headers.etag).toBe('"1"');
    // As the apps read it: decrypted with the client's key.
    const [event] = await t.app.get<EventStore>(EVENT_STORE).readStream(`client-${res.body.clientId}`);
    expect(event).toMatchObject({
      type: 'ClientGeregistreerd',
      schemaVersion: 1,
      globalPosition: res.body.positie,
      gemeente: 'GM0005',
      actorId: 'consulent-anna',
      data: { ...geldig, huishoudenId: 'HH-1', clientId: res.body.clientId },
      metadata: expect.objectContaining({ betrokkene: res.body.clientId }),
    });
    expect(res.body.clientId).not.toContain(BSN);
  });

  it('stores every personal field encrypted: no BSN, birth date, geslacht or household in the event row', async () => {
    const res = await post({ ...geldig, bsn: '200000007', geboortedatum: '1961-07-14', geslacht: 'man', huishoudenId: 'HH-GEHEIM' });
    expect(res.status).toBe(201);
    const [opgeslagen] = await store.readStream(`client-${res.body.clientId}`);
    for (const veld of ['bsn', 'geboortedatum', 'geslacht', 'huishoudenId']) expect(opgeslagen.data[veld]).toMatch(/^sd1:[A-Za-z0-9+/=]+$/);
    expect(opgeslagen.data).toMatchObject({ clientId: res.body.clientId, gemeente: 'GM0005' });
    const { rows } = await db.pool.query<{ rij: string }>(`SELECT e::text AS rij FROM es_events e WHERE stream_id = $1`, [
      `client-${res.body.clientId}`,
    ]);
    for (const gegeven of ['200000007', '1961-07-14', 'HH-GEHEIM', '"man"']) expect(rows[0].rij).not.toContain(gegeven);
  });

  it('gives a random clientId that no key turns back into the BSN', async () => {
    const a = await post({ ...geldig, bsn: '200000019' });
    const b = await post({ ...geldig, bsn: '200000020' });
    expect(a.body.clientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.body.clientId).not.toBe(b.body.clientId);
  });

  it('answers 409 with the existing clientId for the same BSN in the same gemeente', async () => {
    const first = await post({ ...geldig, bsn: '123456782' });
    expect(first.status).toBe(201);
    const second = await appendsNothing(() => post({ ...geldig, bsn: '123456782', geslacht: 'man' }));
    expectProblem(second, 409);
    expect(second.body.clientId).toBe(first.body.clientId);
  });

  it('registers the same BSN in another gemeente as another client', async () => {
    const a = await post({ ...geldig, bsn: '999999990' });
    const b = await post({ ...geldig, bsn: '999999990', gemeente: 'GM0006' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.clientId).not.toBe(b.body.clientId);
  });

  describe('refuses bad input, naming the field, appending nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a BSN failing the elfproef', { bsn: '111222334' }, 'bsn'],
      ['a BSN with letters', { bsn: '11122233a' }, 'bsn'],
      ['a BSN of 8 digits', { bsn: '11122233' }, 'bsn'],
      ['a BSN as a number', { bsn: 111222333 }, 'bsn'],
      ['a missing BSN', { bsn: undefined }, 'bsn'],
      ['an impossible geboortedatum', { geboortedatum: '1980-02-30' }, 'geboortedatum'],
      ['a geboortedatum in another format', { geboortedatum: '31-01-1980' }, 'geboortedatum'],
      ['a geboortedatum in the future', { geboortedatum: '2999-01-01' }, 'geboortedatum'],
      ['a geslacht outside the code list', { geslacht: 'x' }, 'geslacht'],
      ['a gemeente not shaped GM0000', { gemeente: 'GM05' }, 'gemeente'],
      ['a huishoudenId with a space', { huishoudenId: 'HH 1' }, 'huishoudenId'],
      ['a huishoudenId of 65 characters', { huishoudenId: 'a'.repeat(65) }, 'huishoudenId'],
      ['an unknown field', { naam: 'Jansen' }, 'naam'],
    ];
    it.each(cases)('%s', async (_, change, field) => {
      const res = await appendsNothing(() => post({ ...geldig, bsn: '123456782', ...change }));
      expectProblem(res, 400, field);
    });

    it('names every invalid field at once', async () => {
      const res = await appendsNothing(() => post({ bsn: 'x', geboortedatum: 'y', geslacht: 'z', gemeente: 'q' }));
      expectProblem(res, 400);
      const fields = new Set(res.body.errors.map((e: { field: string }) => e.field));
      expect(fields).toEqual(new Set(['bsn', 'geboortedatum', 'geslacht', 'gemeente']));
    });

    it('malformed JSON is 400 without echoing the body', async () => {
      const res = await appendsNothing(() =>
        t.http
          .post('/clienten')
          .set('Authorization', `Bearer ${consulent}`)
          .set('Content-Type', 'application/json')
          .send(`{"bsn": "${BSN}", "geslacht": `),
      );
      expectProblem(res, 400, 'body');
    });

    it('a body over 1 MB is 413', async () => {
      const res = await appendsNothing(() => post({ ...geldig, opvulling: 'x'.repeat(1_100_000) }));
      expectProblem(res, 413);
    });

    it('an empty body is 400', async () => {
      expectProblem(await appendsNothing(() => post(undefined)), 400, 'bsn');
    });
  });

  describe('auth', () => {
    it('without a token: 401', async () => {
      expectProblem(await appendsNothing(() => t.http.post('/clienten').send(geldig)), 401);
    });

    it('with a forged token (other key): 401', async () => {
      const forged = await new jose.SignJWT({ rol: 'consulent', gemeenten: ['GM0005'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('mallory')
        .setIssuer('sociaal-domein-dev')
        .setAudience('sociaal-domein')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('not-the-secret-not-the-secret-xx'));
      expectProblem(await appendsNothing(() => post(geldig, forged)), 401);
    });

    it('with an expired token: 401', async () => {
      const expired = await new jose.SignJWT({ rol: 'consulent', gemeenten: ['GM0005'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('anna')
        .setIssuer('sociaal-domein-dev')
        .setAudience('sociaal-domein')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
        .sign(new TextEncoder().encode(TEST_DEV_SECRET));
      expectProblem(await appendsNothing(() => post(geldig, expired)), 401);
    });

    it('with an unsigned token (alg none): 401', async () => {
      const unsigned = new jose.UnsecuredJWT({ rol: 'consulent', gemeenten: ['GM0005'], sub: 'eve' })
        .setIssuer('sociaal-domein-dev')
        .setAudience('sociaal-domein')
        .setExpirationTime('1h')
        .encode();
      expectProblem(await appendsNothing(() => post(geldig, unsigned)), 401);
    });

    it('with a token that is not a JWT: 401', async () => {
      expectProblem(await appendsNothing(() => post(geldig, 'abc.def')), 401);
    });

    it.each(['rapportage', 'auditor', 'beheer'])('as %s (wrong role): 403', async (rol) => {
      const token = await t.token(rol, ['GM0005']);
      expectProblem(await appendsNothing(() => post({ ...geldig, bsn: '123456782' }, token)), 403);
    });

    it('for a gemeente outside the token: 403', async () => {
      const token = await t.token('consulent', ['GM0006']);
      expectProblem(await appendsNothing(() => post({ ...geldig, bsn: '123456782' }, token)), 403);
    });

    it('refuses a dev-token request with an unknown role or bad gemeente', async () => {
      const res = await t.http.post('/auth/dev-token').send({ rol: 'admin', gemeenten: ['X'] });
      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['gemeenten', 'rol']);
    });
  });

  describe('Idempotency-Key', () => {
    const body = { ...geldig, bsn: '100000009' };

    it('returns the first answer again and appends nothing', async () => {
      const first = await post(body).set('Idempotency-Key', 'key-1');
      expect(first.status).toBe(201);
      const again = await appendsNothing(() => post(body).set('Idempotency-Key', 'key-1'));
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
    });

    it('refuses the same key with another body with 422', async () => {
      const res = await appendsNothing(() => post({ ...body, geslacht: 'man' }).set('Idempotency-Key', 'key-1'));
      expectProblem(res, 422, 'Idempotency-Key');
    });

    it('gives two concurrent requests with one key one event and the same answer', async () => {
      const b = { ...geldig, bsn: '100000010' };
      const before = await store.headPosition();
      const answers = await Promise.all([1, 2, 3].map(() => post(b).set('Idempotency-Key', 'key-concurrent')));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
      const all = await store.readAll({ after: before, limit: 100 });
      expect(all).toHaveLength(1);
    });

    it('refuses a malformed key with 400', async () => {
      expectProblem(await appendsNothing(() => post(body).set('Idempotency-Key', 'ä'.repeat(3))), 400, 'Idempotency-Key');
    });
  });
});

describe('no input gives a 5xx', () => {
  const bodies: [string, string, string][] = [
    ['an array', 'application/json', '[1,2,3]'],
    ['null', 'application/json', 'null'],
    ['a string', 'application/json', '"111222333"'],
    ['a number', 'application/json', '12'],
    ['nested objects', 'application/json', JSON.stringify({ ...geldig, gemeente: { $ne: 1 }, bsn: ['111222333'] })],
    ['a prototype key', 'application/json', '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}'],
    ['deep nesting', 'application/json', '['.repeat(5000) + ']'.repeat(5000)],
    ['unicode and NUL', 'application/json', JSON.stringify({ ...geldig, huishoudenId: '\u0000é😀' })],
    ['a huge number', 'application/json', JSON.stringify({ ...geldig, geboortedatum: 1e308 })],
    ['plain text', 'text/plain', 'bsn=111222333'],
    ['a form', 'application/x-www-form-urlencoded', 'bsn=111222333&geslacht=man'],
    ['invalid UTF-8', 'application/json; charset=utf-8', '\xff\xfe{'],
    ['an unknown charset', 'application/json; charset=klingon', '{}'],
  ];
  it.each(bodies)('%s', async (_, type, raw) => {
    const res = await appendsNothing(() =>
      t.http.post('/clienten').set('Authorization', `Bearer ${consulent}`).set('Content-Type', type).send(raw),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('a malformed percent-encoding in the path', async () => {
    const res = await t.http.get('/clienten/%E0%A4%A').set('Authorization', `Bearer ${consulent}`);
    expect(res.status).toBeLessThan(500);
  });
});

describe('platform endpoints', () => {
  it('/health reports the database', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('/api-json serves the OpenAPI document with the client endpoint', async () => {
    const res = await t.http.get('/api-json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/clienten'].post).toBeDefined();
    expect(res.body.paths['/auth/dev-token'].post).toBeDefined();
  });

  it('/metrics serves Prometheus metrics', async () => {
    const res = await t.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('an unknown path is a problem+json 404', async () => {
    const res = await t.http.get('/bestaat-niet').set('Authorization', `Bearer ${consulent}`);
    expectProblem(res, 404);
  });
});
