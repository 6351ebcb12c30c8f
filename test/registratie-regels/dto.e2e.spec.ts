/**
 * Registration rules at the DTO level: every field of every POST body (dto-endpoints.ts), path
 * ids, unknown ids, roles, gemeenten, tokens, malformed JSON, and the GETs.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem, settledHead } from '../helpers.js';
import { type Endpoint, ENDPOINTS, gevallen, type Ids, maakIds } from './dto-endpoints.js';
import { ander, auditor, beheer, c, rapportage, s, startStack, weigert } from './opzet.js';

startStack();

describe('DTO level', () => {
  let ids: Ids;
  let beheerAnder: string;
  let consulentAnder: string;
  beforeAll(async () => {
    ids = await maakIds(c);
    beheerAnder = await s.token('beheer', ['GM0006']);
    consulentAnder = ander.token;
  });

  const send = (e: Endpoint, body: object | undefined, token: string | null, id?: string) => {
    const http = e.app === 'intake' ? s.intake.http : s.voorzieningen.http;
    const req = http.post(e.pad(id ?? (e.resource ? ids[e.resource] : ''))).set('Content-Type', 'application/json');
    if (token) req.set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body);
  };
  const eigenToken = (e: Endpoint) => (e.rol === 'beheer' ? beheer : c.token);

  it.each(ENDPOINTS.map((e) => [e.naam, e] as const))('control: %s accepts its valid body', async (_, e) => {
    const vers = await maakIds(c);
    const before = await settledHead(s);
    const res = await send(e, e.body(vers), eigenToken(e), e.resource ? vers[e.resource] : undefined);
    expect([res.status, res.text]).toEqual([e.status, expect.any(String)]);
    expect(await settledHead(s)).toBeGreaterThan(before);
  });

  it.each(gevallen())('%s: 400', async (_, e, wijziging, field) => {
    const body = { ...e.body(ids), ...wijziging };
    for (const [k, waarde] of Object.entries(wijziging)) if (waarde === undefined) delete body[k];
    const res = await weigert(() => send(e, body, eigenToken(e)), 400, field);
    // Only the field at fault is named.
    expect(new Set(res.body.errors.map((f: { field: string }) => f.field))).toEqual(new Set([field]));
    expect(res.body.errors[0].message).toEqual(expect.any(String));
  });

  it.each(ENDPOINTS.map((e) => [e.naam, e] as const))('%s with an empty body: 400 naming every required field', async (_, e) => {
    const verplicht = e.velden.filter((f) => f.verplicht).map((f) => f.naam);
    const res = await weigert(() => send(e, {}, eigenToken(e)), 400, verplicht[0]);
    expect(new Set(res.body.errors.map((f: { field: string }) => f.field))).toEqual(new Set(verplicht));
  });

  const metPad = ENDPOINTS.filter((e) => e.resource).map((e) => [e.naam, e] as const);

  it.each(metPad)('%s with a path id that is not a uuid: 400 id', async (_, e) => {
    await weigert(() => send(e, e.body(ids), eigenToken(e), 'niet-een-uuid'), 400, 'id');
    await weigert(() => send(e, e.body(ids), eigenToken(e), '12345'), 400, 'id');
  });

  it.each(metPad)('%s with an unknown id: 404', async (_, e) => {
    await weigert(() => send(e, e.body(ids), eigenToken(e), randomUUID()), 404);
  });

  it.each(ENDPOINTS.map((e) => [e.naam, e] as const))('%s as rapportage or auditor (wrong role): 403', async (_, e) => {
    await weigert(() => send(e, e.body(ids), rapportage), 403);
    await weigert(() => send(e, e.body(ids), auditor), 403);
    await weigert(() => send(e, e.body(ids), e.rol === 'beheer' ? c.token : beheer), 403);
  });

  it.each(ENDPOINTS.map((e) => [e.naam, e] as const))('%s for a gemeente outside the token: 403', async (_, e) => {
    await weigert(() => send(e, e.body(ids), e.rol === 'beheer' ? beheerAnder : consulentAnder), 403);
  });

  it.each(ENDPOINTS.map((e) => [e.naam, e] as const))('%s without a token: 401', async (_, e) => {
    await weigert(() => send(e, e.body(ids), null), 401);
    await weigert(() => send(e, e.body(ids), 'geen.geldig.token'), 401);
  });

  it.each(ENDPOINTS.map((e) => [e.naam, e] as const))('%s with malformed JSON: 400 body', async (_, e) => {
    const http = e.app === 'intake' ? s.intake.http : s.voorzieningen.http;
    await weigert(
      () =>
        http
          .post(e.pad(e.resource ? ids[e.resource] : ''))
          .set('Authorization', `Bearer ${eigenToken(e)}`)
          .set('Content-Type', 'application/json')
          .send('{"reden": '),
      400,
      'body',
    );
  });

  const GETS: [string, 'intake' | 'vz', string, keyof Ids][] = [
    ['voorziening', 'vz', '/voorzieningen', 'voorzieningId'],
    ['uitkering', 'vz', '/uitkeringen', 'uitkeringId'],
    ['afwijzing', 'vz', '/afwijzingen', 'afwijzingId'],
    ['bezwaar', 'vz', '/bezwaren', 'bezwaarId'],
    ['aanmelding', 'intake', '/aanmeldingen', 'aanmeldingId'],
  ];
  it.each(GETS)(
    'GET a %s: 200 with ETag; bad id 400, unknown 404, other gemeente or role 403, no token 401',
    async (_, app, pad, resource) => {
      const get = (id: string, token: string | null) => {
        const req = (app === 'intake' ? s.intake.http : s.voorzieningen.http).get(`${pad}/${id}`);
        return token ? req.set('Authorization', `Bearer ${token}`) : req;
      };
      const ok = await get(ids[resource], c.token);
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toMatch(/^"\d+"$/);
      expectProblem(await get('niet-een-uuid', c.token), 400, 'id');
      expectProblem(await get(randomUUID(), c.token), 404);
      expectProblem(await get(ids[resource], consulentAnder), 403);
      expectProblem(await get(ids[resource], rapportage), 403);
      expectProblem(await get(ids[resource], auditor), 403);
      expectProblem(await get(ids[resource], null), 401);
    },
  );
});
