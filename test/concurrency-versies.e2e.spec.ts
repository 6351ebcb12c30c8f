/**
 * Concurrency through REST only against the real apps and PostgreSQL: expected versions, ETag /
 * If-Match (412), and two consultants ending the same voorziening at once (one wins, the other
 * 409/412, never a lost update). Idempotency-Key: concurrency-idempotentie.e2e.spec.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { als, anna, appendsNothing, beeindigd, bram, startStack, stream } from './concurrency-opzet.js';
import { type Casus, expectProblem } from './helpers.js';

startStack();

const VERSIE_CONFLICT = 'urn:sociaal-domein:problem:versie-conflict';

describe('(a) two consultants ending the same voorziening at once', () => {
  it('the same beëindiging, 10 times on fresh voorzieningen: exactly one 200 and one 409, one VoorzieningBeeindigd more', async () => {
    const body = { einddatum: '2024-06-30', reden: 'verhuizing' };
    for (let ronde = 0; ronde < 10; ronde++) {
      const v = await anna.voorziening();
      const antwoorden = (
        await Promise.all([
          anna.vz('post', `/voorzieningen/${v}/beeindiging`, body),
          bram.vz('post', `/voorzieningen/${v}/beeindiging`, body),
        ])
      ).map(als);
      expect(antwoorden.map((a) => a.status).sort()).toEqual([200, 409]);
      const winnaar = antwoorden.find((a) => a.status === 200)!;
      expectProblem(
        antwoorden.find((a) => a.status === 409)!,
        409,
      );
      const events = await stream(v);
      expect(events.map((e) => e.type)).toEqual(['VoorzieningToegekend', 'VoorzieningBeeindigd']);
      expect(events[1].globalPosition).toBe(winnaar.body.positie);
      expect(events[1].data).toMatchObject({ ...body, correctie: false });
    }
  });

  it('different einddatums, both sent with the ETag they read: one 200, the other 412, the winner’s einddatum stands', async () => {
    for (let ronde = 0; ronde < 10; ronde++) {
      const v = await anna.voorziening();
      const [etagAnna, etagBram] = (await Promise.all([anna.vz('get', `/voorzieningen/${v}`), bram.vz('get', `/voorzieningen/${v}`)])).map(
        (r) => als(r).headers.etag,
      );
      expect([etagAnna, etagBram]).toEqual(['"1"', '"1"']);
      const antwoorden = (
        await Promise.all([
          anna.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'verhuizing' }).set('If-Match', etagAnna),
          bram.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-09-30', reden: 'overlijden' }).set('If-Match', etagBram),
        ])
      ).map(als);
      expect(antwoorden.map((a) => a.status).sort()).toEqual([200, 412]);
      const verliezer = antwoorden.find((a) => a.status === 412)!;
      expectProblem(verliezer, 412);
      expect(verliezer.body.huidigeVersie).toBe(2);
      const winnend = antwoorden[0].status === 200 ? '2024-06-30' : '2024-09-30';
      const events = await beeindigd(v);
      expect(events).toHaveLength(1);
      expect(events[0].data.einddatum).toBe(winnend);
      expect((await anna.vz('get', `/voorzieningen/${v}`)).body.einddatum).toBe(winnend);
    }
  });

  it('different einddatums without If-Match, 20 times: never a lost update (a second 200 is recorded as correctie of the first)', async () => {
    let versieConflicten = 0;
    for (let ronde = 0; ronde < 20; ronde++) {
      const v = await anna.voorziening();
      const antwoorden = (
        await Promise.all([
          anna.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'verhuizing' }),
          bram.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-09-30', reden: 'overlijden' }),
        ])
      ).map(als);
      const geslaagd = antwoorden.filter((a) => a.status === 200);
      for (const a of antwoorden.filter((x) => x.status !== 200)) {
        expectProblem(a, 409);
        expect(a.body.type).toBe(VERSIE_CONFLICT);
        versieConflicten++;
      }
      const events = await beeindigd(v);
      // Every 200 has its own event; nothing was appended for a 409.
      expect(geslaagd.length).toBeGreaterThanOrEqual(1);
      expect(events.map((e) => e.globalPosition).sort()).toEqual(geslaagd.map((a) => a.body.positie).sort());
      // The later one saw the earlier one: it corrects it, naming the einddatum it replaces.
      expect(events[0].data).toMatchObject({ vorigeEinddatum: null, correctie: false });
      if (events.length === 2) expect(events[1].data).toMatchObject({ vorigeEinddatum: events[0].data.einddatum, correctie: true });
      expect((await anna.vz('get', `/voorzieningen/${v}`)).body.einddatum).toBe(events.at(-1)!.data.einddatum);
    }
    // The requests really overlapped at least once (otherwise this test proves little).
    expect(versieConflicten).toBeGreaterThan(0);
  });
});

describe('(b) ETag with the stream version; If-Match on a command', () => {
  it('GET answers the stream version as ETag; a stale If-Match is 412 and appends nothing; the current one succeeds', async () => {
    const v = await anna.voorziening();
    const eerst = await anna.vz('get', `/voorzieningen/${v}`);
    expect(eerst.headers.etag).toBe('"1"');
    expect(eerst.body.versie).toBe(1);

    const levering = await anna.vz('post', `/voorzieningen/${v}/start-levering`, { datum: '2024-02-05' }).set('If-Match', '"1"');
    expect(levering.status).toBe(200);
    expect(levering.headers.etag).toBe('"2"');

    const oud = await appendsNothing(() =>
      bram
        .vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'verhuizing' })
        .set('If-Match', eerst.headers.etag),
    );
    expectProblem(oud, 412);
    expect(oud.body).toMatchObject({ type: VERSIE_CONFLICT, huidigeVersie: 2 });

    const nu = await bram.vz('get', `/voorzieningen/${v}`);
    expect(nu.headers.etag).toBe('"2"');
    const goed = await bram
      .vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'verhuizing' })
      .set('If-Match', nu.headers.etag);
    expect(goed.status).toBe(200);
    expect(goed.headers.etag).toBe('"3"');
    expect((await bram.vz('get', `/voorzieningen/${v}`)).headers.etag).toBe('"3"');
  });

  it('every command appends at the next version of its stream, and answers that version as ETag', async () => {
    const v = await anna.voorziening();
    const stappen: [string, object][] = [
      ['start-levering', { datum: '2024-02-05' }],
      ['correctie', { leveringsvorm: 'pgb', reden: 'typefout' }],
      ['beeindiging', { einddatum: '2024-06-30', reden: 'verhuizing' }],
      ['beeindiging', { einddatum: '2024-07-31', reden: 'verhuizing' }],
      ['intrekking', { reden: 'dubbel' }],
    ];
    for (const [i, [pad, body]] of stappen.entries()) {
      const res = await anna.ok(`/voorzieningen/${v}/${pad}`, body);
      expect(res.headers.etag).toBe(`"${i + 2}"`);
      const events = await stream(v);
      expect(events).toHaveLength(i + 2);
      expect(events.at(-1)).toMatchObject({ streamVersion: i + 2, globalPosition: res.body.positie });
    }
    expect((await stream(v)).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  const ANDERE: [string, 'intake' | 'vz', (c: Casus) => Promise<string>, string, object][] = [
    [
      'uitkering beëindiging',
      'vz',
      (c) => c.uitkering(),
      '/uitkeringen/{id}/beeindiging',
      { einddatum: '2024-06-30', uitstroomreden: 'werk' },
    ],
    ['uitkering correctie', 'vz', (c) => c.uitkering(), '/uitkeringen/{id}/correctie', { regeling: 'ioaw', reden: 'x' }],
    ['uitkering intrekking', 'vz', (c) => c.uitkering(), '/uitkeringen/{id}/intrekking', { reden: 'x' }],
    ['voorziening correctie', 'vz', (c) => c.voorziening(), '/voorzieningen/{id}/correctie', { leveringsvorm: 'pgb', reden: 'x' }],
    ['voorziening intrekking', 'vz', (c) => c.voorziening(), '/voorzieningen/{id}/intrekking', { reden: 'x' }],
    ['afwijzing intrekking', 'vz', (c) => c.afwijzing(), '/afwijzingen/{id}/intrekking', { reden: 'x' }],
    ['bezwaar verdaging', 'vz', async (c) => c.bezwaar(await c.voorziening()), '/bezwaren/{id}/verdaging', { verdaagdOp: '2024-03-01' }],
    [
      'bezwaar afhandeling',
      'vz',
      async (c) => c.bezwaar(await c.voorziening()),
      '/bezwaren/{id}/afhandeling',
      { afgehandeldOp: '2024-03-01', uitkomst: 'gegrond' },
    ],
    ['bezwaar intrekking', 'vz', async (c) => c.bezwaar(await c.voorziening()), '/bezwaren/{id}/intrekking', { reden: 'x' }],
    [
      'aanmelding afronding',
      'intake',
      async (c) => c.aanmelding(await c.client()),
      '/aanmeldingen/{id}/afronding',
      { afgerondOp: '2024-02-01', uitkomst: 'aanvraag' },
    ],
    ['aanmelding intrekking', 'intake', async (c) => c.aanmelding(await c.client()), '/aanmeldingen/{id}/intrekking', { reden: 'x' }],
  ];
  it.each(ANDERE)(
    '%s: If-Match of another version is 412 and appends nothing; the current version succeeds',
    async (_, app, maak, pad, body) => {
      const id = await maak(anna);
      const url = pad.replace('{id}', id);
      const lezen = als(await anna[app]('get', url.slice(0, url.lastIndexOf('/'))));
      expect(lezen.headers.etag).toBe('"1"');
      expectProblem(await appendsNothing(() => anna[app]('post', url, body).set('If-Match', '"2"')), 412);
      expectProblem(await appendsNothing(() => anna[app]('post', url, body).set('If-Match', '"0"')), 412);
      const res = als(await anna[app]('post', url, body).set('If-Match', lezen.headers.etag));
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
    },
  );

  it('a malformed If-Match is 400 naming the header', async () => {
    const v = await anna.voorziening();
    for (const waarde of ['1', '"een"', '*', '"1", "2"']) {
      expectProblem(
        await appendsNothing(() => anna.vz('post', `/voorzieningen/${v}/start-levering`, { datum: '2024-02-05' }).set('If-Match', waarde)),
        400,
        'If-Match',
      );
    }
  });
});
