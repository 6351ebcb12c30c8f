import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listenForChild } from '@sd/testing';
import { Casus, nieuwBsn, settledHead } from '../../../test/helpers.js';
import { startTestStack, type TestStack } from '../../../test/stack.js';
import { cli } from './cli.js';

/*
 * `vergeet-verlopen --uitvoeren` against the real intake app's erasure (POST /clienten/{id}/vergeten)
 * and the real projections app's list: every client past their term is erased once, the list is
 * empty afterwards, and a rerun appends nothing.
 */
let s: TestStack;
let url: string;
let intakeUrl: string;
const id: Record<string, string> = {};

const vergetenEvents = async () =>
  (
    await s.db.pool.query<{ stream_id: string }>(`SELECT stream_id FROM es_events WHERE event_type = 'ClientVergeten' ORDER BY stream_id`)
  ).rows.map((r) => r.stream_id);

beforeAll(async () => {
  s = await startTestStack({ MIN_POSITIE_WACHT_MS: '5000' });
  url = await listenForChild(s.projections.app);
  intakeUrl = await listenForChild(s.intake.app);
  const c = new Casus(s, await s.token('consulent', ['GM0005']));
  const oud = { besluitdatum: '2004-12-20', ingangsdatum: '2005-01-01' };
  for (const [naam, einddatum] of [
    ['A', '2006-03-31'],
    ['B', '2007-03-31'],
    ['C', '2008-03-31'],
    ['D', null],
  ] as const) {
    id[naam] = await c.client({ bsn: nieuwBsn() });
    const v = await c.voorziening({ clientId: id[naam], ...oud });
    if (einddatum) await c.ok(`/voorzieningen/${v}/beeindiging`, { einddatum, reden: 'verhuizing' });
  }
  const beheer = await s.token('beheer', ['GM0005']);
  const r = await s.projections.http
    .get(`/beheer/bewaartermijnen/verlopen?gemeente=GM0005&minPositie=${await settledHead(s)}`)
    .set('Authorization', `Bearer ${beheer}`);
  if (r.status !== 200 || r.body.aantal !== 3) throw new Error(`${r.status} ${r.text}`);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

describe('vergeet-verlopen --uitvoeren', () => {
  it('erases every client past their term once, with progress and a summary; then the list is empty', async () => {
    const uit = await cli(['vergeet-verlopen', '--gemeente', 'GM0005', '--url', url, '--intake-url', intakeUrl, '--uitvoeren']);
    expect(uit.code).toBe(0);
    expect(uit.stdout).toMatch(/\nKlaar in \d+\.\d s: 3 gewist, 0 al gewist, 0 mislukt \(van 3\)\.\n$/);
    expect(uit.stderr).toContain('vergeten: 3 van 3 (gewist 3, al gewist 0, mislukt 0)');
    expect(await vergetenEvents()).toEqual([`client-${id.A}`, `client-${id.B}`, `client-${id.C}`].sort());

    // In the processing log: the three erasures, each by beheer-cli (the dev token's sub), in one trace.
    const privacy = await s.token('privacy', ['GM0005']);
    const regels = [];
    for (const naam of ['A', 'B', 'C']) {
      const log = await s.intake.http.get(`/verwerkingen?clientId=${id[naam]}`).set('Authorization', `Bearer ${privacy}`);
      const vergeten = (log.body.verwerkingen as Record<string, any>[]).filter((r) => r.name.includes('vergeten'));
      expect(vergeten).toHaveLength(1);
      regels.push(vergeten[0]);
    }
    expect(new Set(regels.map((r) => r.trace_id)).size).toBe(1);
    for (const r of regels) {
      expect(r.attributes).toMatchObject({
        'dpl.core.processing_activity_id': 'urn:sociaal-domein:verwerkingsactiviteit:vergeten-client',
        'dpl.sd.actor_id': 'beheer-cli',
      });
    }

    const daarna = await cli(['vergeet-verlopen', '--gemeente', 'GM0005', '--url', url]);
    expect(daarna.code).toBe(0);
    expect(daarna.stdout).toMatch(/: geen cliënten over hun bewaartermijn\.\n$/);
  });

  it('a rerun erases nothing twice: the same Idempotency-Key and body answer the first erasure, another actor gets 409', async () => {
    const voor = await settledHead(s);
    const opnieuw = await cli(['vergeet-verlopen', '--gemeente', 'GM0005', '--url', url, '--intake-url', intakeUrl, '--uitvoeren']);
    expect(opnieuw.code).toBe(0);
    const cliToken = await s.token('beheer', ['GM0005'], 'beheer-cli');
    const zelfde = await s.intake.http
      .post(`/clienten/${id.A}/vergeten`)
      .set('Authorization', `Bearer ${cliToken}`)
      .set('Idempotency-Key', `vergeet-verlopen-${id.A}`)
      .send({ grondslag: 'bewaartermijn-verstreken', toelichting: 'Bewaartermijn verstreken (npm run vergeet-verlopen).' });
    expect([200, 201]).toContain(zelfde.status);
    const ander = await s.intake.http
      .post(`/clienten/${id.B}/vergeten`)
      .set('Authorization', `Bearer ${await s.token('beheer', ['GM0005'], 'iemand-anders')}`)
      .set('Idempotency-Key', `vergeet-verlopen-${id.B}`)
      .send({ grondslag: 'bewaartermijn-verstreken', toelichting: 'Bewaartermijn verstreken (npm run vergeet-verlopen).' });
    expect(ander.status).toBe(409);
    expect(await settledHead(s)).toBe(voor);
    expect(await vergetenEvents()).toHaveLength(3);
  });

  it('two runs at once by different actors: each client erased exactly once, the loser of each race counts a 409 as done', async () => {
    const c = new Casus(s, await s.token('consulent', ['GM0005']));
    const nieuw: string[] = [];
    for (const einddatum of ['2006-05-31', '2006-06-30', '2006-07-31', '2006-08-31']) {
      const clientId = await c.client({ bsn: nieuwBsn() });
      const v = await c.voorziening({ clientId, besluitdatum: '2004-12-20', ingangsdatum: '2005-01-01' });
      await c.ok(`/voorzieningen/${v}/beeindiging`, { einddatum, reden: 'verhuizing' });
      nieuw.push(clientId);
    }
    const beheer = await s.token('beheer', ['GM0005']);
    const lijst = await s.projections.http
      .get(`/beheer/bewaartermijnen/verlopen?gemeente=GM0005&minPositie=${await settledHead(s)}`)
      .set('Authorization', `Bearer ${beheer}`);
    const teWissen = lijst.body.aantal as number; // these four, and the first test's three when it did not run
    const alVergeten = (await vergetenEvents()).length;
    const ander = await s.token('beheer', ['GM0005'], 'tweede-beheerder');
    const args = ['vergeet-verlopen', '--gemeente', 'GM0005', '--url', url, '--intake-url', intakeUrl, '--uitvoeren'];
    const [een, twee] = await Promise.all([cli(args), cli([...args, '--token', ander])]);
    // A run that fetched its list after the other erased everything finds nobody.
    const gewist = (uit: { stdout: string }) =>
      /geen cliënten over hun bewaartermijn/.test(uit.stdout)
        ? 0
        : Number(/: (\d+) gewist, \d+ al gewist, 0 mislukt/.exec(uit.stdout)?.[1]);
    expect([een.code, twee.code]).toEqual([0, 0]);
    expect(teWissen).toBeGreaterThanOrEqual(4);
    expect(gewist(een) + gewist(twee)).toBe(teWissen);
    expect(await vergetenEvents()).toHaveLength(alVergeten + teWissen);
    for (const clientId of nieuw) expect(await vergetenEvents()).toContain(`client-${clientId}`);
  });
});
