/** Registration rules of an intrekking: it withdraws a registration, and further commands are 409. */
import { describe, expect, it } from '@jest/globals';
import { c, laatste, startStack, weigert } from './opzet.js';

startStack();

describe('intrekking withdraws a registration; further commands are 409', () => {
  it('voorziening: every later command is 409, a bezwaar against it 422, it can still be read', async () => {
    const v = await c.voorziening();
    await c.ok(`/voorzieningen/${v}/intrekking`, { reden: 'dubbel geregistreerd' });
    expect(await laatste(`voorziening-${v}`)).toMatchObject({ type: 'RegistratieIngetrokken', data: { reden: 'dubbel geregistreerd' } });
    await weigert(() => c.vz('post', `/voorzieningen/${v}/start-levering`, { datum: '2024-02-05' }), 409);
    await weigert(() => c.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'overig' }), 409);
    await weigert(() => c.vz('post', `/voorzieningen/${v}/correctie`, { leveringsvorm: 'pgb', reden: 'x' }), 409);
    await weigert(() => c.vz('post', `/voorzieningen/${v}/intrekking`, { reden: 'nog eens' }), 409);
    await weigert(() => c.vz('post', '/bezwaren', { besluitId: v, ontvangenOp: '2024-02-01', onderwerp: 'overig' }), 422, 'besluitId');
    const gelezen = await c.vz('get', `/voorzieningen/${v}`);
    expect(gelezen.status).toBe(200);
    expect(gelezen.body.ingetrokken).toBe(true);
  });

  it('uitkering: every later command is 409', async () => {
    const u = await c.uitkering();
    await c.ok(`/uitkeringen/${u}/intrekking`, { reden: 'verkeerde cliënt' });
    await weigert(() => c.vz('post', `/uitkeringen/${u}/beeindiging`, { einddatum: '2024-06-30', uitstroomreden: 'werk' }), 409);
    await weigert(() => c.vz('post', `/uitkeringen/${u}/correctie`, { regeling: 'ioaw', reden: 'x' }), 409);
    await weigert(() => c.vz('post', `/uitkeringen/${u}/intrekking`, { reden: 'nog eens' }), 409);
    await weigert(() => c.vz('post', '/bezwaren', { besluitId: u, ontvangenOp: '2024-02-01', onderwerp: 'overig' }), 422, 'besluitId');
  });

  it('afwijzing: a second intrekking is 409, a bezwaar against it 422', async () => {
    const f = await c.afwijzing();
    await c.ok(`/afwijzingen/${f}/intrekking`, { reden: 'x' });
    await weigert(() => c.vz('post', `/afwijzingen/${f}/intrekking`, { reden: 'x' }), 409);
    await weigert(() => c.vz('post', '/bezwaren', { besluitId: f, ontvangenOp: '2024-02-01', onderwerp: 'overig' }), 422, 'besluitId');
  });

  it('bezwaar: verdaging, afhandeling and intrekking after intrekking are 409', async () => {
    const b = await c.bezwaar(await c.voorziening());
    await c.ok(`/bezwaren/${b}/intrekking`, { reden: 'x' });
    await weigert(() => c.vz('post', `/bezwaren/${b}/verdaging`, { verdaagdOp: '2024-03-01' }), 409);
    await weigert(() => c.vz('post', `/bezwaren/${b}/afhandeling`, { afgehandeldOp: '2024-03-01', uitkomst: 'gegrond' }), 409);
    await weigert(() => c.vz('post', `/bezwaren/${b}/intrekking`, { reden: 'x' }), 409);
  });

  it('aanmelding: afronding after intrekking is 409, a toekenning naming it 422 aanmeldingId', async () => {
    const clientId = await c.client();
    const a = await c.aanmelding(clientId);
    expect((await c.intake('post', `/aanmeldingen/${a}/intrekking`, { reden: 'x' })).status).toBe(200);
    await weigert(() => c.intake('post', `/aanmeldingen/${a}/afronding`, { afgerondOp: '2024-02-01', uitkomst: 'aanvraag' }), 409);
    await weigert(() => c.intake('post', `/aanmeldingen/${a}/intrekking`, { reden: 'x' }), 409);
    await weigert(
      () =>
        c.vz('post', '/voorzieningen', {
          clientId,
          wet: 'wmo',
          productcategorie: '01',
          leveringsvorm: 'zin',
          besluitdatum: '2024-01-15',
          ingangsdatum: '2024-02-01',
          aanmeldingId: a,
        }),
      422,
      'aanmeldingId',
    );
  });
});
