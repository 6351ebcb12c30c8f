import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { logboekSchema } from '@sd/database';
import { type Antwoord, expectProblem, nieuwBsn } from './helpers.js';
import { startTestStack, type TestStack } from './stack.js';

/**
 * The processing log (Logboek Dataverwerkingen, libs/logboek) over the three apps: a scripted
 * series of requests for clients A and B, then the privacy officer's GET /verwerkingen per client.
 * The series of A runs in one W3C trace: the test sends each request the traceparent the previous
 * answer carried, as the dashboard and the audit CLI do.
 */
let s: TestStack;
let consulent: string;
let auditor: string;
let privacy: string;

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const EERSTE_OUDER = 'b7ad6b7169203331';
let traceparent = `00-${TRACE}-${EERSTE_OUDER}-01`;

const A = { bsn: nieuwBsn(), geboortedatum: '1958-05-01', geslacht: 'vrouw', gemeente: 'GM0005' };
const B = { bsn: nieuwBsn(), geboortedatum: '1961-11-23', geslacht: 'man', gemeente: 'GM0005' };
const ids: Record<string, string> = {};

/** What we expect of A's log, step by step: the span we sent as parent and the span the answer named. */
const verwacht: { activiteit: string; dienst: string; actor: string; name: string; ouder: string; span: string }[] = [];

type App = 'intake' | 'voorzieningen' | 'projections';
const SPAN = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

/** A request of A's series in its trace; `activiteit` when it must leave a record. */
async function inTrace(app: App, method: 'get' | 'post', path: string, token: string, body?: object, activiteit?: string) {
  let req = s[app].http[method](path).set('Authorization', `Bearer ${token}`).set('traceparent', traceparent);
  if (body) req = req.send(body);
  const res = (await req) as Antwoord;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  const [, traceId, span] = SPAN.exec(res.headers.traceparent) ?? [];
  expect(traceId).toBe(TRACE);
  if (activiteit) {
    const actor = token === auditor ? 'auditor-ada' : 'consulent-anna';
    const name = `${method.toUpperCase()} ${path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id').replace(/^\/audit\/streams\/[a-z]+-:id$/, '/audit/streams/:streamId')}`;
    verwacht.push({ activiteit, dienst: app, actor, name, ouder: SPAN.exec(traceparent)![2], span });
  }
  traceparent = res.headers.traceparent;
  return res;
}

/** B's requests: no traceparent, so each starts a trace of its own. */
async function zonderTrace(app: App, method: 'get' | 'post', path: string, token: string, body?: object) {
  let req = s[app].http[method](path).set('Authorization', `Bearer ${token}`);
  if (body) req = req.send(body);
  const res = (await req) as Antwoord;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res;
}

const verwerkingen = (query: string, token = privacy) =>
  s.intake.http.get(`/verwerkingen?${query}`).set('Authorization', `Bearer ${token}`);

const voorziening = (clientId: string) => ({
  clientId,
  wet: 'wmo',
  productcategorie: '01',
  leveringsvorm: 'zin',
  besluitdatum: '2024-01-15',
  ingangsdatum: '2024-02-01',
});

beforeAll(async () => {
  s = await startTestStack();
  consulent = await s.token('consulent', ['GM0005'], 'consulent-anna');
  auditor = await s.token('auditor', ['GM0005'], 'auditor-ada');
  privacy = await s.token('privacy', ['GM0005'], 'privacy-piet');

  ids.a = (await inTrace('intake', 'post', '/clienten', consulent, A, 'registreren-client')).body.clientId;
  ids.b = (await zonderTrace('intake', 'post', '/clienten', consulent, B)).body.clientId;
  ids.aanmeldingA = (
    await inTrace('intake', 'post', '/aanmeldingen', consulent, { clientId: ids.a, wet: 'wmo', ontvangenOp: '2024-01-10' })
  ).body.aanmeldingId;
  ids.voorzieningA = (await inTrace('voorzieningen', 'post', '/voorzieningen', consulent, voorziening(ids.a))).body.voorzieningId;
  ids.voorzieningB = (await zonderTrace('voorzieningen', 'post', '/voorzieningen', consulent, voorziening(ids.b))).body.voorzieningId;

  await inTrace('intake', 'get', `/clienten/${ids.a}`, consulent, undefined, 'inzien-client');
  await zonderTrace('intake', 'get', `/clienten/${ids.b}`, consulent);
  await inTrace('intake', 'get', `/clienten/${ids.a}/dossier`, consulent, undefined, 'inzien-dossier');
  await inTrace(
    'intake',
    'post',
    `/aanmeldingen/${ids.aanmeldingA}/intrekking`,
    consulent,
    { reden: 'dubbel ingevoerd' },
    'intrekken-registratie',
  );
  await inTrace(
    'voorzieningen',
    'post',
    `/voorzieningen/${ids.voorzieningA}/correctie`,
    consulent,
    { ingangsdatum: '2024-03-01', reden: 'verkeerde ingangsdatum' },
    'corrigeren-registratie',
  );
  await zonderTrace('voorzieningen', 'post', `/voorzieningen/${ids.voorzieningB}/correctie`, consulent, {
    leveringsvorm: 'pgb',
    reden: 'verkeerde leveringsvorm',
  });
  await inTrace('projections', 'get', `/audit/streams/voorziening-${ids.voorzieningA}`, auditor, undefined, 'inzien-auditstream');
  await inTrace('projections', 'get', `/audit/streams/client-${ids.a}`, auditor, undefined, 'inzien-auditstream');
  await zonderTrace('projections', 'get', `/audit/streams/client-${ids.b}`, auditor);

  // Refusals process nothing and leave no record: another gemeente, a path that is no uuid.
  const anderGemeente = await s.token('consulent', ['GM0006'], 'consulent-elders');
  expect((await s.intake.http.get(`/clienten/${ids.a}`).set('Authorization', `Bearer ${anderGemeente}`)).status).toBe(403);
  expect((await s.intake.http.get(`/clienten/${ids.a}/dossier`).set('Authorization', `Bearer ${anderGemeente}`)).status).toBe(403);
});

afterAll(async () => {
  await s?.close();
});

describe('GET /verwerkingen?clientId= (the privacy officer)', () => {
  it("lists every processing of A's series, in order, with its activity, actor and app, and nothing of B", async () => {
    const res = await verwerkingen(`clientId=${ids.a}`);
    expect(res.status).toBe(200);
    expect(res.body.clientId).toBe(ids.a);
    expect(res.body.volgende).toBeNull();
    const regels = res.body.verwerkingen as Record<string, any>[];
    expect(regels.map((r) => r.attributes['dpl.core.processing_activity_id'])).toEqual(
      verwacht.map((v) => `urn:sociaal-domein:verwerkingsactiviteit:${v.activiteit}`),
    );
    regels.forEach((r, i) => {
      expect(r).toMatchObject({
        trace_id: TRACE,
        span_id: verwacht[i].span,
        parent_span_id: verwacht[i].ouder,
        name: verwacht[i].name,
        status_code: 'STATUS_CODE_OK',
        resource: { attributes: { 'service.name': verwacht[i].dienst } },
        attributes: {
          'dpl.core.data_subject_id': ids.a,
          'dpl.core.data_subject_id_type': 'urn:sociaal-domein:clientId',
          'dpl.sd.actor_id': verwacht[i].actor,
          'dpl.sd.gemeente': 'GM0005',
        },
      });
      expect(Date.parse(r.end_time)).toBeGreaterThanOrEqual(Date.parse(r.start_time));
      if (i > 0) expect(Date.parse(r.start_time)).toBeGreaterThanOrEqual(Date.parse(regels[i - 1].start_time));
    });
    expect(JSON.stringify(res.body)).not.toContain(ids.b);
  });

  it("A's trace runs across intake, voorzieningen and projections, each record's parent the span before it", () => {
    expect(new Set(verwacht.map((v) => v.dienst))).toEqual(new Set(['intake', 'voorzieningen', 'projections']));
    expect(verwacht[0].ouder).toBe(EERSTE_OUDER);
  });

  it("B's log is B's own: its registration, reads, correctie and audit read, none of A", async () => {
    const res = await verwerkingen(`clientId=${ids.b}`);
    expect(res.status).toBe(200);
    const regels = res.body.verwerkingen as Record<string, any>[];
    expect(regels.map((r) => r.attributes['dpl.core.processing_activity_id'].split(':').pop())).toEqual([
      'registreren-client',
      'inzien-client',
      'corrigeren-registratie',
      'inzien-auditstream',
    ]);
    // Sent without traceparent: every request started a trace of its own.
    expect(new Set(regels.map((r) => r.trace_id)).size).toBe(4);
    expect(regels.every((r) => r.parent_span_id === null && r.trace_id !== TRACE)).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain(ids.a);
  });

  it('holds no BSN and no geboortedatum in any row of the logboek table', async () => {
    const { rows } = await s.db.pool.query<{ regel: string }>(`SELECT v::text AS regel FROM ${logboekSchema(s.db.config)}.verwerking v`);
    expect(rows.length).toBe(verwacht.length + 4);
    const tekst = rows.map((r) => r.regel).join('\n');
    for (const persoon of [A, B]) {
      expect(tekst).not.toContain(persoon.bsn);
      expect(tekst).not.toContain(persoon.geboortedatum);
    }
  });

  it('pages with limit and na, oldest first, and filters on van/tot', async () => {
    const alle = (await verwerkingen(`clientId=${ids.a}`)).body.verwerkingen as { span_id: string; start_time: string }[];
    const gezien: string[] = [];
    let na: string | null = null;
    do {
      const res = await verwerkingen(`clientId=${ids.a}&limit=3${na ? `&na=${na}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.verwerkingen.length).toBeLessThanOrEqual(3);
      gezien.push(...res.body.verwerkingen.map((r: { span_id: string }) => r.span_id));
      na = res.body.volgende;
    } while (na !== null);
    expect(gezien).toEqual(alle.map((r) => r.span_id));

    const vanaf = alle[2].start_time;
    const sinds = await verwerkingen(`clientId=${ids.a}&van=${encodeURIComponent(vanaf)}`);
    expect(sinds.body.verwerkingen.map((r: { span_id: string }) => r.span_id)).toEqual(alle.slice(2).map((r) => r.span_id));
    expect((await verwerkingen(`clientId=${ids.a}&tot=2020-01-01`)).body.verwerkingen).toEqual([]);
    expect((await verwerkingen(`clientId=${ids.a}&van=2020-01-01&tot=2999-12-31`)).body.verwerkingen).toHaveLength(alle.length);
  });

  it('is open to the auditor too, and lists the register the activity URIs name', async () => {
    expect((await verwerkingen(`clientId=${ids.a}`, auditor)).status).toBe(200);
    const register = await s.intake.http.get('/verwerkingen/activiteiten').set('Authorization', `Bearer ${privacy}`);
    expect(register.status).toBe(200);
    expect(register.body.map((a: { id: string }) => a.id)).toContain('urn:sociaal-domein:verwerkingsactiviteit:inzien-dossier');
  });

  it('401 without a token, 403 for other roles and for a client of another gemeente, 404 for no client', async () => {
    expect((await s.intake.http.get(`/verwerkingen?clientId=${ids.a}`)).status).toBe(401);
    for (const rol of ['consulent', 'rapportage', 'beheer']) {
      expectProblem(await verwerkingen(`clientId=${ids.a}`, await s.token(rol, ['GM0005'])), 403);
    }
    expectProblem(await verwerkingen(`clientId=${ids.a}`, await s.token('privacy', ['GM0006'])), 403);
    expectProblem(await verwerkingen('clientId=6f1c1c1e-58a5-4d52-9a57-2b3d2c1f7a10'), 404);
    // The privacy officer reads the log, not the client's data.
    expectProblem(await s.intake.http.get(`/clienten/${ids.a}`).set('Authorization', `Bearer ${privacy}`), 403);
  });

  it.each([
    ['', 'clientId'],
    ['clientId=123456782', 'clientId'],
    ['clientId=ID&clientId=ID', 'clientId'],
    ['clientId=ID&van=gisteren', 'van'],
    ['clientId=ID&tot=2026-02-30', 'tot'],
    ['clientId=ID&van=2026-02-01&tot=2026-01-01', 'tot'],
    ['clientId=ID&limit=0', 'limit'],
    ['clientId=ID&limit=1001', 'limit'],
    ['clientId=ID&limit=tien', 'limit'],
    ['clientId=ID&na=-1', 'na'],
  ])('400 naming the field: ?%s', async (query, veld) => {
    expectProblem(await verwerkingen(query.replace(/ID/g, ids.a)), 400, veld);
  });
});

describe('when a record cannot be written', () => {
  it('a read answers 503 and shows nothing; a command keeps its answer', async () => {
    const tabel = `${logboekSchema(s.db.config)}.verwerking`;
    const voor = (await verwerkingen(`clientId=${ids.a}`)).body.verwerkingen.length as number;
    await s.db.pool.query(`ALTER TABLE ${tabel} RENAME TO verwerking_weg`);
    try {
      const lezen = (await s.intake.http.get(`/clienten/${ids.a}`).set('Authorization', `Bearer ${consulent}`)) as Antwoord;
      expectProblem(lezen, 503);
      expect(lezen.headers['retry-after']).toBe('5');
      expect(lezen.text).not.toContain(A.bsn);
      expectProblem(await s.intake.http.get(`/clienten/${ids.a}/dossier`).set('Authorization', `Bearer ${consulent}`), 503);
      const correctie = await s.voorzieningen.http
        .post(`/voorzieningen/${ids.voorzieningA}/correctie`)
        .set('Authorization', `Bearer ${consulent}`)
        .send({ leveringsvorm: 'pgb', reden: 'toch pgb' });
      expect(correctie.status).toBe(200);
    } finally {
      await s.db.pool.query(`ALTER TABLE ${logboekSchema(s.db.config)}.verwerking_weg RENAME TO verwerking`);
    }
    expect((await verwerkingen(`clientId=${ids.a}`)).body.verwerkingen).toHaveLength(voor);
  });
});
