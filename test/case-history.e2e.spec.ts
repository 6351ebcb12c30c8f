import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestStack, type TestStack } from './stack.js';

/**
 * A consultant registers whole case histories through REST only — households of more than one
 * person, all three wetten, ZIN and PGB, corrections, an intrekking, bezwaren with every uitkomst —
 * and reads them back from the GET endpoints and, as an auditor, from the audit endpoint.
 */
let s: TestStack;
let consulent: string;
let auditor: string;
const ids: Record<string, string> = {};

type App = 'intake' | 'voorzieningen';
async function post(app: App, path: string, body: object, status = 201) {
  const res = await s[app].http.post(path).set('Authorization', `Bearer ${consulent}`).send(body);
  if (res.status !== status) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, string> & { positie: number };
}
async function get(app: App | 'projections', path: string, token = consulent) {
  return s[app].http.get(path).set('Authorization', `Bearer ${token}`);
}

beforeAll(async () => {
  s = await startTestStack();
  consulent = await s.token('consulent', ['GM0005', 'GM0006'], 'consulent-fatima');
  auditor = await s.token('auditor', ['GM0005']);

  // Household HH-1: two adults; household HH-2: a child; one client in another gemeente.
  ids.anna = (
    await post('intake', '/clienten', {
      bsn: '111222333',
      geboortedatum: '1958-05-01',
      geslacht: 'vrouw',
      gemeente: 'GM0005',
      huishoudenId: 'HH-1',
    })
  ).clientId!;
  ids.bram = (
    await post('intake', '/clienten', {
      bsn: '123456782',
      geboortedatum: '1956-02-29',
      geslacht: 'man',
      gemeente: 'GM0005',
      huishoudenId: 'HH-1',
    })
  ).clientId!;
  ids.cas = (
    await post('intake', '/clienten', {
      bsn: '999999990',
      geboortedatum: '2008-09-15',
      geslacht: 'man',
      gemeente: 'GM0005',
      huishoudenId: 'HH-2',
    })
  ).clientId!;
  ids.dewi = (
    await post('intake', '/clienten', { bsn: '100000009', geboortedatum: '1990-12-31', geslacht: 'onbekend', gemeente: 'GM0006' })
  ).clientId!;

  // Anna: Wmo aanmelding → toekenning huishoudelijke hulp in natura → levering → beëindiging, later gecorrigeerd.
  ids.aanmeldingAnna = (
    await post('intake', '/aanmeldingen', { clientId: ids.anna, wet: 'wmo', ontvangenOp: '2016-01-11', verwijzer: 'huisarts' })
  ).aanmeldingId!;
  await post('intake', `/aanmeldingen/${ids.aanmeldingAnna}/afronding`, { afgerondOp: '2016-02-01', uitkomst: 'aanvraag' }, 200);
  ids.hhAnna = (
    await post('voorzieningen', '/voorzieningen', {
      clientId: ids.anna,
      wet: 'wmo',
      productcategorie: '01',
      leveringsvorm: 'zin',
      besluitdatum: '2016-02-15',
      ingangsdatum: '2016-03-01',
      aanmeldingId: ids.aanmeldingAnna,
    })
  ).voorzieningId!;
  await post('voorzieningen', `/voorzieningen/${ids.hhAnna}/start-levering`, { datum: '2016-03-07' }, 200);
  await post('voorzieningen', `/voorzieningen/${ids.hhAnna}/beeindiging`, { einddatum: '2016-06-30', reden: 'volgens-plan' }, 200);
  await post('voorzieningen', `/voorzieningen/${ids.hhAnna}/beeindiging`, { einddatum: '2016-05-31', reden: 'overlijden' }, 200);
  ids.afwijzingAnna = (
    await post('voorzieningen', '/afwijzingen', {
      clientId: ids.anna,
      wet: 'wmo',
      productcategorie: '06',
      besluitdatum: '2016-02-15',
      reden: 'Algemene voorziening volstaat',
    })
  ).afwijzingId!;

  // Bram: Participatiewet-uitkering, beëindigd wegens werk, ingangsdatum gecorrigeerd; a PGB toegekend in error and withdrawn.
  ids.uitkeringBram = (
    await post('voorzieningen', '/uitkeringen', {
      clientId: ids.bram,
      regeling: 'participatiewet',
      ingangsdatum: '2016-01-01',
      instroomreden: 'einde-ww',
    })
  ).uitkeringId!;
  await post(
    'voorzieningen',
    `/uitkeringen/${ids.uitkeringBram}/correctie`,
    { ingangsdatum: '2015-12-15', reden: 'Aanvraagdatum verkeerd overgenomen' },
    200,
  );
  await post('voorzieningen', `/uitkeringen/${ids.uitkeringBram}/beeindiging`, { einddatum: '2016-04-30', uitstroomreden: 'werk' }, 200);
  ids.pgbBram = (
    await post('voorzieningen', '/voorzieningen', {
      clientId: ids.bram,
      wet: 'wmo',
      productcategorie: '02',
      leveringsvorm: 'pgb',
      besluitdatum: '2016-03-01',
      ingangsdatum: '2016-03-01',
      einddatum: '2016-12-31',
    })
  ).voorzieningId!;
  await post('voorzieningen', `/voorzieningen/${ids.pgbBram}/correctie`, { leveringsvorm: 'zin', reden: 'Verkeerde leveringsvorm' }, 200);
  await post('voorzieningen', `/voorzieningen/${ids.pgbBram}/intrekking`, { reden: 'Dubbel geregistreerd' }, 200);

  // Cas: jeugdhulp via the huisarts, as PGB.
  ids.aanmeldingCas = (
    await post('intake', '/aanmeldingen', { clientId: ids.cas, wet: 'jeugdwet', ontvangenOp: '2016-02-01', verwijzer: 'huisarts' })
  ).aanmeldingId!;
  ids.jeugdCas = (
    await post('voorzieningen', '/voorzieningen', {
      clientId: ids.cas,
      wet: 'jeugdwet',
      productcategorie: '45',
      leveringsvorm: 'pgb',
      besluitdatum: '2016-03-10',
      ingangsdatum: '2016-04-01',
      einddatum: '2016-09-30',
      aanmeldingId: ids.aanmeldingCas,
    })
  ).voorzieningId!;

  // Dewi, in GM0006: an IOAW-uitkering.
  ids.uitkeringDewi = (
    await post('voorzieningen', '/uitkeringen', {
      clientId: ids.dewi,
      regeling: 'ioaw',
      ingangsdatum: '2016-02-01',
      instroomreden: 'einde-werk',
    })
  ).uitkeringId!;

  // Bezwaren with every uitkomst.
  const bezwaar = async (besluitId: string, onderwerp: string, uitkomst: string, extra: object = {}) => {
    const id = (await post('voorzieningen', '/bezwaren', { besluitId, ontvangenOp: '2016-03-20', onderwerp, ...extra })).bezwaarId;
    return { id, uitkomst };
  };
  const bezwaren = [
    await bezwaar(ids.hhAnna, 'huishoudelijke-hulp', 'gegrond'),
    await bezwaar(ids.uitkeringBram, 'overig', 'deels-gegrond'),
    await bezwaar(ids.afwijzingAnna, 'begeleiding-individueel', 'ongegrond', { adviescommissie: true }),
    await bezwaar(ids.jeugdCas, 'pgb', 'ingetrokken'),
    await bezwaar(ids.uitkeringDewi, 'overig', 'niet-ontvankelijk'),
  ];
  await post('voorzieningen', `/bezwaren/${bezwaren[2].id}/verdaging`, { verdaagdOp: '2016-05-01' }, 200);
  for (const b of bezwaren) {
    await post('voorzieningen', `/bezwaren/${b.id}/afhandeling`, { afgehandeldOp: '2016-05-20', uitkomst: b.uitkomst }, 200);
    ids[`bezwaar-${b.uitkomst}`] = b.id;
  }
}, 60_000);

afterAll(async () => {
  await s.close();
});

describe('reading a case back', () => {
  it('GET /clienten/{id} gives the client with its BSN to a consultant of its gemeente, with an ETag', async () => {
    const res = await get('intake', `/clienten/${ids.anna}`);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({ clientId: ids.anna, bsn: '111222333', huishoudenId: 'HH-1', gemeente: 'GM0005', versie: 1 });
  });

  it('a consultant of another gemeente gets 403, not the client', async () => {
    const other = await s.token('consulent', ['GM0006']);
    const res = await get('intake', `/clienten/${ids.anna}`, other);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain('111222333');
  });

  it('the voorziening shows the corrected beëindiging, the levering and its version', async () => {
    const res = await get('voorzieningen', `/voorzieningen/${ids.hhAnna}`);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"4"');
    expect(res.body).toMatchObject({
      clientId: ids.anna,
      wet: 'wmo',
      productcategorie: '01',
      leveringsvorm: 'zin',
      ingangsdatum: '2016-03-01',
      einddatum: '2016-05-31',
      beeindigingReden: 'overlijden',
      leveringGestartOp: '2016-03-07',
      ingetrokken: false,
      versie: 4,
    });
  });

  it('the uitkering shows its corrected ingangsdatum and its uitstroom', async () => {
    const res = await get('voorzieningen', `/uitkeringen/${ids.uitkeringBram}`);
    expect(res.body).toMatchObject({ regeling: 'participatiewet', ingangsdatum: '2015-12-15', einddatum: '2016-04-30', versie: 3 });
  });

  it('the withdrawn PGB is marked ingetrokken, with its corrected leveringsvorm', async () => {
    const res = await get('voorzieningen', `/voorzieningen/${ids.pgbBram}`);
    expect(res.body).toMatchObject({ ingetrokken: true, leveringsvorm: 'zin', versie: 3 });
  });

  it('the Jeugdwet PGB and the aanmelding it came from', async () => {
    expect((await get('voorzieningen', `/voorzieningen/${ids.jeugdCas}`)).body).toMatchObject({
      wet: 'jeugdwet',
      productcategorie: '45',
      leveringsvorm: 'pgb',
      aanmeldingId: ids.aanmeldingCas,
    });
    expect((await get('intake', `/aanmeldingen/${ids.aanmeldingAnna}`)).body).toMatchObject({
      wet: 'wmo',
      verwijzer: 'huisarts',
      ontvangenOp: '2016-01-11',
    });
  });

  it('every bezwaar has its uitkomst; the verdaagde with adviescommissie has the longer termijn', async () => {
    for (const uitkomst of ['gegrond', 'deels-gegrond', 'ongegrond', 'ingetrokken', 'niet-ontvankelijk']) {
      const res = await get('voorzieningen', `/bezwaren/${ids[`bezwaar-${uitkomst}`]}`);
      expect(res.status).toBe(200);
      expect(res.body.afhandeling).toMatchObject({ uitkomst, afgehandeldOp: '2016-05-20' });
    }
    const verdaagd = (await get('voorzieningen', `/bezwaren/${ids['bezwaar-ongegrond']}`)).body;
    const gewoon = (await get('voorzieningen', `/bezwaren/${ids['bezwaar-gegrond']}`)).body;
    expect(verdaagd.verdaagdOp).toBe('2016-05-01');
    expect(verdaagd.uiterlijkeBeslisdatum > gewoon.uiterlijkeBeslisdatum).toBe(true);
  });

  it('the dossier lists everything of the client, each as it stands now', async () => {
    const res = await get('intake', `/clienten/${ids.anna}/dossier`);
    expect(res.status).toBe(200);
    expect(res.body.client.clientId).toBe(ids.anna);
    expect(res.body.aanmeldingen.map((a: { aanmeldingId: string }) => a.aanmeldingId)).toEqual([ids.aanmeldingAnna]);
    expect(res.body.voorzieningen.map((v: { voorzieningId: string }) => v.voorzieningId)).toEqual([ids.hhAnna]);
    expect(res.body.afwijzingen.map((a: { afwijzingId: string }) => a.afwijzingId)).toEqual([ids.afwijzingAnna]);
    expect(res.body.bezwaren.map((b: { bezwaarId: string }) => b.bezwaarId).sort()).toEqual(
      [ids['bezwaar-gegrond'], ids['bezwaar-ongegrond']].sort(),
    );
    expect(res.body.uitkeringen).toEqual([]);
    const bram = (await get('intake', `/clienten/${ids.bram}/dossier`)).body;
    expect(bram.uitkeringen).toHaveLength(1);
    expect(bram.voorzieningen).toHaveLength(1);
  });

  it('an unknown id is 404, a malformed one 400', async () => {
    expect((await get('voorzieningen', '/voorzieningen/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await get('voorzieningen', '/voorzieningen/niet-een-id');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('id');
  });
});

describe('audit', () => {
  it('replays a stream with positions, recorded times, actor, type, version and data', async () => {
    const res = await get('projections', `/audit/streams/voorziening-${ids.hhAnna}`, auditor);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ streamId: `voorziening-${ids.hhAnna}`, streamType: 'voorziening', gemeente: 'GM0005', versie: 4 });
    const events = res.body.events as {
      positie: number;
      streamVersie: number;
      type: string;
      schemaVersie: number;
      geregistreerdOp: string;
      actor: string;
      data: Record<string, unknown>;
    }[];
    expect(events.map((e) => e.type)).toEqual(['VoorzieningToegekend', 'LeveringGestart', 'VoorzieningBeeindigd', 'VoorzieningBeeindigd']);
    expect(events.map((e) => e.streamVersie)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < events.length; i++) {
      expect(events[i].positie).toBeGreaterThan(events[i - 1].positie);
      expect(Date.parse(events[i].geregistreerdOp)).toBeGreaterThanOrEqual(Date.parse(events[i - 1].geregistreerdOp));
    }
    expect(events.every((e) => e.actor === 'consulent-fatima')).toBe(true);
    // the second beëindiging is recorded as a correction of the first
    expect(events[3].data).toMatchObject({ einddatum: '2016-05-31', reden: 'overlijden', vorigeEinddatum: '2016-06-30', correctie: true });
  });

  it('shows the BSN of a client stream as afgeschermd', async () => {
    const res = await get('projections', `/audit/streams/client-${ids.anna}`, auditor);
    expect(res.status).toBe(200);
    expect(res.body.events[0].data.bsn).toBe('[afgeschermd]');
    expect(JSON.stringify(res.body)).not.toContain('111222333');
  });

  it('is for auditor and beheer only, and only for their gemeenten', async () => {
    for (const rol of ['consulent', 'rapportage']) {
      expect((await get('projections', `/audit/streams/voorziening-${ids.hhAnna}`, await s.token(rol, ['GM0005']))).status).toBe(403);
    }
    expect((await get('projections', `/audit/streams/voorziening-${ids.hhAnna}`, await s.token('beheer', ['GM0005']))).status).toBe(200);
    expect((await get('projections', `/audit/streams/uitkering-${ids.uitkeringDewi}`, auditor)).status).toBe(403);
    expect((await get('projections', `/audit/streams/voorziening-00000000-0000-4000-8000-000000000000`, auditor)).status).toBe(404);
    expect((await get('projections', `/audit/streams/DROP TABLE`, auditor)).status).toBe(400);
    expect((await s.projections.http.get(`/audit/streams/voorziening-${ids.hhAnna}`)).status).toBe(401);
  });
});
