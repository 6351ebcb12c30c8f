import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestStack, type TestStack } from '../../../test/stack.js';
import { generateHistory, type GeneratedHistory } from './history-generator.js';

/**
 * GET /rapportages/reeks over a generated history registered through REST: every point equals,
 * field for field, the single report for its peildatum or period, with and without kennisdatum,
 * under filters and in publication mode. (The single reports are held to the oracle elsewhere.)
 */

const GEMEENTEN = ['GM0005', 'GM0006', 'GM0007'];
const META = ['rapport', 'kennisdatum', 'positie', 'filters', 'publicatie'] as const;

let s: TestStack;
let history: GeneratedHistory;
let rapportage: string;

beforeAll(async () => {
  s = await startTestStack();
  history = await generateHistory(s, { seed: 20_161_231, clienten: 120, gemeenten: GEMEENTEN });
  rapportage = await s.token('rapportage', GEMEENTEN);
}, 180_000);

afterAll(async () => {
  await s?.close();
});

async function vraag(pad: string, params: Record<string, string>, accept = 'application/json') {
  const query = new URLSearchParams({ ...params, minPositie: String(history.lastPositie) });
  return s.projections.http.get(`/rapportages/${pad}?${query}`).set('Authorization', `Bearer ${rapportage}`).set('Accept', accept);
}

type Body = Record<string, unknown> & { punten: Record<string, unknown>[] };

/** Asks the series, then each point as a single report, and lists every point that differs. */
async function vergelijk(rapport: string, interval: string, van: string, tot: string, params: Record<string, string>) {
  const res = await vraag('reeks', { rapport, interval, van, tot, ...params });
  expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
  const reeks = res.body as Body;
  expect(reeks).toMatchObject({ rapport, interval, van, tot });
  const verschillen: string[] = [];
  for (const punt of reeks.punten) {
    const periode: Record<string, string> =
      'peildatum' in punt ? { peildatum: String(punt.peildatum) } : { van: String(punt.van), tot: String(punt.tot) };
    const los = await vraag(rapport, { ...periode, ...params });
    expect(los.status).toBe(200);
    const body = los.body as Record<string, unknown>;
    expect(reeks.kennisdatum).toBe(body.kennisdatum);
    expect(reeks.filters).toEqual(body.filters);
    for (const m of META) delete body[m];
    if (JSON.stringify(punt) !== JSON.stringify(body))
      verschillen.push(`${JSON.stringify(periode)}: ${JSON.stringify(punt).slice(0, 400)}`);
  }
  expect(verschillen).toEqual([]);
  return reeks;
}

describe('GET /rapportages/reeks', () => {
  const kennisdata = (): Record<string, string>[] => [
    {},
    { kennisdatum: history.kennisdata[0].toISOString() },
    { kennisdatum: history.kennisdata[1].toISOString() },
  ];
  const FILTERS: Record<string, string>[] = [
    {},
    { gemeente: 'GM0006' },
    { gemeente: 'GM0005,GM0007', wet: 'wmo' },
    { leveringsvorm: 'pgb' },
    { regeling: 'participatiewet' },
  ];

  it('gives per month the stand, wachtlijst and stapeling of each month end, as known now and on each kennisdatum', async () => {
    for (const kennis of kennisdata())
      for (const filter of FILTERS)
        for (const rapport of ['stand', 'wachtlijst', 'stapeling']) {
          const reeks = await vergelijk(rapport, 'maand', '2015-06-01', '2016-12-31', { ...filter, ...kennis });
          expect(reeks.punten.map((p) => p.peildatum)).toHaveLength(19);
          expect(reeks.punten[8].peildatum).toBe('2016-02-29');
        }
  }, 240_000);

  it('gives per quarter, half-year and year the instroom-uitstroom and bezwaren of each interval', async () => {
    for (const kennis of kennisdata())
      for (const filter of FILTERS) {
        const reeks = await vergelijk('instroom-uitstroom', 'kwartaal', '2015-04-01', '2016-12-31', { ...filter, ...kennis });
        expect(reeks.punten.map((p) => `${String(p.van)}/${String(p.tot)}`)).toEqual([
          '2015-04-01/2015-06-30',
          '2015-07-01/2015-09-30',
          '2015-10-01/2015-12-31',
          '2016-01-01/2016-03-31',
          '2016-04-01/2016-06-30',
          '2016-07-01/2016-09-30',
          '2016-10-01/2016-12-31',
        ]);
        if (!filter.leveringsvorm && !filter.regeling)
          await vergelijk('bezwaren', 'kwartaal', '2015-07-01', '2016-12-31', { ...filter, ...kennis });
      }
    await vergelijk('instroom-uitstroom', 'halfjaar', '2015-01-01', '2016-12-31', {});
    await vergelijk('bezwaren', 'jaar', '2015-01-01', '2016-12-31', {});
    await vergelijk('stand', 'jaar', '2014-01-01', '2017-12-31', { wet: 'jeugdwet' });
    await vergelijk('stapeling', 'kwartaal', '2016-01-01', '2016-12-31', { gemeente: 'GM0005' });
  }, 240_000);

  it('rounds and hides small cells per point as the single report does', async () => {
    for (const rapport of ['stand', 'wachtlijst', 'stapeling'])
      await vergelijk(rapport, 'kwartaal', '2015-07-01', '2016-12-31', { publicatie: 'true', gemeente: 'GM0007' });
    const reeks = await vergelijk('instroom-uitstroom', 'kwartaal', '2015-07-01', '2016-12-31', { publicatie: 'true', wet: 'jeugdwet' });
    expect(JSON.stringify(reeks.punten)).toContain('"geheim"');
  }, 120_000);

  it('answers CSV: one table, each row behind the point it belongs to', async () => {
    const res = await vraag('reeks', { rapport: 'stand', interval: 'kwartaal', van: '2016-01-01', tot: '2016-12-31' }, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const regels = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(regels).toContain('Interval;kwartaal');
    const kop = regels.findIndex((r) => r.startsWith('Peildatum;Indeling;Waarde;Voorzieningen'));
    expect(kop).toBeGreaterThan(0);
    const totalen = regels.filter((r) => /^2016-\d\d-\d\d;Totaal;/.test(r)).map((r) => r.split(';')[0]);
    expect(totalen).toEqual(['2016-03-31', '2016-06-30', '2016-09-30', '2016-12-31']);
  });

  it('refuses, naming the field, an interval that does not fit van–tot, more than 240 points, an unknown rapport', async () => {
    const fout = async (params: Record<string, string>) => {
      const res = await vraag('reeks', params);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      return (res.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    };
    const basis = { rapport: 'stand', interval: 'maand', van: '2016-01-01', tot: '2016-12-31' };
    expect(await fout({ ...basis, van: '2016-01-02' })).toEqual(['van']);
    expect(await fout({ ...basis, tot: '2016-12-30' })).toEqual(['tot']);
    expect(await fout({ ...basis, interval: 'kwartaal', van: '2016-02-01' })).toEqual(['van']);
    expect(await fout({ ...basis, interval: 'halfjaar', tot: '2016-09-30' })).toEqual(['tot']);
    expect(await fout({ ...basis, van: '2017-01-01', tot: '2016-12-31' })).toEqual(['tot']);
    expect(await fout({ ...basis, van: '1996-01-01' })).toEqual(['interval']);
    expect(await fout({ ...basis, rapport: 'kasboek' })).toEqual(['rapport']);
    expect(await fout({ ...basis, interval: 'week' })).toEqual(['interval']);
    expect(await fout({ ...basis, rapport: 'bezwaren', leveringsvorm: 'pgb' })).toEqual(['leveringsvorm']);
    const { van: _van, ...zonderVan } = basis;
    expect(await fout(zonderVan)).toEqual(['van']);
    // 240 months is the most: 20 years of months is still a series.
    const res = await vraag('reeks', { ...basis, van: '1997-01-01' });
    expect(res.status).toBe(200);
    expect((res.body as Body).punten).toHaveLength(240);
  });

  it('refuses a gemeente outside the token', async () => {
    const res = await vraag('reeks', { rapport: 'stand', interval: 'jaar', van: '2016-01-01', tot: '2016-12-31', gemeente: 'GM0363' });
    expect(res.status).toBe(403);
  });
});
