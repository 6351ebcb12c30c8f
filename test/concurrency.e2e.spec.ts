/**
 * Concurrency and retries, through REST only against the real apps and PostgreSQL: expected
 * versions, ETag / If-Match (412), Idempotency-Key on every POST, and two consultants ending the
 * same voorziening at once (one wins, the other 409/412, never a lost update).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Antwoord, appendedSince, appendsNothing as zonderAppend, Casus, expectProblem, settledHead } from './helpers.js';
import { startTestStack, type TestStack } from './stack.js';

let s: TestStack;
let anna: Casus;
let bram: Casus;
let beheer: string;

beforeAll(async () => {
  s = await startTestStack();
  anna = new Casus(s, await s.token('consulent', ['GM0005'], 'consulent-anna'));
  bram = new Casus(s, await s.token('consulent', ['GM0005'], 'consulent-bram'));
  beheer = await s.token('beheer', ['GM0005'], 'beheerder-dina');
});
afterAll(async () => {
  await s.close();
});

const appendsNothing = (run: () => PromiseLike<unknown>) => zonderAppend(s, run);
const stream = (id: string) => s.store.readStream(`voorziening-${id}`);
const beeindigd = async (id: string) => (await stream(id)).filter((e) => e.type === 'VoorzieningBeeindigd');
const als = (r: unknown) => r as Antwoord;

const VERSIE_CONFLICT = 'urn:sociaal-domein:problem:versie-conflict';

describe('(a) two consultants ending the same voorziening at once', () => {
  it('the same beëindiging, 10 times on fresh voorzieningen: exactly one 200 and one 409, one VoorzieningBeeindigd more', async () => {
    const body = { einddatum: '2024-06-30', reden: 'verhuizing' };
    for (let ronde = 0; ronde < 10; ronde++) {
      const v = await anna.voorziening();
      const antwoorden = (await Promise.all([
        anna.vz('post', `/voorzieningen/${v}/beeindiging`, body),
        bram.vz('post', `/voorzieningen/${v}/beeindiging`, body),
      ])).map(als);
      expect(antwoorden.map((a) => a.status).sort()).toEqual([200, 409]);
      const winnaar = antwoorden.find((a) => a.status === 200)!;
      expectProblem(antwoorden.find((a) => a.status === 409)!, 409);
      const events = await stream(v);
      expect(events.map((e) => e.type)).toEqual(['VoorzieningToegekend', 'VoorzieningBeeindigd']);
      expect(events[1]!.globalPosition).toBe(winnaar.body.positie);
      expect(events[1]!.data).toMatchObject({ ...body, correctie: false });
    }
  });

  it('different einddatums, both sent with the ETag they read: one 200, the other 412, the winner’s einddatum stands', async () => {
    for (let ronde = 0; ronde < 10; ronde++) {
      const v = await anna.voorziening();
      const [etagAnna, etagBram] = (await Promise.all([anna.vz('get', `/voorzieningen/${v}`), bram.vz('get', `/voorzieningen/${v}`)])).map(
        (r) => als(r).headers.etag,
      );
      expect([etagAnna, etagBram]).toEqual(['"1"', '"1"']);
      const antwoorden = (await Promise.all([
        anna.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'verhuizing' }).set('If-Match', etagAnna!),
        bram.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-09-30', reden: 'overlijden' }).set('If-Match', etagBram!),
      ])).map(als);
      expect(antwoorden.map((a) => a.status).sort()).toEqual([200, 412]);
      const verliezer = antwoorden.find((a) => a.status === 412)!;
      expectProblem(verliezer, 412);
      expect(verliezer.body.huidigeVersie).toBe(2);
      const winnend = antwoorden[0]!.status === 200 ? '2024-06-30' : '2024-09-30';
      const events = await beeindigd(v);
      expect(events).toHaveLength(1);
      expect(events[0]!.data.einddatum).toBe(winnend);
      expect((await anna.vz('get', `/voorzieningen/${v}`)).body.einddatum).toBe(winnend);
    }
  });

  it('different einddatums without If-Match, 20 times: never a lost update (a second 200 is recorded as correctie of the first)', async () => {
    let versieConflicten = 0;
    for (let ronde = 0; ronde < 20; ronde++) {
      const v = await anna.voorziening();
      const antwoorden = (await Promise.all([
        anna.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'verhuizing' }),
        bram.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-09-30', reden: 'overlijden' }),
      ])).map(als);
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
      expect(events[0]!.data).toMatchObject({ vorigeEinddatum: null, correctie: false });
      if (events.length === 2) expect(events[1]!.data).toMatchObject({ vorigeEinddatum: events[0]!.data.einddatum, correctie: true });
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
      bram.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'verhuizing' }).set('If-Match', eerst.headers.etag!),
    );
    expectProblem(oud, 412);
    expect(oud.body).toMatchObject({ type: VERSIE_CONFLICT, huidigeVersie: 2 });

    const nu = await bram.vz('get', `/voorzieningen/${v}`);
    expect(nu.headers.etag).toBe('"2"');
    const goed = await bram.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'verhuizing' }).set('If-Match', nu.headers.etag!);
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
    ['uitkering beëindiging', 'vz', (c) => c.uitkering(), '/uitkeringen/{id}/beeindiging', { einddatum: '2024-06-30', uitstroomreden: 'werk' }],
    ['uitkering correctie', 'vz', (c) => c.uitkering(), '/uitkeringen/{id}/correctie', { regeling: 'ioaw', reden: 'x' }],
    ['uitkering intrekking', 'vz', (c) => c.uitkering(), '/uitkeringen/{id}/intrekking', { reden: 'x' }],
    ['voorziening correctie', 'vz', (c) => c.voorziening(), '/voorzieningen/{id}/correctie', { leveringsvorm: 'pgb', reden: 'x' }],
    ['voorziening intrekking', 'vz', (c) => c.voorziening(), '/voorzieningen/{id}/intrekking', { reden: 'x' }],
    ['afwijzing intrekking', 'vz', (c) => c.afwijzing(), '/afwijzingen/{id}/intrekking', { reden: 'x' }],
    ['bezwaar verdaging', 'vz', async (c) => c.bezwaar(await c.voorziening()), '/bezwaren/{id}/verdaging', { verdaagdOp: '2024-03-01' }],
    ['bezwaar afhandeling', 'vz', async (c) => c.bezwaar(await c.voorziening()), '/bezwaren/{id}/afhandeling', { afgehandeldOp: '2024-03-01', uitkomst: 'gegrond' }],
    ['bezwaar intrekking', 'vz', async (c) => c.bezwaar(await c.voorziening()), '/bezwaren/{id}/intrekking', { reden: 'x' }],
    ['aanmelding afronding', 'intake', async (c) => c.aanmelding(await c.client()), '/aanmeldingen/{id}/afronding', { afgerondOp: '2024-02-01', uitkomst: 'aanvraag' }],
    ['aanmelding intrekking', 'intake', async (c) => c.aanmelding(await c.client()), '/aanmeldingen/{id}/intrekking', { reden: 'x' }],
  ];
  it.each(ANDERE)('%s: If-Match of another version is 412 and appends nothing; the current version succeeds', async (_, app, maak, pad, body) => {
    const id = await maak(anna);
    const url = pad.replace('{id}', id);
    const lezen = als(await anna[app]('get', url.slice(0, url.lastIndexOf('/'))));
    expect(lezen.headers.etag).toBe('"1"');
    expectProblem(await appendsNothing(() => anna[app]('post', url, body).set('If-Match', '"2"')), 412);
    expectProblem(await appendsNothing(() => anna[app]('post', url, body).set('If-Match', '"0"')), 412);
    const res = als(await anna[app]('post', url, body).set('If-Match', lezen.headers.etag!));
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
  });

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

describe('(c) Idempotency-Key on POST /voorzieningen and every other creating POST', () => {
  it('sent 3× at once: one event, three identical answers with the same voorzieningId', async () => {
    const clientId = await anna.client();
    const body = { clientId, wet: 'wmo', productcategorie: '01', leveringsvorm: 'zin', besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01' };
    const before = await settledHead(s);
    const antwoorden = (await Promise.all([1, 2, 3].map(() => anna.vz('post', '/voorzieningen', body).set('Idempotency-Key', 'vz-gelijktijdig')))).map(als);
    expect(antwoorden.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(antwoorden.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(new Set(antwoorden.map((a) => a.headers.location)).size).toBe(1);
    const { voorzieningId, positie } = antwoorden[0]!.body;
    const nieuw = await appendedSince(s, before);
    expect(nieuw).toHaveLength(1);
    expect(nieuw[0]).toMatchObject({ streamId: `voorziening-${voorzieningId}`, type: 'VoorzieningToegekend', globalPosition: positie });

    // Retried later: the same answer again, nothing appended.
    const later = await appendsNothing(() => anna.vz('post', '/voorzieningen', body).set('Idempotency-Key', 'vz-gelijktijdig'));
    expect(later.status).toBe(201);
    expect(later.body).toEqual(antwoorden[0]!.body);

    // The same key with another body: 422, nothing appended.
    const ander = await appendsNothing(() =>
      anna.vz('post', '/voorzieningen', { ...body, leveringsvorm: 'pgb' }).set('Idempotency-Key', 'vz-gelijktijdig'),
    );
    expectProblem(ander, 422, 'Idempotency-Key');
  });

  it('the same key of another consultant is another request', async () => {
    const clientId = await anna.client();
    const body = { clientId, wet: 'wmo', productcategorie: '01', leveringsvorm: 'zin', besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01' };
    const a = await anna.vz('post', '/voorzieningen', body).set('Idempotency-Key', 'gedeelde-sleutel');
    const b = await bram.vz('post', '/voorzieningen', body).set('Idempotency-Key', 'gedeelde-sleutel');
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.voorzieningId).not.toBe(b.body.voorzieningId);
  });

  it('a refused request does not use up its key', async () => {
    const clientId = await anna.client();
    const body = { clientId, wet: 'wmo', productcategorie: '45', leveringsvorm: 'zin', besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01' };
    expectProblem(await appendsNothing(() => anna.vz('post', '/voorzieningen', body).set('Idempotency-Key', 'eerst-fout')), 422, 'productcategorie');
    const goed = await anna.vz('post', '/voorzieningen', { ...body, productcategorie: '01' }).set('Idempotency-Key', 'eerst-fout');
    expect(goed.status).toBe(201);
  });

  const AANMAKEN: [string, 'intake' | 'vz', string, (c: Casus) => Promise<object>, object, 'consulent' | 'beheer'][] = [
    ['POST /clienten', 'intake', '/clienten', async () => ({ bsn: '123456782', geboortedatum: '1980-01-31', geslacht: 'vrouw', gemeente: 'GM0005' }), { geslacht: 'man' }, 'consulent'],
    ['POST /aanmeldingen', 'intake', '/aanmeldingen', async (c) => ({ clientId: await c.client(), wet: 'jeugdwet', ontvangenOp: '2024-01-10' }), { wet: 'wmo' }, 'consulent'],
    ['POST /uitkeringen', 'vz', '/uitkeringen', async (c) => ({ clientId: await c.client(), regeling: 'bbz', ingangsdatum: '2024-02-01', instroomreden: 'overig' }), { regeling: 'ioaw' }, 'consulent'],
    ['POST /afwijzingen', 'vz', '/afwijzingen', async (c) => ({ clientId: await c.client(), wet: 'wmo', besluitdatum: '2024-01-15', reden: 'x' }), { reden: 'y' }, 'consulent'],
    ['POST /bezwaren', 'vz', '/bezwaren', async (c) => ({ besluitId: await c.voorziening(), ontvangenOp: '2024-02-01', onderwerp: 'pgb' }), { onderwerp: 'overig' }, 'consulent'],
    ['POST /productcategorieen', 'vz', '/productcategorieen', async () => ({ gemeente: 'GM0005', wet: 'wmo', code: 'IDEM-1', naam: 'x' }), { naam: 'y' }, 'beheer'],
  ];
  it.each(AANMAKEN)('%s: 3× at once with one key: one event, one answer; a retry appends nothing; another body 422', async (naam, app, pad, maak, anders, rol) => {
    const token = rol === 'beheer' ? beheer : anna.token;
    const body = await maak(anna);
    const key = `sleutel-${naam.replace(/\W+/g, "-")}`;
    const post = (b = body) => anna[app]('post', pad, b, token).set('Idempotency-Key', key);
    const before = await settledHead(s);
    const antwoorden = (await Promise.all([post(), post(), post()])).map(als);
    expect(antwoorden.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(antwoorden.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await appendedSince(s, before)).toHaveLength(1);
    const retry = await appendsNothing(() => post());
    expect([retry.status, retry.body]).toEqual([201, antwoorden[0]!.body]);
    expectProblem(await appendsNothing(() => post({ ...body, ...anders })), 422, 'Idempotency-Key');
  });
});

describe('(d) Idempotency-Key on follow-up commands', () => {
  it('a beëindiging retried after success: the same answer, nothing appended, even after the stream moved on', async () => {
    const v = await anna.voorziening();
    const body = { einddatum: '2024-06-30', reden: 'verhuizing' };
    const eerst = await anna.vz('post', `/voorzieningen/${v}/beeindiging`, body).set('Idempotency-Key', 'einde-1');
    expect(eerst.status).toBe(200);
    expect(eerst.headers.etag).toBe('"2"');

    const opnieuw = await appendsNothing(() => anna.vz('post', `/voorzieningen/${v}/beeindiging`, body).set('Idempotency-Key', 'einde-1'));
    expect([opnieuw.status, opnieuw.body, opnieuw.headers.etag]).toEqual([200, eerst.body, '"2"']);

    await anna.ok(`/voorzieningen/${v}/correctie`, { leveringsvorm: 'pgb', reden: 'x' });
    const laat = await appendsNothing(() =>
      anna.vz('post', `/voorzieningen/${v}/beeindiging`, body).set('Idempotency-Key', 'einde-1').set('If-Match', '"1"'),
    );
    expect([laat.status, laat.body]).toEqual([200, eerst.body]);
    expect(await beeindigd(v)).toHaveLength(1);

    // The same key with another body, or on another voorziening: 422.
    expectProblem(
      await appendsNothing(() => anna.vz('post', `/voorzieningen/${v}/beeindiging`, { ...body, reden: 'overlijden' }).set('Idempotency-Key', 'einde-1')),
      422,
      'Idempotency-Key',
    );
    const w = await anna.voorziening();
    expectProblem(await appendsNothing(() => anna.vz('post', `/voorzieningen/${w}/beeindiging`, body).set('Idempotency-Key', 'einde-1')), 422, 'Idempotency-Key');
  });

  it('a beëindiging sent 3× at once with one key: three identical 200s, one VoorzieningBeeindigd', async () => {
    for (let ronde = 0; ronde < 5; ronde++) {
      const v = await anna.voorziening();
      const post = () => anna.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'verhuizing' }).set('Idempotency-Key', `einde-samen-${ronde}`);
      const antwoorden = (await Promise.all([post(), post(), post()])).map(als);
      expect(antwoorden.map((a) => [a.status, a.text])).toEqual(Array(3).fill([200, antwoorden[0]!.text]));
      expect(await beeindigd(v)).toHaveLength(1);
    }
  });

  const VERVOLG: [string, 'intake' | 'vz', (c: Casus) => Promise<string>, string, object][] = [
    ['start-levering', 'vz', (c) => c.voorziening(), '/voorzieningen/{id}/start-levering', { datum: '2024-02-05' }],
    ['voorziening correctie', 'vz', (c) => c.voorziening(), '/voorzieningen/{id}/correctie', { ingangsdatum: '2024-02-02', reden: 'x' }],
    ['voorziening intrekking', 'vz', (c) => c.voorziening(), '/voorzieningen/{id}/intrekking', { reden: 'x' }],
    ['uitkering beëindiging', 'vz', (c) => c.uitkering(), '/uitkeringen/{id}/beeindiging', { einddatum: '2024-06-30', uitstroomreden: 'werk' }],
    ['uitkering correctie', 'vz', (c) => c.uitkering(), '/uitkeringen/{id}/correctie', { regeling: 'ioaz', reden: 'x' }],
    ['afwijzing intrekking', 'vz', (c) => c.afwijzing(), '/afwijzingen/{id}/intrekking', { reden: 'x' }],
    ['bezwaar verdaging', 'vz', async (c) => c.bezwaar(await c.voorziening()), '/bezwaren/{id}/verdaging', { verdaagdOp: '2024-03-01' }],
    ['bezwaar afhandeling', 'vz', async (c) => c.bezwaar(await c.voorziening()), '/bezwaren/{id}/afhandeling', { afgehandeldOp: '2024-03-01', uitkomst: 'ongegrond' }],
    ['aanmelding afronding', 'intake', async (c) => c.aanmelding(await c.client()), '/aanmeldingen/{id}/afronding', { afgerondOp: '2024-02-01', uitkomst: 'aanvraag' }],
  ];
  it.each(VERVOLG)('%s: 3× at once with one key, then a retry: one event, the same answer each time', async (naam, app, maak, pad, body) => {
    const url = pad.replace('{id}', await maak(anna));
    const post = () => anna[app]('post', url, body).set('Idempotency-Key', `vervolg-${naam.replace(/\W+/g, "-")}`);
    const before = await settledHead(s);
    const antwoorden = (await Promise.all([post(), post(), post()])).map(als);
    expect(antwoorden.map((a) => [a.status, a.text])).toEqual(Array(3).fill([200, antwoorden[0]!.text]));
    expect(await appendedSince(s, before)).toHaveLength(1);
    const retry = await appendsNothing(post);
    expect([retry.status, retry.body]).toEqual([200, antwoorden[0]!.body]);
  });
});
