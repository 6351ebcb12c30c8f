/** Registration rules of besluiten and bezwaren: an afwijzing is a besluit; a bezwaar refers to an existing besluit and is verdaagd and afgehandeld in time. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ander, c, events, laatste, startStack, weigert } from './opzet.js';

startStack();

describe('an afwijzing is a besluit', () => {
  it('POST /afwijzingen records it; a bezwaar against it is accepted and afgehandeld', async () => {
    const clientId = await c.client();
    const res = await c.vz('post', '/afwijzingen', {
      clientId,
      wet: 'jeugdwet',
      productcategorie: '45',
      besluitdatum: '2024-01-15',
      reden: 'geen jeugdhulp nodig',
    });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/afwijzingen/${res.body.afwijzingId}`);
    const [afgewezen] = await events(`afwijzing-${res.body.afwijzingId}`);
    expect(afgewezen).toMatchObject({
      type: 'AanvraagAfgewezen',
      gemeente: 'GM0005',
      data: { clientId, wet: 'jeugdwet', besluitdatum: '2024-01-15' },
    });

    const b = await c.bezwaar(res.body.afwijzingId, { ontvangenOp: '2024-02-10', onderwerp: 'jeugdhulp' });
    const [ontvangen] = await events(`bezwaar-${b}`);
    expect(ontvangen.data).toMatchObject({ besluitId: res.body.afwijzingId, besluitsoort: 'afwijzing', wet: 'jeugdwet', clientId });
    await c.ok(`/bezwaren/${b}/afhandeling`, { afgehandeldOp: '2024-03-01', uitkomst: 'gegrond' });
  });
});

describe('a bezwaar refers to an existing besluit of the same gemeente', () => {
  it.each(['voorziening', 'uitkering'] as const)('against a %s: accepted, with its soort recorded', async (soort) => {
    const id = soort === 'voorziening' ? await c.voorziening() : await c.uitkering();
    const b = await c.bezwaar(id, { ontvangenOp: '2024-02-15' });
    expect((await laatste(`bezwaar-${b}`)).data).toMatchObject({ besluitId: id, besluitsoort: soort });
  });

  it('besluitId of nothing, of a client, an aanmelding or a bezwaar: 422 besluitId', async () => {
    const clientId = await c.client();
    const aanmeldingId = await c.aanmelding(clientId);
    const bezwaarId = await c.bezwaar(await c.voorziening({ clientId }));
    for (const besluitId of [randomUUID(), clientId, aanmeldingId, bezwaarId]) {
      await weigert(() => c.vz('post', '/bezwaren', { besluitId, ontvangenOp: '2024-02-01', onderwerp: 'overig' }), 422, 'besluitId');
    }
  });

  it('against a besluit of a gemeente outside the token: 403', async () => {
    const besluitVanAnder = await ander.voorziening();
    await weigert(() => c.vz('post', '/bezwaren', { besluitId: besluitVanAnder, ontvangenOp: '2024-02-01', onderwerp: 'overig' }), 403);
  });

  it('ontvangenOp or bekendmakingOp before the besluitdatum: 422 naming the field', async () => {
    const v = await c.voorziening({ besluitdatum: '2024-01-15' });
    await weigert(() => c.vz('post', '/bezwaren', { besluitId: v, ontvangenOp: '2024-01-14', onderwerp: 'overig' }), 422, 'ontvangenOp');
    await weigert(
      () => c.vz('post', '/bezwaren', { besluitId: v, ontvangenOp: '2024-02-01', onderwerp: 'overig', bekendmakingOp: '2024-01-14' }),
      422,
      'bekendmakingOp',
    );
  });

  it('is afgehandeld once, not before it was ontvangen or verdaagd', async () => {
    const b = await c.bezwaar(await c.voorziening(), { ontvangenOp: '2024-02-01' });
    await weigert(
      () => c.vz('post', `/bezwaren/${b}/afhandeling`, { afgehandeldOp: '2024-01-31', uitkomst: 'ongegrond' }),
      422,
      'afgehandeldOp',
    );
    await c.ok(`/bezwaren/${b}/verdaging`, { verdaagdOp: '2024-03-01' });
    await weigert(
      () => c.vz('post', `/bezwaren/${b}/afhandeling`, { afgehandeldOp: '2024-02-29', uitkomst: 'ongegrond' }),
      422,
      'afgehandeldOp',
    );
    await c.ok(`/bezwaren/${b}/afhandeling`, { afgehandeldOp: '2024-03-01', uitkomst: 'ongegrond' });
    await weigert(() => c.vz('post', `/bezwaren/${b}/afhandeling`, { afgehandeldOp: '2024-03-02', uitkomst: 'gegrond' }), 409);
    expect((await events(`bezwaar-${b}`)).map((e) => e.type)).toEqual(['BezwaarOntvangen', 'BezwaarVerdaagd', 'BezwaarAfgehandeld']);
  });

  it('may be verdaagd once, within the beslistermijn, not before ontvangst and not after afhandeling', async () => {
    // besluitdatum = bekendmaking 2024-01-15: bezwaartermijn to 2024-02-26, beslistermijn to 2024-04-08.
    const b = await c.bezwaar(await c.voorziening({ besluitdatum: '2024-01-15' }), { ontvangenOp: '2024-02-01' });
    await weigert(() => c.vz('post', `/bezwaren/${b}/verdaging`, { verdaagdOp: '2024-01-31' }), 422, 'verdaagdOp');
    await weigert(() => c.vz('post', `/bezwaren/${b}/verdaging`, { verdaagdOp: '2024-04-09' }), 422, 'verdaagdOp');
    await c.ok(`/bezwaren/${b}/verdaging`, { verdaagdOp: '2024-04-08' });
    expect((await laatste(`bezwaar-${b}`)).data).toMatchObject({ verdaagdOp: '2024-04-08', uiterlijkeBeslisdatum: '2024-05-20' });
    await weigert(() => c.vz('post', `/bezwaren/${b}/verdaging`, { verdaagdOp: '2024-04-08' }), 409);

    const afgehandeld = await c.bezwaar(await c.voorziening(), { ontvangenOp: '2024-02-01' });
    await c.ok(`/bezwaren/${afgehandeld}/afhandeling`, { afgehandeldOp: '2024-02-20', uitkomst: 'niet-ontvankelijk' });
    await weigert(() => c.vz('post', `/bezwaren/${afgehandeld}/verdaging`, { verdaagdOp: '2024-03-01' }), 409);
  });
});
