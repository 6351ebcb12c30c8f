import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type BewaarItem, bewaartermijnEinde, type Bewaartermijnen, isVerlopen, STANDAARD_BEWAARTERMIJNEN } from '@sd/domain';
import { startTestApp } from '@sd/testing';
import { Casus, expectProblem, nieuwBsn, settledHead } from '../../../test/helpers.js';
import { startTestStack, type TestStack } from '../../../test/stack.js';

/*
 * GET /beheer/bewaartermijnen/verlopen over cases registered through the real intake and
 * voorzieningen apps, projected by the real daemon into embedded PostgreSQL. The rule itself is
 * unit-tested in libs/domain (bewaartermijn.spec.ts); this holds the SQL to it on real rows.
 * Defaults: wmo 15, jeugdwet 20, participatiewet 10 years.
 */
let s: TestStack;
let beheer: string;
let c: Casus;
let positie = 0;
const id: Record<string, string> = {};
const BSNS: string[] = [];

const verlopen = async (query: string, token = beheer) =>
  s.projections.http.get(`/beheer/bewaartermijnen/verlopen?${query}&minPositie=${positie}`).set('Authorization', `Bearer ${token}`);

beforeAll(async () => {
  s = await startTestStack({ MIN_POSITIE_WACHT_MS: '5000' });
  beheer = await s.token('beheer', ['GM0005']);
  c = new Casus(s, await s.token('consulent', ['GM0005', 'GM0006']));
  const client = async (naam: string, gemeente = 'GM0005') => {
    const bsn = nieuwBsn();
    BSNS.push(bsn);
    id[naam] = await c.client({ gemeente, bsn });
    return id[naam];
  };
  const eind = (soort: 'voorzieningen' | 'uitkeringen', itemId: string, einddatum: string) =>
    c.ok(
      `/${soort}/${itemId}/beeindiging`,
      soort === 'voorzieningen' ? { einddatum, reden: 'volgens-plan' } : { einddatum, uitstroomreden: 'werk' },
    );
  const rondAf = async (aanmeldingId: string, afgerondOp: string) => {
    const r = await c.intake('post', `/aanmeldingen/${aanmeldingId}/afronding`, { afgerondOp, uitkomst: 'aanvraag' });
    if (r.status !== 200) throw new Error(`afronding: ${r.status} ${r.text}`);
  };
  const oud = { besluitdatum: '2004-12-20', ingangsdatum: '2005-01-01' };

  // A: wmo aanmelding afgerond 2004-12-15, voorziening ended 2010-03-31 → 2025-03-31: past.
  await client('A');
  await rondAf(await c.aanmelding(id.A, { ontvangenOp: '2004-12-01' }), '2004-12-15');
  await eind('voorzieningen', await c.voorziening({ clientId: id.A, ...oud }), '2010-03-31');
  // B: jeugdwet ended on the same day → 2030-03-31: not yet.
  await client('B');
  await eind('voorzieningen', await c.voorziening({ clientId: id.B, wet: 'jeugdwet', productcategorie: '45', ...oud }), '2010-03-31');
  // C: an old wmo voorziening ended, but an uitkering still runs: no expiry.
  await client('C');
  await eind('voorzieningen', await c.voorziening({ clientId: id.C, ...oud }), '2006-01-31');
  await c.uitkering({ clientId: id.C, ingangsdatum: '2006-02-01' });
  // D: uitkering ended 2012-12-31 (→ 2022-12-31); a bezwaar against it afgehandeld 2016-03-15 follows the
  // uitkering's wet (participatiewet, 10) → 2026-03-15, which decides.
  await client('D');
  const uitkering = await c.uitkering({ clientId: id.D, ingangsdatum: '2010-01-01' });
  await eind('uitkeringen', uitkering, '2012-12-31');
  const bezwaar = await c.bezwaar(uitkering, { ontvangenOp: '2016-01-20', onderwerp: 'overig' });
  await c.ok(`/bezwaren/${bezwaar}/afhandeling`, { afgehandeldOp: '2016-03-15', uitkomst: 'ongegrond' });
  // E: an aanmelding never afgerond: no expiry.
  await client('E');
  await c.aanmelding(id.E, { ontvangenOp: '2003-05-01' });
  // F: only an aanmelding, afgerond 2010-01-10 → 2025-01-10: past.
  await client('F');
  await rondAf(await c.aanmelding(id.F, { ontvangenOp: '2010-01-04' }), '2010-01-10');
  // G: leap day: wmo ended 2016-02-29 → 2031-02-28.
  await client('G');
  await eind('voorzieningen', await c.voorziening({ clientId: id.G, ...oud }), '2016-02-29');
  // H: an ended voorziening with a bezwaar still open: no expiry.
  await client('H');
  const h = await c.voorziening({ clientId: id.H, ...oud });
  await eind('voorzieningen', h, '2005-12-31');
  await c.bezwaar(h, { ontvangenOp: '2006-01-05' });
  // J: ended 2008-06-30 (→ 2023-06-30); a voorziening registered in error, still open, withdrawn: does not count.
  await client('J');
  await eind('voorzieningen', await c.voorziening({ clientId: id.J, ...oud }), '2008-06-30');
  const vergissing = await c.voorziening({ clientId: id.J, besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01' });
  await c.ok(`/voorzieningen/${vergissing}/intrekking`, { reden: 'verkeerde cliënt' });
  // K: another gemeente, long past: never in GM0005's list.
  await client('K', 'GM0006');
  await eind('voorzieningen', await c.voorziening({ clientId: id.K, ...oud }), '2006-06-30');
  // L: no items at all: no expiry.
  await client('L');
  positie = await settledHead(s);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

/** What the rule sees of each GM0005 client registered above (a withdrawn registration is no item). */
const v = (soort: BewaarItem['soort'], wet: string, einde: string | null): BewaarItem => ({ soort, wet, einde });
const FEITEN: Record<string, BewaarItem[]> = {
  A: [v('aanmelding', 'wmo', '2004-12-15'), v('voorziening', 'wmo', '2010-03-31')],
  B: [v('voorziening', 'jeugdwet', '2010-03-31')],
  C: [v('voorziening', 'wmo', '2006-01-31'), v('uitkering', 'participatiewet', null)],
  D: [v('uitkering', 'participatiewet', '2012-12-31'), v('bezwaar', 'participatiewet', '2016-03-15')],
  E: [v('aanmelding', 'wmo', null)],
  F: [v('aanmelding', 'wmo', '2010-01-10')],
  G: [v('voorziening', 'wmo', '2016-02-29')],
  H: [v('voorziening', 'wmo', '2005-12-31'), v('bezwaar', 'wmo', null)],
  J: [v('voorziening', 'wmo', '2008-06-30')],
  L: [],
};

/** The list the pure rule of @sd/domain gives for these clients, in the endpoint's order. */
function volgensDeRegel(peildatum: string, termijnen: Bewaartermijnen) {
  return Object.entries(FEITEN)
    .map(([naam, items]) => ({ clientId: id[naam], verloop: bewaartermijnEinde(items, termijnen) }))
    .filter((k) => isVerlopen(k.verloop, peildatum))
    .map(({ clientId, verloop }) => ({ clientId, ...verloop! }))
    .sort((a, b) => (a.verlooptOp !== b.verlooptOp ? (a.verlooptOp < b.verlooptOp ? -1 : 1) : a.clientId < b.clientId ? -1 : 1));
}

describe('GET /beheer/bewaartermijnen/verlopen', () => {
  it('lists exactly the clients past their term on the peildatum, sorted by verlooptOp, with the terms used', async () => {
    const res = await verlopen('gemeente=GM0005&peildatum=2026-06-01');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      peildatum: '2026-06-01',
      gemeente: 'GM0005',
      termijnen: { wmo: 15, jeugdwet: 20, participatiewet: 10 },
      positie: expect.any(Number),
      aantal: 4,
      clienten: [
        { clientId: id.J, laatsteEinde: '2008-06-30', wet: 'wmo', verlooptOp: '2023-06-30' },
        { clientId: id.F, laatsteEinde: '2010-01-10', wet: 'wmo', verlooptOp: '2025-01-10' },
        { clientId: id.A, laatsteEinde: '2010-03-31', wet: 'wmo', verlooptOp: '2025-03-31' },
        { clientId: id.D, laatsteEinde: '2016-03-15', wet: 'participatiewet', verlooptOp: '2026-03-15' },
      ],
    });
    expect(res.body.positie).toBeGreaterThanOrEqual(positie);
  });

  it('agrees with bewaartermijnEinde (the rule in @sd/domain) on every peildatum around the terms', async () => {
    for (const peildatum of [
      '2020-01-01',
      '2023-06-30',
      '2023-07-01',
      '2025-01-11',
      '2025-03-31',
      '2026-03-16',
      '2030-04-01',
      '2031-03-01',
    ]) {
      const res = await verlopen(`gemeente=GM0005&peildatum=${peildatum}`);
      expect({ peildatum, clienten: res.body.clienten }).toEqual({
        peildatum,
        clienten: volgensDeRegel(peildatum, STANDAARD_BEWAARTERMIJNEN),
      });
    }
  });

  it('takes its terms from BEWAARTERMIJN_*_JAREN; a bad value stops the app at start', async () => {
    const { ProjectionsModule } = await import('../src/projections.module.js');
    process.env.BEWAARTERMIJN_WMO_JAREN = '1';
    process.env.BEWAARTERMIJN_PARTICIPATIEWET_JAREN = '100';
    const anders = await startTestApp(ProjectionsModule).finally(() => {
      delete process.env.BEWAARTERMIJN_WMO_JAREN;
      delete process.env.BEWAARTERMIJN_PARTICIPATIEWET_JAREN;
    });
    try {
      const termijnen = { wmo: 1, jeugdwet: 20, participatiewet: 100 };
      const res = await anders.http
        .get(`/beheer/bewaartermijnen/verlopen?gemeente=GM0005&peildatum=2026-06-01&minPositie=${positie}`)
        .set('Authorization', `Bearer ${beheer}`);
      expect(res.body.termijnen).toEqual(termijnen);
      expect(res.body.clienten).toEqual(volgensDeRegel('2026-06-01', termijnen));
      expect(res.body.clienten.map((k: { clientId: string }) => k.clientId)).toContain(id.G); // wmo 2016-02-29 + 1
      expect(res.body.clienten.map((k: { clientId: string }) => k.clientId)).not.toContain(id.D); // bezwaar 2016 + 100
    } finally {
      await anders.close();
    }
    process.env.BEWAARTERMIJN_JEUGDWET_JAREN = '0';
    await expect(startTestApp(ProjectionsModule)).rejects.toThrow(
      /^BEWAARTERMIJN_JEUGDWET_JAREN="0": a bewaartermijn must be a whole number of years from 1 to 100/,
    );
    delete process.env.BEWAARTERMIJN_JEUGDWET_JAREN;
  });

  it('on the last day of a term the client is not yet listed; the day after it is', async () => {
    const op = await verlopen('gemeente=GM0005&peildatum=2026-03-15');
    expect(op.body.clienten.map((k: { clientId: string }) => k.clientId)).not.toContain(id.D);
    const na = await verlopen('gemeente=GM0005&peildatum=2026-03-16');
    expect(na.body.clienten.map((k: { clientId: string }) => k.clientId)).toContain(id.D);
  });

  it('leap day: a wmo einddatum 2016-02-29 runs t/m 2031-02-28; jeugdwet ended 2010-03-31 t/m 2030-03-31', async () => {
    const voor = await verlopen('gemeente=GM0005&peildatum=2031-02-28');
    expect(voor.body.clienten.map((k: { clientId: string }) => k.clientId)).not.toContain(id.G);
    const na = await verlopen('gemeente=GM0005&peildatum=2031-03-01');
    expect(na.body.clienten).toContainEqual({ clientId: id.G, laatsteEinde: '2016-02-29', wet: 'wmo', verlooptOp: '2031-02-28' });
    expect(na.body.clienten).toContainEqual({ clientId: id.B, laatsteEinde: '2010-03-31', wet: 'jeugdwet', verlooptOp: '2030-03-31' });
    // Open items (C's uitkering, E's aanmelding, H's bezwaar) and no items (L) never expire.
    const ver = await verlopen('gemeente=GM0005&peildatum=2999-01-01');
    const ids = ver.body.clienten.map((k: { clientId: string }) => k.clientId);
    expect(ids).toEqual(expect.arrayContaining([id.A, id.B, id.D, id.F, id.G, id.J]));
    for (const nooit of [id.C, id.E, id.H, id.L, id.K]) expect(ids).not.toContain(nooit);
    expect(ver.body.aantal).toBe(6);
  });

  it('pages with limit and na = volgende, in the same order, aantal counting all', async () => {
    const een = await verlopen('gemeente=GM0005&peildatum=2026-06-01&limit=3');
    expect(een.body).toMatchObject({ aantal: 4, volgende: `2025-03-31_${id.A}` });
    expect(een.body.clienten.map((k: { clientId: string }) => k.clientId)).toEqual([id.J, id.F, id.A]);
    const twee = await verlopen(`gemeente=GM0005&peildatum=2026-06-01&limit=3&na=${een.body.volgende}`);
    expect(twee.body.aantal).toBe(4);
    expect(twee.body.clienten.map((k: { clientId: string }) => k.clientId)).toEqual([id.D]);
    expect(twee.body.volgende).toBeUndefined();
  });

  it('without peildatum: today in Europe/Amsterdam', async () => {
    const res = await verlopen('gemeente=GM0005');
    const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    expect(res.body.peildatum).toBe(vandaag);
  });

  it('never a BSN, birth date or other personal attribute: only clientId, laatsteEinde, wet and verlooptOp', async () => {
    const res = await verlopen('gemeente=GM0005&peildatum=2999-01-01');
    for (const k of res.body.clienten) expect(Object.keys(k).sort()).toEqual(['clientId', 'laatsteEinde', 'verlooptOp', 'wet']);
    expect(BSNS).toHaveLength(11);
    for (const bsn of BSNS) expect(res.text).not.toContain(bsn);
    expect(res.text).not.toContain('1970-05-01'); // every client's geboortedatum in Casus
  });

  it('401 without a token; 403 for another role or a gemeente outside the token, never an empty list', async () => {
    expect((await s.projections.http.get('/beheer/bewaartermijnen/verlopen?gemeente=GM0005')).status).toBe(401);
    expectProblem(await verlopen('gemeente=GM0005', await s.token('rapportage', ['GM0005'])), 403);
    expectProblem(await verlopen('gemeente=GM0005', await s.token('consulent', ['GM0005'])), 403);
    expectProblem(await verlopen('gemeente=GM0006'), 403);
  });

  it('400 problem+json naming each bad field', async () => {
    expectProblem(await verlopen('peildatum=2026-06-01'), 400, 'gemeente');
    const res = await verlopen('gemeente=GM5&peildatum=2026-02-30&limit=0&na=gisteren');
    expectProblem(res, 400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['gemeente', 'limit', 'na', 'peildatum']);
    expectProblem(await verlopen('gemeente=GM0005&limit=5001'), 400, 'limit');
  });
});
