/** Registration rules of an aanmelding: afgerond once, not before it was ontvangen; named only by its own client's besluiten. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { c, events, startStack, weigert } from './opzet.js';

startStack();

describe('an aanmelding is afgerond once, not before it was ontvangen', () => {
  it('afgerondOp before ontvangenOp: 422 afgerondOp; on the same day: accepted; a second afronding: 409', async () => {
    const a = await c.aanmelding(await c.client(), { ontvangenOp: '2024-01-10' });
    await weigert(
      () => c.intake('post', `/aanmeldingen/${a}/afronding`, { afgerondOp: '2024-01-09', uitkomst: 'aanvraag' }),
      422,
      'afgerondOp',
    );
    expect((await c.intake('post', `/aanmeldingen/${a}/afronding`, { afgerondOp: '2024-01-10', uitkomst: 'aanvraag' })).status).toBe(200);
    await weigert(() => c.intake('post', `/aanmeldingen/${a}/afronding`, { afgerondOp: '2024-02-01', uitkomst: 'doorverwezen' }), 409);
    await weigert(() => c.intake('post', `/aanmeldingen/${a}/afronding`, { afgerondOp: '2024-01-10', uitkomst: 'aanvraag' }), 409);
    const stream = await events(`aanmelding-${a}`);
    expect(stream.map((e) => e.type)).toEqual(['AanmeldingOntvangen', 'AanmeldingAfgerond']);
  });

  it('a toekenning naming an aanmelding that does not exist, or of another client: 422 aanmeldingId', async () => {
    const clientId = await c.client();
    await weigert(
      () =>
        c.vz('post', '/voorzieningen', {
          clientId,
          wet: 'wmo',
          productcategorie: '01',
          leveringsvorm: 'zin',
          besluitdatum: '2024-01-15',
          ingangsdatum: '2024-02-01',
          aanmeldingId: randomUUID(),
        }),
      422,
      'aanmeldingId',
    );
    const vanAnder = await c.aanmelding(await c.client());
    await weigert(
      () =>
        c.vz('post', '/voorzieningen', {
          clientId,
          wet: 'wmo',
          productcategorie: '01',
          leveringsvorm: 'zin',
          besluitdatum: '2024-01-15',
          ingangsdatum: '2024-02-01',
          aanmeldingId: vanAnder,
        }),
      422,
      'aanmeldingId',
    );
    await weigert(
      () => c.vz('post', '/afwijzingen', { clientId, wet: 'wmo', besluitdatum: '2024-01-15', reden: 'x', aanmeldingId: vanAnder }),
      422,
      'aanmeldingId',
    );
  });
});
