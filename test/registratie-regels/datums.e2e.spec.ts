/** Registration rules on dates: ingangsdatum <= einddatum, beëindiging (also a second one), levering. */
import { describe, expect, it } from '@jest/globals';
import { c, events, startStack, weigert } from './opzet.js';

startStack();

describe('dates: ingangsdatum <= einddatum; beëindiging; levering', () => {
  it('a toekenning with einddatum before ingangsdatum: 422 einddatum; on the same day: accepted', async () => {
    const clientId = await c.client();
    const body = {
      clientId,
      wet: 'wmo',
      productcategorie: '01',
      leveringsvorm: 'zin',
      besluitdatum: '2024-01-15',
      ingangsdatum: '2024-02-01',
    };
    await weigert(() => c.vz('post', '/voorzieningen', { ...body, einddatum: '2024-01-31' }), 422, 'einddatum');
    expect((await c.vz('post', '/voorzieningen', { ...body, einddatum: '2024-02-01' })).status).toBe(201);
  });

  it('a voorziening beëindigd before its ingangsdatum: 422 einddatum; on it: accepted', async () => {
    const v = await c.voorziening();
    await weigert(
      () => c.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-01-31', reden: 'verhuizing' }),
      422,
      'einddatum',
    );
    await c.ok(`/voorzieningen/${v}/beeindiging`, { einddatum: '2024-02-01', reden: 'verhuizing' });
  });

  it('an uitkering beëindigd before its ingangsdatum: 422 einddatum; on it: accepted', async () => {
    const u = await c.uitkering();
    await weigert(
      () => c.vz('post', `/uitkeringen/${u}/beeindiging`, { einddatum: '2024-01-31', uitstroomreden: 'werk' }),
      422,
      'einddatum',
    );
    await c.ok(`/uitkeringen/${u}/beeindiging`, { einddatum: '2024-02-01', uitstroomreden: 'werk' });
  });

  it('a second beëindiging of a voorziening moves the einddatum and is recorded as a correctie of the first', async () => {
    const v = await c.voorziening({ einddatum: '2024-12-31' });
    await c.ok(`/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'voortijdig-client' });
    const tweede = await c.ok(`/voorzieningen/${v}/beeindiging`, { einddatum: '2024-08-31', reden: 'verhuizing' });
    const stream = await events(`voorziening-${v}`);
    expect(stream.map((e) => e.type)).toEqual(['VoorzieningToegekend', 'VoorzieningBeeindigd', 'VoorzieningBeeindigd']);
    expect(stream[1].data).toMatchObject({
      einddatum: '2024-06-30',
      reden: 'voortijdig-client',
      vorigeEinddatum: '2024-12-31',
      correctie: false,
    });
    expect(stream[2].data).toMatchObject({ einddatum: '2024-08-31', reden: 'verhuizing', vorigeEinddatum: '2024-06-30', correctie: true });
    expect(stream[2].globalPosition).toBe(tweede.body.positie);
    const nu = await c.vz('get', `/voorzieningen/${v}`);
    expect(nu.body).toMatchObject({ einddatum: '2024-08-31', beeindigingReden: 'verhuizing' });
    // The same beëindiging again changes nothing: 409.
    await weigert(() => c.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-08-31', reden: 'verhuizing' }), 409);
    // A correcting beëindiging must still respect the ingangsdatum.
    await weigert(
      () => c.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-01-01', reden: 'verhuizing' }),
      422,
      'einddatum',
    );
  });

  it('a second beëindiging of an uitkering moves the einddatum and is recorded as a correctie of the first', async () => {
    const u = await c.uitkering();
    await c.ok(`/uitkeringen/${u}/beeindiging`, { einddatum: '2024-06-30', uitstroomreden: 'werk' });
    await c.ok(`/uitkeringen/${u}/beeindiging`, { einddatum: '2024-05-31', uitstroomreden: 'verhuizing' });
    const stream = await events(`uitkering-${u}`);
    expect(stream.map((e) => e.type)).toEqual(['UitkeringToegekend', 'UitkeringBeeindigd', 'UitkeringBeeindigd']);
    expect(stream[1].data).toMatchObject({ einddatum: '2024-06-30', vorigeEinddatum: null, correctie: false });
    expect(stream[2].data).toMatchObject({
      einddatum: '2024-05-31',
      uitstroomreden: 'verhuizing',
      vorigeEinddatum: '2024-06-30',
      correctie: true,
    });
    await weigert(() => c.vz('post', `/uitkeringen/${u}/beeindiging`, { einddatum: '2024-05-31', uitstroomreden: 'verhuizing' }), 409);
  });

  it('levering starts once: a second start-levering is 409', async () => {
    const v = await c.voorziening();
    await c.ok(`/voorzieningen/${v}/start-levering`, { datum: '2024-02-05' });
    await weigert(() => c.vz('post', `/voorzieningen/${v}/start-levering`, { datum: '2024-02-06' }), 409);
    expect((await c.vz('get', `/voorzieningen/${v}`)).body.leveringGestartOp).toBe('2024-02-05');
  });

  it('levering does not start after the einddatum: 422 datum; on the einddatum: accepted', async () => {
    const gepland = await c.voorziening({ einddatum: '2024-03-31' });
    await weigert(() => c.vz('post', `/voorzieningen/${gepland}/start-levering`, { datum: '2024-04-01' }), 422, 'datum');
    await c.ok(`/voorzieningen/${gepland}/start-levering`, { datum: '2024-03-31' });

    const beeindigd = await c.voorziening();
    await c.ok(`/voorzieningen/${beeindigd}/beeindiging`, { einddatum: '2024-02-29', reden: 'overlijden' });
    await weigert(() => c.vz('post', `/voorzieningen/${beeindigd}/start-levering`, { datum: '2024-03-01' }), 422, 'datum');
  });

  it('a beëindiging before the start of levering: 422 einddatum', async () => {
    const v = await c.voorziening();
    await c.ok(`/voorzieningen/${v}/start-levering`, { datum: '2024-03-01' });
    await weigert(() => c.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-02-28', reden: 'overig' }), 422, 'einddatum');
  });
});
