/**
 * Retries through REST only against the real apps and PostgreSQL: Idempotency-Key on every
 * creating POST and on follow-up commands, also when the same request is sent several times at
 * once. Versions and If-Match: concurrency-versies.e2e.spec.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { als, anna, appendsNothing, beeindigd, beheer, bram, s, startStack } from './concurrency-opzet.js';
import { appendedSince, type Casus, expectProblem, settledHead } from './helpers.js';

startStack();

describe('(c) Idempotency-Key on POST /voorzieningen and every other creating POST', () => {
  it('sent 3× at once: one event, three identical answers with the same voorzieningId', async () => {
    const clientId = await anna.client();
    const body = {
      clientId,
      wet: 'wmo',
      productcategorie: '01',
      leveringsvorm: 'zin',
      besluitdatum: '2024-01-15',
      ingangsdatum: '2024-02-01',
    };
    const before = await settledHead(s);
    const antwoorden = (
      await Promise.all([1, 2, 3].map(() => anna.vz('post', '/voorzieningen', body).set('Idempotency-Key', 'vz-gelijktijdig')))
    ).map(als);
    expect(antwoorden.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(antwoorden.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(new Set(antwoorden.map((a) => a.headers.location)).size).toBe(1);
    const { voorzieningId, positie } = antwoorden[0].body;
    const nieuw = await appendedSince(s, before);
    expect(nieuw).toHaveLength(1);
    expect(nieuw[0]).toMatchObject({ streamId: `voorziening-${voorzieningId}`, type: 'VoorzieningToegekend', globalPosition: positie });

    // Retried later: the same answer again, nothing appended.
    const later = await appendsNothing(() => anna.vz('post', '/voorzieningen', body).set('Idempotency-Key', 'vz-gelijktijdig'));
    expect(later.status).toBe(201);
    expect(later.body).toEqual(antwoorden[0].body);

    // The same key with another body: 422, nothing appended.
    const ander = await appendsNothing(() =>
      anna.vz('post', '/voorzieningen', { ...body, leveringsvorm: 'pgb' }).set('Idempotency-Key', 'vz-gelijktijdig'),
    );
    expectProblem(ander, 422, 'Idempotency-Key');
  });

  it('the same key of another consultant is another request', async () => {
    const clientId = await anna.client();
    const body = {
      clientId,
      wet: 'wmo',
      productcategorie: '01',
      leveringsvorm: 'zin',
      besluitdatum: '2024-01-15',
      ingangsdatum: '2024-02-01',
    };
    const a = await anna.vz('post', '/voorzieningen', body).set('Idempotency-Key', 'gedeelde-sleutel');
    const b = await bram.vz('post', '/voorzieningen', body).set('Idempotency-Key', 'gedeelde-sleutel');
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.voorzieningId).not.toBe(b.body.voorzieningId);
  });

  it('a refused request does not use up its key', async () => {
    const clientId = await anna.client();
    const body = {
      clientId,
      wet: 'wmo',
      productcategorie: '45',
      leveringsvorm: 'zin',
      besluitdatum: '2024-01-15',
      ingangsdatum: '2024-02-01',
    };
    expectProblem(
      await appendsNothing(() => anna.vz('post', '/voorzieningen', body).set('Idempotency-Key', 'eerst-fout')),
      422,
      'productcategorie',
    );
    const goed = await anna.vz('post', '/voorzieningen', { ...body, productcategorie: '01' }).set('Idempotency-Key', 'eerst-fout');
    expect(goed.status).toBe(201);
  });

  const AANMAKEN: [string, 'intake' | 'vz', string, (c: Casus) => Promise<object>, object, 'consulent' | 'beheer'][] = [
    [
      'POST /clienten',
      'intake',
      '/clienten',
      async () => ({ bsn: '123456782', geboortedatum: '1980-01-31', geslacht: 'vrouw', gemeente: 'GM0005' }),
      { geslacht: 'man' },
      'consulent',
    ],
    [
      'POST /aanmeldingen',
      'intake',
      '/aanmeldingen',
      async (c) => ({ clientId: await c.client(), wet: 'jeugdwet', ontvangenOp: '2024-01-10' }),
      { wet: 'wmo' },
      'consulent',
    ],
    [
      'POST /uitkeringen',
      'vz',
      '/uitkeringen',
      async (c) => ({ clientId: await c.client(), regeling: 'bbz', ingangsdatum: '2024-02-01', instroomreden: 'overig' }),
      { regeling: 'ioaw' },
      'consulent',
    ],
    [
      'POST /afwijzingen',
      'vz',
      '/afwijzingen',
      async (c) => ({ clientId: await c.client(), wet: 'wmo', besluitdatum: '2024-01-15', reden: 'x' }),
      { reden: 'y' },
      'consulent',
    ],
    [
      'POST /bezwaren',
      'vz',
      '/bezwaren',
      async (c) => ({ besluitId: await c.voorziening(), ontvangenOp: '2024-02-01', onderwerp: 'pgb' }),
      { onderwerp: 'overig' },
      'consulent',
    ],
    [
      'POST /productcategorieen',
      'vz',
      '/productcategorieen',
      async () => ({ gemeente: 'GM0005', wet: 'wmo', code: 'IDEM-1', naam: 'x' }),
      { naam: 'y' },
      'beheer',
    ],
  ];
  it.each(AANMAKEN)(
    '%s: 3× at once with one key: one event, one answer; a retry appends nothing; another body 422',
    async (naam, app, pad, maak, anders, rol) => {
      const token = rol === 'beheer' ? beheer : anna.token;
      const body = await maak(anna);
      const key = `sleutel-${naam.replace(/\W+/g, '-')}`;
      const post = (b = body) => anna[app]('post', pad, b, token).set('Idempotency-Key', key);
      const before = await settledHead(s);
      const antwoorden = (await Promise.all([post(), post(), post()])).map(als);
      expect(antwoorden.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(new Set(antwoorden.map((a) => JSON.stringify(a.body))).size).toBe(1);
      expect(await appendedSince(s, before)).toHaveLength(1);
      const retry = await appendsNothing(() => post());
      expect([retry.status, retry.body]).toEqual([201, antwoorden[0].body]);
      expectProblem(await appendsNothing(() => post({ ...body, ...anders })), 422, 'Idempotency-Key');
    },
  );
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
      await appendsNothing(() =>
        anna.vz('post', `/voorzieningen/${v}/beeindiging`, { ...body, reden: 'overlijden' }).set('Idempotency-Key', 'einde-1'),
      ),
      422,
      'Idempotency-Key',
    );
    const w = await anna.voorziening();
    expectProblem(
      await appendsNothing(() => anna.vz('post', `/voorzieningen/${w}/beeindiging`, body).set('Idempotency-Key', 'einde-1')),
      422,
      'Idempotency-Key',
    );
  });

  it('a beëindiging sent 3× at once with one key: three identical 200s, one VoorzieningBeeindigd', async () => {
    for (let ronde = 0; ronde < 5; ronde++) {
      const v = await anna.voorziening();
      const post = () =>
        anna
          .vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'verhuizing' })
          .set('Idempotency-Key', `einde-samen-${ronde}`);
      const antwoorden = (await Promise.all([post(), post(), post()])).map(als);
      expect(antwoorden.map((a) => [a.status, a.text])).toEqual(Array(3).fill([200, antwoorden[0].text]));
      expect(await beeindigd(v)).toHaveLength(1);
    }
  });

  const VERVOLG: [string, 'intake' | 'vz', (c: Casus) => Promise<string>, string, object][] = [
    ['start-levering', 'vz', (c) => c.voorziening(), '/voorzieningen/{id}/start-levering', { datum: '2024-02-05' }],
    ['voorziening correctie', 'vz', (c) => c.voorziening(), '/voorzieningen/{id}/correctie', { ingangsdatum: '2024-02-02', reden: 'x' }],
    ['voorziening intrekking', 'vz', (c) => c.voorziening(), '/voorzieningen/{id}/intrekking', { reden: 'x' }],
    [
      'uitkering beëindiging',
      'vz',
      (c) => c.uitkering(),
      '/uitkeringen/{id}/beeindiging',
      { einddatum: '2024-06-30', uitstroomreden: 'werk' },
    ],
    ['uitkering correctie', 'vz', (c) => c.uitkering(), '/uitkeringen/{id}/correctie', { regeling: 'ioaz', reden: 'x' }],
    ['afwijzing intrekking', 'vz', (c) => c.afwijzing(), '/afwijzingen/{id}/intrekking', { reden: 'x' }],
    ['bezwaar verdaging', 'vz', async (c) => c.bezwaar(await c.voorziening()), '/bezwaren/{id}/verdaging', { verdaagdOp: '2024-03-01' }],
    [
      'bezwaar afhandeling',
      'vz',
      async (c) => c.bezwaar(await c.voorziening()),
      '/bezwaren/{id}/afhandeling',
      { afgehandeldOp: '2024-03-01', uitkomst: 'ongegrond' },
    ],
    [
      'aanmelding afronding',
      'intake',
      async (c) => c.aanmelding(await c.client()),
      '/aanmeldingen/{id}/afronding',
      { afgerondOp: '2024-02-01', uitkomst: 'aanvraag' },
    ],
  ];
  it.each(VERVOLG)(
    '%s: 3× at once with one key, then a retry: one event, the same answer each time',
    async (naam, app, maak, pad, body) => {
      const url = pad.replace('{id}', await maak(anna));
      const post = () => anna[app]('post', url, body).set('Idempotency-Key', `vervolg-${naam.replace(/\W+/g, '-')}`);
      const before = await settledHead(s);
      const antwoorden = (await Promise.all([post(), post(), post()])).map(als);
      expect(antwoorden.map((a) => [a.status, a.text])).toEqual(Array(3).fill([200, antwoorden[0].text]));
      expect(await appendedSince(s, before)).toHaveLength(1);
      const retry = await appendsNothing(post);
      expect([retry.status, retry.body]).toEqual([200, antwoorden[0].body]);
    },
  );
});
