import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestStack, type TestStack } from '../../../test/stack.js';
import { generateHistory, type GeneratedHistory } from './history-generator.js';

/** Regio's: PUT /regios/{code} (beheer), GET /regios, and `regio=` on every report and series. */

const GEMEENTEN = ['GM0005', 'GM0006', 'GM0007'];

let s: TestStack;
let history: GeneratedHistory;
let beheer: string;
let rapportage: string;

beforeAll(async () => {
  s = await startTestStack();
  history = await generateHistory(s, { seed: 373, clienten: 40, gemeenten: GEMEENTEN });
  beheer = await s.token('beheer', GEMEENTEN);
  rapportage = await s.token('rapportage', GEMEENTEN);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

const zet = (code: string, body: object, token = beheer, key?: string) => {
  const req = s.projections.http.put(`/regios/${code}`).set('Authorization', `Bearer ${token}`);
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};
const lijst = (token = rapportage, query = '') => s.projections.http.get(`/regios${query}`).set('Authorization', `Bearer ${token}`);
const rapport = (pad: string, params: Record<string, string>, token = rapportage) =>
  s.projections.http
    .get(`/rapportages/${pad}?${new URLSearchParams({ ...params, minPositie: String(history.lastPositie) })}`)
    .set('Authorization', `Bearer ${token}`);
const velden = (res: { body: unknown }) => ((res.body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field).sort();

describe('regio’s', () => {
  let naEerste: string;

  it('are defined by beheer, once per definition, and listed for whoever may see all their gemeenten', async () => {
    const eerste = await zet('BMWE', { naam: 'Bergen, Heiloo en Castricum', gemeenten: ['GM0006', 'GM0005', 'GM0006'] }, beheer, 'bmwe-1');
    expect(eerste.status).toBe(200);
    const opnieuw = await zet('BMWE', { naam: 'Bergen, Heiloo en Castricum', gemeenten: ['GM0005', 'GM0006'] });
    expect(opnieuw.status).toBe(200);
    expect((opnieuw.body as { positie: number }).positie).toBe((eerste.body as { positie: number }).positie);
    naEerste = new Date().toISOString();
    expect((await lijst()).body).toEqual([{ code: 'BMWE', naam: 'Bergen, Heiloo en Castricum', gemeenten: ['GM0005', 'GM0006'] }]);
    expect((await lijst(await s.token('rapportage', ['GM0005']))).body).toEqual([]);
  });

  it('refuses bad input, naming the field, and a gemeente outside the token', async () => {
    expect(velden(await zet('BMWE', { naam: '', gemeenten: [] }))).toEqual(['gemeenten', 'naam']);
    expect(velden(await zet('BMWE', { naam: 'x', gemeenten: ['0005'] }))).toEqual(['gemeenten']);
    expect(velden(await zet('B', { naam: 'x', gemeenten: ['GM0005'] }))).toEqual(['code']);
    const buiten = await zet('NOORD', { naam: 'Noord', gemeenten: ['GM0005', 'GM0363'] });
    expect(buiten.status).toBe(403);
    expect((buiten.body as { detail: string }).detail).toContain('GM0363');
    expect((await zet('NOORD', { naam: 'Noord', gemeenten: ['GM0005'] }, rapportage)).status).toBe(403);
    expect((await lijst(rapportage, '?kennisdatum=gisteren')).status).toBe(400);
  });

  it('stand for a regio is the stand of its gemeenten, and says which regio', async () => {
    const viaRegio = await rapport('stand', { regio: 'BMWE', peildatum: '2016-06-30' });
    const viaLijst = await rapport('stand', { gemeente: 'GM0005,GM0006', peildatum: '2016-06-30' });
    expect(viaRegio.status).toBe(200);
    const { filters, ...cijfers } = viaRegio.body as Record<string, unknown>;
    const { filters: lijstFilters, ...lijstCijfers } = viaLijst.body as Record<string, unknown>;
    expect(filters).toEqual({ gemeente: ['GM0005', 'GM0006'], regio: 'BMWE' });
    expect(lijstFilters).toEqual({ gemeente: ['GM0005', 'GM0006'] });
    expect(cijfers).toEqual(lijstCijfers);
    expect((cijfers.totaal as { voorzieningen: number }).voorzieningen).toBeGreaterThan(0);
    const reeks = await rapport('reeks', { rapport: 'bezwaren', regio: 'BMWE', interval: 'jaar', van: '2015-01-01', tot: '2016-12-31' });
    expect(reeks.status).toBe(200);
    expect((reeks.body as { filters: object }).filters).toEqual({ gemeente: ['GM0005', 'GM0006'], regio: 'BMWE' });
  });

  it('as known on a kennisdatum: the gemeenten the regio had then', async () => {
    expect((await zet('BMWE', { naam: 'BMWE', gemeenten: ['GM0005', 'GM0006', 'GM0007'] })).status).toBe(200);
    const nu = await rapport('wachtlijst', { regio: 'BMWE', peildatum: '2016-06-30' });
    expect((nu.body as { filters: { gemeente: string[] } }).filters.gemeente).toEqual(GEMEENTEN);
    const toen = await rapport('wachtlijst', { regio: 'BMWE', peildatum: '2016-06-30', kennisdatum: naEerste });
    expect((toen.body as { filters: { gemeente: string[] } }).filters.gemeente).toEqual(['GM0005', 'GM0006']);
    expect((await lijst(rapportage, `?kennisdatum=${naEerste}`)).body).toEqual([
      { code: 'BMWE', naam: 'Bergen, Heiloo en Castricum', gemeenten: ['GM0005', 'GM0006'] },
    ]);
  });

  it('refuses a regio with a gemeente outside the token (403 naming it), an unknown one, and regio with gemeente', async () => {
    const smal = await s.token('rapportage', ['GM0005', 'GM0006']);
    const res = await rapport('stand', { regio: 'BMWE', peildatum: '2016-06-30' }, smal);
    expect(res.status).toBe(403);
    expect((res.body as { detail: string }).detail).toContain('GM0007');
    expect(velden(await rapport('stand', { regio: 'ONBEKEND', peildatum: '2016-06-30' }))).toEqual(['regio']);
    expect(velden(await rapport('stand', { regio: 'BMWE', gemeente: 'GM0005', peildatum: '2016-06-30' }))).toEqual(['regio']);
    expect(velden(await rapport('stand', { regio: 'B!', peildatum: '2016-06-30' }))).toEqual(['regio']);
  });
});
