/** Registration rules of a correctie: what it may change, with a reden, and what it may not. */
import { describe, expect, it } from '@jest/globals';
import { c, laatste, startStack, weigert } from './opzet.js';

startStack();

describe('correctie changes ingangsdatum, einddatum, productcategorie, leveringsvorm or regeling, with a reden', () => {
  const voorzieningCorrecties: [string, unknown][] = [
    ['ingangsdatum', '2024-02-03'],
    ['einddatum', '2024-10-31'],
    ['productcategorie', '02'],
    ['leveringsvorm', 'pgb'],
  ];
  it.each(voorzieningCorrecties)('voorziening: %s is corrected and recorded with the reden', async (veld, waarde) => {
    const v = await c.voorziening({ einddatum: '2024-12-31' });
    const res = await c.ok(`/voorzieningen/${v}/correctie`, { [veld]: waarde, reden: 'typefout bij registratie' });
    expect(res.headers.etag).toBe('"2"');
    const event = await laatste(`voorziening-${v}`);
    expect(event).toMatchObject({
      type: 'RegistratieGecorrigeerd',
      globalPosition: res.body.positie,
      data: { [veld]: waarde, reden: 'typefout bij registratie' },
    });
    expect((await c.vz('get', `/voorzieningen/${v}`)).body[veld]).toEqual(waarde);
  });

  it('voorziening: einddatum null removes the einddatum of a beëindiging', async () => {
    const v = await c.voorziening();
    await c.ok(`/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'overig' });
    await c.ok(`/voorzieningen/${v}/correctie`, { einddatum: null, reden: 'beëindiging was een vergissing' });
    expect((await c.vz('get', `/voorzieningen/${v}`)).body).toMatchObject({ einddatum: null, beeindigingReden: null });
  });

  const uitkeringCorrecties: [string, unknown][] = [
    ['ingangsdatum', '2024-01-15'],
    ['regeling', 'ioaw'],
  ];
  it.each(uitkeringCorrecties)('uitkering: %s is corrected and recorded with the reden', async (veld, waarde) => {
    const u = await c.uitkering();
    await c.ok(`/uitkeringen/${u}/correctie`, { [veld]: waarde, reden: 'verkeerd overgenomen' });
    expect((await laatste(`uitkering-${u}`)).data).toEqual({ [veld]: waarde, reden: 'verkeerd overgenomen' });
    expect((await c.vz('get', `/uitkeringen/${u}`)).body[veld]).toEqual(waarde);
  });

  it('uitkering: the einddatum of a beëindigde uitkering is corrected', async () => {
    const u = await c.uitkering();
    await c.ok(`/uitkeringen/${u}/beeindiging`, { einddatum: '2024-06-30', uitstroomreden: 'werk' });
    await c.ok(`/uitkeringen/${u}/correctie`, { einddatum: '2024-07-31', reden: 'laatste uitbetaling in juli' });
    expect((await c.vz('get', `/uitkeringen/${u}`)).body).toMatchObject({ einddatum: '2024-07-31', uitstroomreden: 'werk' });
  });

  it('without a reden: 400 reden', async () => {
    const v = await c.voorziening();
    const u = await c.uitkering();
    await weigert(() => c.vz('post', `/voorzieningen/${v}/correctie`, { leveringsvorm: 'pgb' }), 400, 'reden');
    await weigert(() => c.vz('post', `/uitkeringen/${u}/correctie`, { regeling: 'ioaw' }), 400, 'reden');
    await weigert(() => c.vz('post', `/voorzieningen/${v}/correctie`, { leveringsvorm: 'pgb', reden: '' }), 400, 'reden');
  });

  it('correcting nothing, or to the value it already has: 422 naming the field', async () => {
    const v = await c.voorziening();
    const u = await c.uitkering();
    await weigert(() => c.vz('post', `/voorzieningen/${v}/correctie`, { reden: 'x' }), 422, 'ingangsdatum');
    await weigert(() => c.vz('post', `/voorzieningen/${v}/correctie`, { leveringsvorm: 'zin', reden: 'x' }), 422, 'leveringsvorm');
    await weigert(() => c.vz('post', `/uitkeringen/${u}/correctie`, { reden: 'x' }), 422, 'regeling');
    await weigert(() => c.vz('post', `/uitkeringen/${u}/correctie`, { regeling: 'participatiewet', reden: 'x' }), 422, 'regeling');
  });

  it('a field that does not belong to the registration: 422 naming it', async () => {
    const v = await c.voorziening();
    const u = await c.uitkering();
    await weigert(() => c.vz('post', `/voorzieningen/${v}/correctie`, { regeling: 'ioaw', reden: 'x' }), 422, 'regeling');
    await weigert(() => c.vz('post', `/uitkeringen/${u}/correctie`, { productcategorie: '01', reden: 'x' }), 422, 'productcategorie');
    await weigert(() => c.vz('post', `/uitkeringen/${u}/correctie`, { leveringsvorm: 'pgb', reden: 'x' }), 422, 'leveringsvorm');
  });

  it('a correctie that puts the einddatum before the ingangsdatum or the levering: 422 naming the changed field', async () => {
    const v = await c.voorziening({ einddatum: '2024-06-30' });
    await weigert(() => c.vz('post', `/voorzieningen/${v}/correctie`, { ingangsdatum: '2024-07-01', reden: 'x' }), 422, 'ingangsdatum');
    await weigert(() => c.vz('post', `/voorzieningen/${v}/correctie`, { einddatum: '2024-01-31', reden: 'x' }), 422, 'einddatum');
    await c.ok(`/voorzieningen/${v}/start-levering`, { datum: '2024-03-01' });
    await weigert(() => c.vz('post', `/voorzieningen/${v}/correctie`, { einddatum: '2024-02-29', reden: 'x' }), 422, 'einddatum');

    const u = await c.uitkering();
    await c.ok(`/uitkeringen/${u}/beeindiging`, { einddatum: '2024-06-30', uitstroomreden: 'werk' });
    await weigert(() => c.vz('post', `/uitkeringen/${u}/correctie`, { ingangsdatum: '2024-07-01', reden: 'x' }), 422, 'ingangsdatum');
    await weigert(() => c.vz('post', `/uitkeringen/${u}/correctie`, { einddatum: '2024-01-31', reden: 'x' }), 422, 'einddatum');
  });

  it('an uitkering that runs on gets no einddatum by correctie (only by beëindiging): 422 einddatum', async () => {
    const u = await c.uitkering();
    await weigert(() => c.vz('post', `/uitkeringen/${u}/correctie`, { einddatum: '2024-06-30', reden: 'x' }), 422, 'einddatum');
  });
});
