/** Registration rules: a registration belongs to an existing client of a gemeente the consultant may act for. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { appendedSince, settledHead } from '../helpers.js';
import { ander, beide, c, s, startStack, weigert } from './opzet.js';

startStack();

describe('a voorziening or uitkering belongs to an existing client of a gemeente the consultant may act for', () => {
  const starts: [string, 'intake' | 'vz', string, (clientId: string) => object][] = [
    [
      'voorziening',
      'vz',
      '/voorzieningen',
      (clientId) => ({
        clientId,
        wet: 'wmo',
        productcategorie: '01',
        leveringsvorm: 'zin',
        besluitdatum: '2024-01-15',
        ingangsdatum: '2024-02-01',
      }),
    ],
    [
      'uitkering',
      'vz',
      '/uitkeringen',
      (clientId) => ({ clientId, regeling: 'participatiewet', ingangsdatum: '2024-02-01', instroomreden: 'einde-ww' }),
    ],
    ['afwijzing', 'vz', '/afwijzingen', (clientId) => ({ clientId, wet: 'wmo', besluitdatum: '2024-01-15', reden: 'geen beperking' })],
    ['aanmelding', 'intake', '/aanmeldingen', (clientId) => ({ clientId, wet: 'wmo', ontvangenOp: '2024-01-10' })],
  ];

  it.each(starts)('%s for a client that does not exist: 422 clientId', async (_, app, pad, body) => {
    await weigert(() => c[app]('post', pad, body(randomUUID())), 422, 'clientId');
  });

  it.each(starts)('%s for a client of a gemeente outside the token: 403', async (_, app, pad, body) => {
    const clientVanAnder = await ander.client();
    await weigert(() => c[app]('post', pad, body(clientVanAnder)), 403);
  });

  it.each(starts)('%s by a consultant of both gemeenten: accepted, owned by the client’s gemeente', async (_, app, pad, body) => {
    const clientVanAnder = await ander.client();
    const before = await settledHead(s);
    const res = await beide[app]('post', pad, body(clientVanAnder));
    expect(res.status).toBe(201);
    const appended = await appendedSince(s, before);
    expect(appended).toHaveLength(1);
    expect(appended[0]).toMatchObject({
      gemeente: 'GM0006',
      globalPosition: res.body.positie,
      data: { clientId: clientVanAnder, gemeente: 'GM0006' },
    });
  });
});
