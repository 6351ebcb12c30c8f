/**
 * Bad input, through REST only: every registration rule is broken once against the real apps and
 * PostgreSQL; each refusal must be problem+json naming the field at fault, and append nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Antwoord, appendedSince, appendsNothing as zonderAppend, Casus, expectProblem, settledHead } from './helpers.js';
import { startTestStack, type TestStack } from './stack.js';

let s: TestStack;
/** Consultant of GM0005. */
let c: Casus;
/** Consultant of GM0006 only. */
let ander: Casus;
/** Consultant of both. */
let beide: Casus;
let beheer: string;
let rapportage: string;
let auditor: string;

beforeAll(async () => {
  s = await startTestStack();
  c = new Casus(s, await s.token('consulent', ['GM0005'], 'consulent-anna'));
  ander = new Casus(s, await s.token('consulent', ['GM0006'], 'consulent-bram'), 'GM0006');
  beide = new Casus(s, await s.token('consulent', ['GM0005', 'GM0006'], 'consulent-cor'));
  beheer = await s.token('beheer', ['GM0005'], 'beheerder-dina');
  rapportage = await s.token('rapportage', ['GM0005']);
  auditor = await s.token('auditor', ['GM0005']);
});
afterAll(async () => {
  await s.close();
});

const appendsNothing = (run: () => PromiseLike<unknown>) => zonderAppend(s, run);

/** Sends a refused request and checks: status, problem+json, the field named, nothing appended. */
async function weigert(run: () => PromiseLike<unknown>, status: number, field?: string): Promise<Antwoord> {
  const res = await appendsNothing(run);
  expectProblem(res, status, field);
  return res;
}

const events = async (streamId: string) => s.store.readStream(streamId);
const laatste = async (streamId: string) => (await events(streamId)).at(-1)!;

describe('a voorziening or uitkering belongs to an existing client of a gemeente the consultant may act for', () => {
  const starts: [string, 'intake' | 'vz', string, (clientId: string) => object][] = [
    ['voorziening', 'vz', '/voorzieningen', (clientId) => ({ clientId, wet: 'wmo', productcategorie: '01', leveringsvorm: 'zin', besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01' })],
    ['uitkering', 'vz', '/uitkeringen', (clientId) => ({ clientId, regeling: 'participatiewet', ingangsdatum: '2024-02-01', instroomreden: 'einde-ww' })],
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
    expect(appended[0]).toMatchObject({ gemeente: 'GM0006', globalPosition: res.body.positie, data: { clientId: clientVanAnder, gemeente: 'GM0006' } });
  });
});

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
      () => c.vz('post', '/voorzieningen', { clientId, wet, productcategorie, leveringsvorm: 'zin', besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01' }),
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
    for (const [wet, productcategorie] of [['wmo', '45'], ['jeugdwet', '01'], ['participatiewet', '01']]) {
      await weigert(
        () => c.vz('post', '/afwijzingen', { clientId, wet, productcategorie, besluitdatum: '2024-01-15', reden: 'x' }),
        422,
        'productcategorie',
      );
    }
  });

  it('a correctie to a productcategorie of the other wet: 422 productcategorie', async () => {
    const v = await c.voorziening({ wet: 'jeugdwet', productcategorie: '45' });
    await weigert(() => c.vz('post', `/voorzieningen/${v}/correctie`, { productcategorie: '01', reden: 'typefout' }), 422, 'productcategorie');
  });
});

describe('a gemeente’s own productcategorie (POST /productcategorieen, role beheer)', () => {
  const voegToe = (body: object, token = beheer) =>
    s.voorzieningen.http.post('/productcategorieen').set('Authorization', `Bearer ${token}`).send(body);
  const toekenning = (casus: Casus, clientId: string, wet: string, productcategorie: string) =>
    casus.vz('post', '/voorzieningen', { clientId, wet, productcategorie, leveringsvorm: 'zin', besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01' });

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
    await weigert(() => c.vz('post', `/voorzieningen/${jeugd}/correctie`, { productcategorie: 'KLUS-1', reden: 'x' }), 422, 'productcategorie');
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

describe('dates: ingangsdatum <= einddatum; beëindiging; levering', () => {
  it('a toekenning with einddatum before ingangsdatum: 422 einddatum; on the same day: accepted', async () => {
    const clientId = await c.client();
    const body = { clientId, wet: 'wmo', productcategorie: '01', leveringsvorm: 'zin', besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01' };
    await weigert(() => c.vz('post', '/voorzieningen', { ...body, einddatum: '2024-01-31' }), 422, 'einddatum');
    expect((await c.vz('post', '/voorzieningen', { ...body, einddatum: '2024-02-01' })).status).toBe(201);
  });

  it('a voorziening beëindigd before its ingangsdatum: 422 einddatum; on it: accepted', async () => {
    const v = await c.voorziening();
    await weigert(() => c.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-01-31', reden: 'verhuizing' }), 422, 'einddatum');
    await c.ok(`/voorzieningen/${v}/beeindiging`, { einddatum: '2024-02-01', reden: 'verhuizing' });
  });

  it('an uitkering beëindigd before its ingangsdatum: 422 einddatum; on it: accepted', async () => {
    const u = await c.uitkering();
    await weigert(() => c.vz('post', `/uitkeringen/${u}/beeindiging`, { einddatum: '2024-01-31', uitstroomreden: 'werk' }), 422, 'einddatum');
    await c.ok(`/uitkeringen/${u}/beeindiging`, { einddatum: '2024-02-01', uitstroomreden: 'werk' });
  });

  it('a second beëindiging of a voorziening moves the einddatum and is recorded as a correctie of the first', async () => {
    const v = await c.voorziening({ einddatum: '2024-12-31' });
    await c.ok(`/voorzieningen/${v}/beeindiging`, { einddatum: '2024-06-30', reden: 'voortijdig-client' });
    const tweede = await c.ok(`/voorzieningen/${v}/beeindiging`, { einddatum: '2024-08-31', reden: 'verhuizing' });
    const stream = await events(`voorziening-${v}`);
    expect(stream.map((e) => e.type)).toEqual(['VoorzieningToegekend', 'VoorzieningBeeindigd', 'VoorzieningBeeindigd']);
    expect(stream[1]!.data).toMatchObject({ einddatum: '2024-06-30', reden: 'voortijdig-client', vorigeEinddatum: '2024-12-31', correctie: false });
    expect(stream[2]!.data).toMatchObject({ einddatum: '2024-08-31', reden: 'verhuizing', vorigeEinddatum: '2024-06-30', correctie: true });
    expect(stream[2]!.globalPosition).toBe(tweede.body.positie);
    const nu = await c.vz('get', `/voorzieningen/${v}`);
    expect(nu.body).toMatchObject({ einddatum: '2024-08-31', beeindigingReden: 'verhuizing' });
    // The same beëindiging again changes nothing: 409.
    await weigert(() => c.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-08-31', reden: 'verhuizing' }), 409);
    // A correcting beëindiging must still respect the ingangsdatum.
    await weigert(() => c.vz('post', `/voorzieningen/${v}/beeindiging`, { einddatum: '2024-01-01', reden: 'verhuizing' }), 422, 'einddatum');
  });

  it('a second beëindiging of an uitkering moves the einddatum and is recorded as a correctie of the first', async () => {
    const u = await c.uitkering();
    await c.ok(`/uitkeringen/${u}/beeindiging`, { einddatum: '2024-06-30', uitstroomreden: 'werk' });
    await c.ok(`/uitkeringen/${u}/beeindiging`, { einddatum: '2024-05-31', uitstroomreden: 'verhuizing' });
    const stream = await events(`uitkering-${u}`);
    expect(stream.map((e) => e.type)).toEqual(['UitkeringToegekend', 'UitkeringBeeindigd', 'UitkeringBeeindigd']);
    expect(stream[1]!.data).toMatchObject({ einddatum: '2024-06-30', vorigeEinddatum: null, correctie: false });
    expect(stream[2]!.data).toMatchObject({ einddatum: '2024-05-31', uitstroomreden: 'verhuizing', vorigeEinddatum: '2024-06-30', correctie: true });
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

describe('an aanmelding is afgerond once, not before it was ontvangen', () => {
  it('afgerondOp before ontvangenOp: 422 afgerondOp; on the same day: accepted; a second afronding: 409', async () => {
    const a = await c.aanmelding(await c.client(), { ontvangenOp: '2024-01-10' });
    await weigert(() => c.intake('post', `/aanmeldingen/${a}/afronding`, { afgerondOp: '2024-01-09', uitkomst: 'aanvraag' }), 422, 'afgerondOp');
    expect((await c.intake('post', `/aanmeldingen/${a}/afronding`, { afgerondOp: '2024-01-10', uitkomst: 'aanvraag' })).status).toBe(200);
    await weigert(() => c.intake('post', `/aanmeldingen/${a}/afronding`, { afgerondOp: '2024-02-01', uitkomst: 'doorverwezen' }), 409);
    await weigert(() => c.intake('post', `/aanmeldingen/${a}/afronding`, { afgerondOp: '2024-01-10', uitkomst: 'aanvraag' }), 409);
    const stream = await events(`aanmelding-${a}`);
    expect(stream.map((e) => e.type)).toEqual(['AanmeldingOntvangen', 'AanmeldingAfgerond']);
  });

  it('a toekenning naming an aanmelding that does not exist, or of another client: 422 aanmeldingId', async () => {
    const clientId = await c.client();
    await weigert(() => c.vz('post', '/voorzieningen', { clientId, wet: 'wmo', productcategorie: '01', leveringsvorm: 'zin', besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01', aanmeldingId: randomUUID() }), 422, 'aanmeldingId');
    const vanAnder = await c.aanmelding(await c.client());
    await weigert(() => c.vz('post', '/voorzieningen', { clientId, wet: 'wmo', productcategorie: '01', leveringsvorm: 'zin', besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01', aanmeldingId: vanAnder }), 422, 'aanmeldingId');
    await weigert(() => c.vz('post', '/afwijzingen', { clientId, wet: 'wmo', besluitdatum: '2024-01-15', reden: 'x', aanmeldingId: vanAnder }), 422, 'aanmeldingId');
  });
});

describe('an afwijzing is a besluit', () => {
  it('POST /afwijzingen records it; a bezwaar against it is accepted and afgehandeld', async () => {
    const clientId = await c.client();
    const res = await c.vz('post', '/afwijzingen', { clientId, wet: 'jeugdwet', productcategorie: '45', besluitdatum: '2024-01-15', reden: 'geen jeugdhulp nodig' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/afwijzingen/${res.body.afwijzingId}`);
    const [afgewezen] = await events(`afwijzing-${res.body.afwijzingId}`);
    expect(afgewezen).toMatchObject({ type: 'AanvraagAfgewezen', gemeente: 'GM0005', data: { clientId, wet: 'jeugdwet', besluitdatum: '2024-01-15' } });

    const b = await c.bezwaar(res.body.afwijzingId, { ontvangenOp: '2024-02-10', onderwerp: 'jeugdhulp' });
    const [ontvangen] = await events(`bezwaar-${b}`);
    expect(ontvangen!.data).toMatchObject({ besluitId: res.body.afwijzingId, besluitsoort: 'afwijzing', wet: 'jeugdwet', clientId });
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
    await weigert(() => c.vz('post', '/bezwaren', { besluitId: v, ontvangenOp: '2024-02-01', onderwerp: 'overig', bekendmakingOp: '2024-01-14' }), 422, 'bekendmakingOp');
  });

  it('is afgehandeld once, not before it was ontvangen or verdaagd', async () => {
    const b = await c.bezwaar(await c.voorziening(), { ontvangenOp: '2024-02-01' });
    await weigert(() => c.vz('post', `/bezwaren/${b}/afhandeling`, { afgehandeldOp: '2024-01-31', uitkomst: 'ongegrond' }), 422, 'afgehandeldOp');
    await c.ok(`/bezwaren/${b}/verdaging`, { verdaagdOp: '2024-03-01' });
    await weigert(() => c.vz('post', `/bezwaren/${b}/afhandeling`, { afgehandeldOp: '2024-02-29', uitkomst: 'ongegrond' }), 422, 'afgehandeldOp');
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
    expect(event).toMatchObject({ type: 'RegistratieGecorrigeerd', globalPosition: res.body.positie, data: { [veld]: waarde, reden: 'typefout bij registratie' } });
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

describe('intrekking withdraws a registration; further commands are 409', () => {
  it('voorziening: every later command is 409, a bezwaar against it 422, it can still be read', async () => {
    const v = await c.voorziening();
    await c.ok(`/voorzieningen/${v}/intrekking`, { reden: 'dubbel geregistreerd' });
    expect((await laatste(`voorziening-${v}`))).toMatchObject({ type: 'RegistratieIngetrokken', data: { reden: 'dubbel geregistreerd' } });
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
    await weigert(() => c.vz('post', '/voorzieningen', { clientId, wet: 'wmo', productcategorie: '01', leveringsvorm: 'zin', besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01', aanmeldingId: a }), 422, 'aanmeldingId');
  });
});

// ---------------------------------------------------------------------------------------------
// DTO level: every field of every POST body, path ids, unknown ids, roles, gemeenten, tokens.
// ---------------------------------------------------------------------------------------------

interface Ids {
  clientId: string;
  aanmeldingId: string;
  voorzieningId: string;
  uitkeringId: string;
  afwijzingId: string;
  bezwaarId: string;
}

/** One of each registration, of GM0005, in states where every follow-up command is allowed. */
async function maakIds(casus: Casus): Promise<Ids> {
  const clientId = await casus.client();
  const aanmeldingId = await casus.aanmelding(clientId, { ontvangenOp: '2024-01-10' });
  const voorzieningId = await casus.voorziening({ clientId, besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01' });
  const uitkeringId = await casus.uitkering({ clientId, ingangsdatum: '2024-02-01' });
  const afwijzingId = await casus.afwijzing({ clientId, besluitdatum: '2024-01-15' });
  const bezwaarId = await casus.bezwaar(voorzieningId, { ontvangenOp: '2024-02-01' });
  return { clientId, aanmeldingId, voorzieningId, uitkeringId, afwijzingId, bezwaarId };
}

type Soort = 'datum' | 'datumVerleden' | 'code' | 'uuid' | 'tekst' | 'naam' | 'productcategorie' | 'boolean' | 'gemeente' | 'vrijeCode';
interface Veld {
  naam: string;
  soort: Soort;
  verplicht: boolean;
  /** `null` is a meaningful value (correctie: remove the einddatum). */
  nullable?: boolean;
}
interface Endpoint {
  naam: string;
  app: 'intake' | 'vz';
  /** The resource the path names (`:id`), if any. */
  resource?: keyof Ids;
  pad: (id: string) => string;
  body: (ids: Ids) => Record<string, unknown>;
  velden: Veld[];
  rol?: 'beheer';
  status: number;
}

const v = (naam: string, soort: Soort, verplicht = true, nullable = false): Veld => ({ naam, soort, verplicht, nullable });
let codeTeller = 0;

const ENDPOINTS: Endpoint[] = [
  {
    naam: 'POST /aanmeldingen', app: 'intake', pad: () => '/aanmeldingen', status: 201,
    body: (i) => ({ clientId: i.clientId, wet: 'wmo', ontvangenOp: '2024-03-01', verwijzer: 'huisarts' }),
    velden: [v('clientId', 'uuid'), v('wet', 'code'), v('ontvangenOp', 'datumVerleden'), v('verwijzer', 'code', false)],
  },
  {
    naam: 'POST /aanmeldingen/{id}/afronding', app: 'intake', resource: 'aanmeldingId', pad: (id) => `/aanmeldingen/${id}/afronding`, status: 200,
    body: () => ({ afgerondOp: '2024-03-01', uitkomst: 'algemene-voorziening' }),
    velden: [v('afgerondOp', 'datumVerleden'), v('uitkomst', 'code')],
  },
  {
    naam: 'POST /aanmeldingen/{id}/intrekking', app: 'intake', resource: 'aanmeldingId', pad: (id) => `/aanmeldingen/${id}/intrekking`, status: 200,
    body: () => ({ reden: 'dubbel' }),
    velden: [v('reden', 'tekst')],
  },
  {
    naam: 'POST /voorzieningen', app: 'vz', pad: () => '/voorzieningen', status: 201,
    body: (i) => ({ clientId: i.clientId, wet: 'jeugdwet', productcategorie: '45', leveringsvorm: 'pgb', besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01', einddatum: '2024-12-31', aanmeldingId: i.aanmeldingId }),
    velden: [v('clientId', 'uuid'), v('wet', 'code'), v('productcategorie', 'productcategorie'), v('leveringsvorm', 'code'), v('besluitdatum', 'datumVerleden'), v('ingangsdatum', 'datum'), v('einddatum', 'datum', false), v('aanmeldingId', 'uuid', false)],
  },
  {
    naam: 'POST /voorzieningen/{id}/start-levering', app: 'vz', resource: 'voorzieningId', pad: (id) => `/voorzieningen/${id}/start-levering`, status: 200,
    body: () => ({ datum: '2024-02-05' }),
    velden: [v('datum', 'datumVerleden')],
  },
  {
    naam: 'POST /voorzieningen/{id}/beeindiging', app: 'vz', resource: 'voorzieningId', pad: (id) => `/voorzieningen/${id}/beeindiging`, status: 200,
    body: () => ({ einddatum: '2024-06-30', reden: 'volgens-plan' }),
    velden: [v('einddatum', 'datum'), v('reden', 'code')],
  },
  {
    naam: 'POST /voorzieningen/{id}/correctie', app: 'vz', resource: 'voorzieningId', pad: (id) => `/voorzieningen/${id}/correctie`, status: 200,
    body: () => ({ ingangsdatum: '2024-02-02', einddatum: '2024-12-31', productcategorie: '02', leveringsvorm: 'pgb', reden: 'typefout' }),
    velden: [v('ingangsdatum', 'datum', false), v('einddatum', 'datum', false, true), v('productcategorie', 'productcategorie', false), v('leveringsvorm', 'code', false), v('regeling', 'code', false), v('reden', 'tekst')],
  },
  {
    naam: 'POST /voorzieningen/{id}/intrekking', app: 'vz', resource: 'voorzieningId', pad: (id) => `/voorzieningen/${id}/intrekking`, status: 200,
    body: () => ({ reden: 'vergissing' }),
    velden: [v('reden', 'tekst')],
  },
  {
    naam: 'POST /uitkeringen', app: 'vz', pad: () => '/uitkeringen', status: 201,
    body: (i) => ({ clientId: i.clientId, regeling: 'ioaw', ingangsdatum: '2024-03-01', instroomreden: 'einde-ww', besluitdatum: '2024-02-20' }),
    velden: [v('clientId', 'uuid'), v('regeling', 'code'), v('ingangsdatum', 'datum'), v('instroomreden', 'code'), v('besluitdatum', 'datumVerleden', false)],
  },
  {
    naam: 'POST /uitkeringen/{id}/beeindiging', app: 'vz', resource: 'uitkeringId', pad: (id) => `/uitkeringen/${id}/beeindiging`, status: 200,
    body: () => ({ einddatum: '2024-06-30', uitstroomreden: 'werk' }),
    velden: [v('einddatum', 'datum'), v('uitstroomreden', 'code')],
  },
  {
    naam: 'POST /uitkeringen/{id}/correctie', app: 'vz', resource: 'uitkeringId', pad: (id) => `/uitkeringen/${id}/correctie`, status: 200,
    body: () => ({ ingangsdatum: '2024-02-02', regeling: 'bbz', reden: 'typefout' }),
    velden: [v('ingangsdatum', 'datum', false), v('einddatum', 'datum', false, true), v('regeling', 'code', false), v('productcategorie', 'productcategorie', false), v('leveringsvorm', 'code', false), v('reden', 'tekst')],
  },
  {
    naam: 'POST /uitkeringen/{id}/intrekking', app: 'vz', resource: 'uitkeringId', pad: (id) => `/uitkeringen/${id}/intrekking`, status: 200,
    body: () => ({ reden: 'vergissing' }),
    velden: [v('reden', 'tekst')],
  },
  {
    naam: 'POST /afwijzingen', app: 'vz', pad: () => '/afwijzingen', status: 201,
    body: (i) => ({ clientId: i.clientId, wet: 'wmo', productcategorie: '01', besluitdatum: '2024-01-15', reden: 'geen beperking', aanmeldingId: i.aanmeldingId }),
    velden: [v('clientId', 'uuid'), v('wet', 'code'), v('productcategorie', 'productcategorie', false), v('besluitdatum', 'datumVerleden'), v('reden', 'tekst'), v('aanmeldingId', 'uuid', false)],
  },
  {
    naam: 'POST /afwijzingen/{id}/intrekking', app: 'vz', resource: 'afwijzingId', pad: (id) => `/afwijzingen/${id}/intrekking`, status: 200,
    body: () => ({ reden: 'vergissing' }),
    velden: [v('reden', 'tekst')],
  },
  {
    naam: 'POST /bezwaren', app: 'vz', pad: () => '/bezwaren', status: 201,
    body: (i) => ({ besluitId: i.voorzieningId, ontvangenOp: '2024-02-01', onderwerp: 'huishoudelijke-hulp', adviescommissie: true, bekendmakingOp: '2024-01-16' }),
    velden: [v('besluitId', 'uuid'), v('ontvangenOp', 'datumVerleden'), v('onderwerp', 'vrijeCode'), v('adviescommissie', 'boolean', false), v('bekendmakingOp', 'datumVerleden', false)],
  },
  {
    naam: 'POST /bezwaren/{id}/verdaging', app: 'vz', resource: 'bezwaarId', pad: (id) => `/bezwaren/${id}/verdaging`, status: 200,
    body: () => ({ verdaagdOp: '2024-03-01' }),
    velden: [v('verdaagdOp', 'datumVerleden')],
  },
  {
    naam: 'POST /bezwaren/{id}/afhandeling', app: 'vz', resource: 'bezwaarId', pad: (id) => `/bezwaren/${id}/afhandeling`, status: 200,
    body: () => ({ afgehandeldOp: '2024-03-15', uitkomst: 'deels-gegrond' }),
    velden: [v('afgehandeldOp', 'datumVerleden'), v('uitkomst', 'code')],
  },
  {
    naam: 'POST /bezwaren/{id}/intrekking', app: 'vz', resource: 'bezwaarId', pad: (id) => `/bezwaren/${id}/intrekking`, status: 200,
    body: () => ({ reden: 'vergissing' }),
    velden: [v('reden', 'tekst')],
  },
  {
    naam: 'POST /productcategorieen', app: 'vz', pad: () => '/productcategorieen', status: 201, rol: 'beheer',
    body: () => ({ gemeente: 'GM0005', wet: 'wmo', code: `EIGEN-${++codeTeller}`, naam: 'Eigen code' }),
    velden: [v('gemeente', 'gemeente'), v('wet', 'code'), v('code', 'productcategorie'), v('naam', 'naam')],
  },
];

/** Wrong values per kind of field: [description, value]. */
const FOUT: Record<Soort, [string, unknown][]> = {
  datum: [['an impossible date', '2016-02-30'], ['another format', '30-01-2016'], ['no padding', '2016-2-1'], ['a date-time', '2016-02-01T00:00:00Z'], ['a number', 20160201], ['an object', { jaar: 2016 }]],
  datumVerleden: [['an impossible date', '2016-02-30'], ['another format', '01/02/2016'], ['a number', 20160201], ['a date in the future', '2999-01-01']],
  code: [['an unknown code', 'bestaat-niet'], ['another case', 'WMO'], ['a number', 1], ['a list', ['wmo']]],
  uuid: [['not a uuid', 'abc'], ['a uuid one short', '3a1e6c0d-5b7f-4f2a-8c9d-0e1f2a3b4c0'], ['a number', 12]],
  tekst: [['an empty string', ''], ['a number', 12], ['501 characters', 'x'.repeat(501)]],
  naam: [['an empty string', ''], ['a number', 12], ['201 characters', 'x'.repeat(201)]],
  productcategorie: [['an empty string', ''], ['a space', '0 1'], ['a number', 1], ['a leading dash', '-01'], ['33 characters', 'a'.repeat(33)]],
  boolean: [['a string', 'ja'], ['a number', 1]],
  gemeente: [['no CBS code', 'GM05'], ['lower case', 'gm0005'], ['a number', 5]],
  vrijeCode: [['capitals and spaces', 'Huishoudelijke Hulp'], ['an empty string', ''], ['a number', 5]],
};

function gevallen(): [string, Endpoint, Record<string, unknown>, string][] {
  const out: [string, Endpoint, Record<string, unknown>, string][] = [];
  for (const e of ENDPOINTS) {
    for (const veld of e.velden) {
      for (const [wat, waarde] of FOUT[veld.soort]) out.push([`${e.naam}: ${veld.naam} ${wat}`, e, { [veld.naam]: waarde }, veld.naam]);
      if (!veld.nullable) out.push([`${e.naam}: ${veld.naam} null`, e, { [veld.naam]: null }, veld.naam]);
      if (veld.verplicht) out.push([`${e.naam}: ${veld.naam} missing`, e, { [veld.naam]: undefined }, veld.naam]);
    }
    out.push([`${e.naam}: an unknown extra field`, e, { opmerking: 'x' }, 'opmerking']);
  }
  return out;
}

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
      () => http.post(e.pad(e.resource ? ids[e.resource] : '')).set('Authorization', `Bearer ${eigenToken(e)}`).set('Content-Type', 'application/json').send('{"reden": '),
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
  it.each(GETS)('GET a %s: 200 with ETag; bad id 400, unknown 404, other gemeente or role 403, no token 401', async (_, app, pad, resource) => {
    const get = (id: string, token: string | null) => {
      const req = (app === 'intake' ? s.intake.http : s.voorzieningen.http).get(`${pad}/${id}`);
      return token ? req.set('Authorization', `Bearer ${token}`) : req;
    };
    const ok = await get(ids[resource], c.token);
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toMatch(/^"\d+"$/);
    expectProblem((await get('niet-een-uuid', c.token)) as Antwoord, 400, 'id');
    expectProblem((await get(randomUUID(), c.token)) as Antwoord, 404);
    expectProblem((await get(ids[resource], consulentAnder)) as Antwoord, 403);
    expectProblem((await get(ids[resource], rapportage)) as Antwoord, 403);
    expectProblem((await get(ids[resource], auditor)) as Antwoord, 403);
    expectProblem((await get(ids[resource], null)) as Antwoord, 401);
  });
});
