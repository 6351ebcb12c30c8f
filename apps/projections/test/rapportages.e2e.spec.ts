import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestStack, type TestStack } from '../../../test/stack.js';

/**
 * The report endpoints around the figures: kennisdatum, reproducing a published figure, rebuild,
 * minPositie, publication mode, CSV, access and bad input. (The figures themselves are checked
 * against the oracle in reports-vs-oracle.e2e.spec.ts.)
 */
let s: TestStack;
let consulent: string;
let rapportage: string;
let laatste = 0;
const ids: Record<string, string> = {};

async function post(app: 'intake' | 'voorzieningen' | 'projections', path: string, body: object, token = consulent) {
  const res = await s[app].http.post(path).set('Authorization', `Bearer ${token}`).send(body);
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  laatste = Math.max(laatste, res.body.positie ?? 0);
  return res.body;
}
const rapport = (path: string, token = rapportage) =>
  s.projections.http.get(`${path}${path.includes('?') ? '&' : '?'}minPositie=${laatste}`).set('Authorization', `Bearer ${token}`);

beforeAll(async () => {
  s = await startTestStack({ MIN_POSITIE_WACHT_MS: '1500' });
  consulent = await s.token('consulent', ['GM0005', 'GM0006']);
  rapportage = await s.token('rapportage', ['GM0005', 'GM0006']);
  // Ten clients with a Wmo voorziening from 2016-01-01 in GM0005, two in GM0006.
  for (let i = 0; i < 12; i++) {
    const gemeente = i < 10 ? 'GM0005' : 'GM0006';
    const client = await post('intake', '/clienten', {
      bsn: geldigBsn(i),
      geboortedatum: '1950-01-01',
      geslacht: i % 2 ? 'man' : 'vrouw',
      gemeente,
    });
    const v = await post('voorzieningen', '/voorzieningen', {
      clientId: client.clientId,
      wet: 'wmo',
      productcategorie: '01',
      leveringsvorm: i % 3 ? 'zin' : 'pgb',
      besluitdatum: '2015-12-15',
      ingangsdatum: '2016-01-01',
    });
    ids[`v${i}`] = v.voorzieningId;
  }
}, 60_000);

afterAll(async () => {
  await s.close();
});

/** BSNs that pass the elfproef: 9 digits with the check digit chosen. */
function geldigBsn(i: number): string {
  const basis = String(20000000 + i * 7919).padStart(8, '0');
  const som = [...basis].reduce((t, d, k) => t + Number(d) * (9 - k), 0);
  for (let c = 0; c <= 9; c++) if ((som - c) % 11 === 0) return basis + c;
  return geldigBsn(i + 1000);
}

describe('kennisdatum', () => {
  it('reproduces a published figure exactly after a late beëindiging and a correction', async () => {
    const gepubliceerd = await rapport('/rapportages/stand?peildatum=2016-03-31&gemeente=GM0005');
    expect(gepubliceerd.status).toBe(200);
    expect(gepubliceerd.body.totaal).toEqual({ voorzieningen: 10, clienten: 10, huishoudens: 10 });
    await sleep(5);

    // Registered later: v0 ended on 2016-02-29, v1's ingangsdatum was really 2016-04-15, v2 withdrawn.
    await post('voorzieningen', `/voorzieningen/${ids.v0}/beeindiging`, { einddatum: '2016-02-29', reden: 'verhuizing' });
    await post('voorzieningen', `/voorzieningen/${ids.v1}/correctie`, { ingangsdatum: '2016-04-15', reden: 'verkeerd overgenomen' });
    await post('voorzieningen', `/voorzieningen/${ids.v2}/intrekking`, { reden: 'dubbel' });

    const vandaag = await rapport('/rapportages/stand?peildatum=2016-03-31&gemeente=GM0005');
    expect(vandaag.body.totaal.voorzieningen).toBe(7);

    const alsToen = await rapport(`/rapportages/stand?peildatum=2016-03-31&gemeente=GM0005&kennisdatum=${gepubliceerd.body.kennisdatum}`);
    const { positie: _p1, ...toen } = gepubliceerd.body;
    const { positie: _p2, ...nu } = alsToen.body;
    expect(nu).toEqual(toen);
  });

  it('takes a date as the end of that day in Amsterdam: nothing registered yet in 2015', async () => {
    const res = await rapport('/rapportages/stand?peildatum=2016-03-31&kennisdatum=2015-12-31');
    expect(res.status).toBe(200);
    expect(res.body.kennisdatum).toBe('2015-12-31T22:59:59.999Z');
    expect(res.body.totaal).toEqual({ voorzieningen: 0, clienten: 0, huishoudens: 0 });
  });

  it('holds eindstand = beginstand + instroom − uitstroom, also per row', async () => {
    const res = await rapport('/rapportages/instroom-uitstroom?periode=2016-Q1');
    for (const rij of [res.body.totaal, ...res.body.perGemeente, ...res.body.perLeveringsvorm]) {
      expect(rij.eindstand).toBe(rij.beginstand + rij.instroom - rij.uitstroom);
    }
    expect(res.body.totaal.uitstroomPerReden).toEqual({ verhuizing: 1 });
  });
});

describe('publication mode and CSV', () => {
  it('shows counts up to 7 as secret and rounds the rest to fives', async () => {
    const res = await rapport('/rapportages/stand?peildatum=2016-03-31&publicatie=true');
    expect(res.body.publicatie).toBe(true);
    expect(res.body.totaal).toEqual({ voorzieningen: 10, clienten: 10, huishoudens: 10 }); // 9 raw
    const gm0006 = res.body.perGemeente.find((g: { gemeente: string }) => g.gemeente === 'GM0006');
    expect(gm0006).toEqual({
      gemeente: 'GM0006',
      voorzieningen: null,
      clienten: null,
      huishoudens: null,
      geheim: ['voorzieningen', 'clienten', 'huishoudens'],
    });
  });

  it('answers CSV for Excel NL: BOM, semicolons, Dutch columns, . for secret', async () => {
    const res = await rapport('/rapportages/stand?peildatum=2016-03-31&publicatie=true').set('Accept', 'text/csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(res.text).toContain('Indeling;Waarde;Voorzieningen;Cliënten;Huishoudens\r\n');
    expect(res.text).toContain('Gemeente;GM0006;.;.;.\r\n');
    expect(res.text).toContain('Totaal;;10;10;10\r\n');
  });
});

describe('rebuild', () => {
  it('rebuilds into a new generation and gives byte-identical JSON and CSV', async () => {
    const vragen = [
      '/rapportages/stand?peildatum=2016-03-31',
      '/rapportages/instroom-uitstroom?periode=2016-H1&gemeente=GM0005',
      '/rapportages/wachtlijst?peildatum=2016-01-10',
      '/rapportages/stapeling?periode=2016',
      '/rapportages/bezwaren?periode=2016',
    ];
    const voor = await Promise.all(vragen.flatMap((v) => [rapport(v), rapport(v).set('Accept', 'text/csv')]));
    // The rebuild drops the report indexes while it fills the new generation and builds them at the end.
    const indexen = async () => {
      const { rows } = await s.db.pool.query<{ schema_naam: string }>(`SELECT schema_naam FROM rm_generatie WHERE status = 'actief'`);
      const schema = rows[0].schema_naam;
      const { rows: defs } = await s.db.pool.query<{ indexdef: string }>(
        `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname`,
        [schema],
      );
      const { rows: uitgesteld } = await s.db.pool.query(`SELECT naam FROM "${schema}".rm_uitgestelde_index`);
      return { defs: defs.map((d) => d.indexdef.replaceAll(schema, '<schema>')), uitgesteld };
    };
    const indexenVoor = await indexen();
    expect(indexenVoor.defs.some((d) => d.includes('rm_item_periode_huidig'))).toBe(true);
    const beheer = await s.token('beheer', ['GM0005']);
    const start = await s.projections.http.post('/beheer/herbouw').set('Authorization', `Bearer ${beheer}`);
    expect(start.status).toBe(202);
    // the old generation keeps answering meanwhile
    expect((await rapport(vragen[0])).status).toBe(200);
    for (let i = 0; i < 200; i++) {
      const st = await s.projections.http.get('/beheer/herbouw').set('Authorization', `Bearer ${beheer}`);
      if (!st.body.bezig) {
        expect(st.body.generatie).toBe(start.body.generatie);
        expect(st.body.verwerkt).toBe(laatste);
        break;
      }
      await sleep(25);
    }
    const na = await Promise.all(vragen.flatMap((v) => [rapport(v), rapport(v).set('Accept', 'text/csv')]));
    expect(na.map((r) => r.text)).toEqual(voor.map((r) => r.text));
    expect(await indexen()).toEqual({ defs: indexenVoor.defs, uitgesteld: [] });
    const generaties = await s.db.pool.query(`SELECT nummer, status FROM rm_generatie ORDER BY nummer`);
    expect(generaties.rows).toEqual([
      { nummer: 1, status: 'oud' },
      { nummer: 2, status: 'actief' },
    ]);
  });

  it('is for beheer only', async () => {
    expect((await s.projections.http.post('/beheer/herbouw').set('Authorization', `Bearer ${rapportage}`)).status).toBe(403);
  });
});

describe('access and bad input', () => {
  it('a gemeente outside the token is 403, never an empty answer', async () => {
    const alleen5 = await s.token('rapportage', ['GM0005']);
    const res = await rapport('/rapportages/stand?peildatum=2016-03-31&gemeente=GM0006', alleen5);
    expect(res.status).toBe(403);
  });

  it('without gemeente, the report covers all gemeenten of the token', async () => {
    const alleen5 = await s.token('rapportage', ['GM0005']);
    const res = await rapport('/rapportages/stand?peildatum=2016-03-31', alleen5);
    expect(res.body.filters.gemeente).toEqual(['GM0005']);
    expect(res.body.perGemeente.map((g: { gemeente: string }) => g.gemeente)).toEqual(['GM0005']);
  });

  it('answers many stands at once: a stand takes a second connection only when the pool has one free', async () => {
    const antwoorden = await Promise.all(
      Array.from({ length: 30 }, () => rapport('/rapportages/stand?peildatum=2016-03-31&gemeente=GM0005')),
    );
    expect(antwoorden.map((r) => r.status)).toEqual(Array(30).fill(200));
    expect(new Set(antwoorden.map((r) => JSON.stringify(r.body.totaal))).size).toBe(1);
  });

  it('a consultant reads no reports', async () => {
    expect((await rapport('/rapportages/stand?peildatum=2016-03-31', consulent)).status).toBe(403);
  });

  it.each([
    ['/rapportages/stand', 'peildatum'],
    ['/rapportages/stand?peildatum=2016-02-30', 'peildatum'],
    ['/rapportages/stand?peildatum=2016-03-31&wet=wmo2', 'wet'],
    ['/rapportages/stand?peildatum=2016-03-31&gemeente=GM5', 'gemeente'],
    ['/rapportages/stand?peildatum=2016-03-31&kennisdatum=2016-07-15T09:30:00', 'kennisdatum'],
    ['/rapportages/stand?peildatum=2016-03-31&minPositie=-1', 'minPositie'],
    ['/rapportages/stand?peildatum=2016-03-31&publicatie=ja', 'publicatie'],
    ['/rapportages/instroom-uitstroom?periode=2016-Q5', 'periode'],
    ['/rapportages/instroom-uitstroom?van=2016-06-01&tot=2016-01-01', 'tot'],
    ['/rapportages/instroom-uitstroom?van=2016-06-01', 'tot'],
    ['/rapportages/bezwaren?periode=2016&productcategorie=01', 'productcategorie'],
    ['/rapportages/stapeling?peildatum=2016-01-01&periode=2016', 'peildatum'],
  ])('%s is 400 naming %s', async (path, veld) => {
    const res = await s.projections.http.get(path).set('Authorization', `Bearer ${rapportage}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(veld);
  });

  it('waits for minPositie, then answers 503 with Retry-After when the read model does not get there', async () => {
    const res = await s.projections.http
      .get(`/rapportages/stand?peildatum=2016-03-31&minPositie=${laatste + 1000}`)
      .set('Authorization', `Bearer ${rapportage}`);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
  });

  it('sees a write at once with minPositie', async () => {
    const v = await post('voorzieningen', `/voorzieningen/${ids.v3}/beeindiging`, { einddatum: '2016-03-15', reden: 'wlz' });
    const res = await s.projections.http
      .get(`/rapportages/instroom-uitstroom?periode=2016-03&minPositie=${v.positie}`)
      .set('Authorization', `Bearer ${rapportage}`);
    expect(res.body.positie).toBeGreaterThanOrEqual(v.positie);
    expect(res.body.totaal.uitstroomPerReden.wlz).toBe(1);
  });
});
