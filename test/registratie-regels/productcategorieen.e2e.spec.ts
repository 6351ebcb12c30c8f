/** Registration rules: wet and productcategorie fit together, and a gemeente's own productcategorieen. */
import { describe, expect, it } from '@jest/globals';
import type { Casus } from '../helpers.js';
import { ander, beheer, c, laatste, s, startStack, weigert } from './opzet.js';

startStack();

describe('wet and productcategorie fit together (Wmo 01–18, Jeugdwet 40–55)', () => {
  const geweigerd: [string, string, string][] = [
    ['wmo', '45', 'productcategorie'],
    ['jeugdwet', '01', 'productcategorie'],
    ['wmo', '19', 'productcategorie'],
    ['wmo', '00', 'productcategorie'],
    ['wmo', '1', 'productcategorie'],
    ['jeugdwet', '39', 'productcategorie'],
    ['jeugdwet', '56', 'productcategorie'],
    ['jeugdwet', 'KLUS-ONBEKEND', 'productcategorie'],
    ['participatiewet', '01', 'wet'],
  ];
  it.each(geweigerd)('voorziening under %s with productcategorie %s: 422 %s', async (wet, productcategorie, field) => {
    const clientId = await c.client();
    await weigert(
      () =>
        c.vz('post', '/voorzieningen', {
          clientId,
          wet,
          productcategorie,
          leveringsvorm: 'zin',
          besluitdatum: '2024-01-15',
          ingangsdatum: '2024-02-01',
        }),
      422,
      field,
    );
  });

  it.each([
    ['wmo', '01'],
    ['wmo', '18'],
    ['jeugdwet', '40'],
    ['jeugdwet', '55'],
  ])('voorziening under %s with productcategorie %s: accepted', async (wet, productcategorie) => {
    const id = await c.voorziening({ wet, productcategorie });
    expect((await laatste(`voorziening-${id}`)).data).toMatchObject({ wet, productcategorie });
  });

  it('an afwijzing whose productcategorie does not fit its wet: 422 productcategorie', async () => {
    const clientId = await c.client();
    for (const [wet, productcategorie] of [
      ['wmo', '45'],
      ['jeugdwet', '01'],
      ['participatiewet', '01'],
    ]) {
      await weigert(
        () => c.vz('post', '/afwijzingen', { clientId, wet, productcategorie, besluitdatum: '2024-01-15', reden: 'x' }),
        422,
        'productcategorie',
      );
    }
  });

  it('a correctie to a productcategorie of the other wet: 422 productcategorie', async () => {
    const v = await c.voorziening({ wet: 'jeugdwet', productcategorie: '45' });
    await weigert(
      () => c.vz('post', `/voorzieningen/${v}/correctie`, { productcategorie: '01', reden: 'typefout' }),
      422,
      'productcategorie',
    );
  });
});

describe('a gemeente’s own productcategorie (POST /productcategorieen, role beheer)', () => {
  const voegToe = (body: object, token = beheer) =>
    s.voorzieningen.http.post('/productcategorieen').set('Authorization', `Bearer ${token}`).send(body);
  const toekenning = (casus: Casus, clientId: string, wet: string, productcategorie: string) =>
    casus.vz('post', '/voorzieningen', {
      clientId,
      wet,
      productcategorie,
      leveringsvorm: 'zin',
      besluitdatum: '2024-01-15',
      ingangsdatum: '2024-02-01',
    });

  it('a wmo code is refused before it is added, then accepted under the wmo only and only in its gemeente', async () => {
    const clientId = await c.client();
    await weigert(() => toekenning(c, clientId, 'wmo', 'KLUS-1'), 422, 'productcategorie');

    const toegevoegd = await voegToe({ gemeente: 'GM0005', wet: 'wmo', code: 'KLUS-1', naam: 'Klussendienst' });
    expect(toegevoegd.status).toBe(201);
    expect(toegevoegd.body).toEqual({ positie: expect.any(Number) });
    const lijst = await c.vz('get', '/productcategorieen?gemeente=GM0005');
    expect(lijst.body.eigen).toEqual([expect.objectContaining({ code: 'KLUS-1', wet: 'wmo', gemeente: 'GM0005' })]);

    const geaccepteerd = await toekenning(c, clientId, 'wmo', 'KLUS-1');
    expect(geaccepteerd.status).toBe(201);
    expect((await laatste(`voorziening-${geaccepteerd.body.voorzieningId}`)).data.productcategorie).toBe('KLUS-1');

    // Refused under the other wet, and in a gemeente that did not add it.
    await weigert(() => toekenning(c, clientId, 'jeugdwet', 'KLUS-1'), 422, 'productcategorie');
    const clientVanAnder = await ander.client();
    await weigert(() => toekenning(ander, clientVanAnder, 'wmo', 'KLUS-1'), 422, 'productcategorie');

    // Also for a correctie and an afwijzing of that wet.
    const wmo = await c.voorziening({ clientId });
    await c.ok(`/voorzieningen/${wmo}/correctie`, { productcategorie: 'KLUS-1', reden: 'eigen code' });
    const jeugd = await c.voorziening({ clientId, wet: 'jeugdwet', productcategorie: '45' });
    await weigert(
      () => c.vz('post', `/voorzieningen/${jeugd}/correctie`, { productcategorie: 'KLUS-1', reden: 'x' }),
      422,
      'productcategorie',
    );
    await c.afwijzing({ clientId, productcategorie: 'KLUS-1' });
  });

  it('a jeugdwet code is accepted under the jeugdwet and refused under the wmo', async () => {
    expect((await voegToe({ gemeente: 'GM0005', wet: 'jeugdwet', code: 'JGD.7', naam: 'Gezinscoach' })).status).toBe(201);
    const clientId = await c.client();
    expect((await toekenning(c, clientId, 'jeugdwet', 'JGD.7')).status).toBe(201);
    await weigert(() => toekenning(c, clientId, 'wmo', 'JGD.7'), 422, 'productcategorie');
  });

  it('a landelijke code cannot be added as own code: 422 code', async () => {
    await weigert(() => voegToe({ gemeente: 'GM0005', wet: 'wmo', code: '45', naam: 'Jeugdhulp als wmo' }), 422, 'code');
  });

  it('the same code twice: 409', async () => {
    expect((await voegToe({ gemeente: 'GM0005', wet: 'wmo', code: 'DUBBEL', naam: 'a' })).status).toBe(201);
    await weigert(() => voegToe({ gemeente: 'GM0005', wet: 'jeugdwet', code: 'DUBBEL', naam: 'b' }), 409);
  });

  it('by a consultant: 403; by beheer of another gemeente: 403', async () => {
    await weigert(() => voegToe({ gemeente: 'GM0005', wet: 'wmo', code: 'ROL-1', naam: 'a' }, c.token), 403);
    const beheerAnder = await s.token('beheer', ['GM0006']);
    await weigert(() => voegToe({ gemeente: 'GM0005', wet: 'wmo', code: 'ROL-1', naam: 'a' }, beheerAnder), 403);
  });
});
