import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isOneSentence, listenForChild } from '@sd/testing';
import { Casus, nieuwBsn, settledHead } from '../../../test/helpers.js';
import { startTestStack, type TestStack } from '../../../test/stack.js';
import { cli } from './cli.js';

/*
 * The built `vergeet-verlopen` against a real projections app (and intake app) over cases registered
 * through the real apps: the dry run lists and erases nothing; usage, token and connection errors
 * are one Dutch sentence with exit 2.
 */
let s: TestStack;
let url: string;
let positie = 0;
const id: Record<string, string> = {};
const BSNS: string[] = [];

beforeAll(async () => {
  s = await startTestStack({ MIN_POSITIE_WACHT_MS: '5000' });
  url = await listenForChild(s.projections.app);
  const c = new Casus(s, await s.token('consulent', ['GM0005']));
  const client = async (naam: string) => {
    const bsn = nieuwBsn();
    BSNS.push(bsn);
    id[naam] = await c.client({ bsn });
  };
  const oud = { besluitdatum: '2004-12-20', ingangsdatum: '2005-01-01' };
  // A wmo ended 2009-12-31 → 2024-12-31; B jeugdwet ended 2003-06-30 → 2023-06-30; C wmo still runs.
  await client('A');
  await c.ok(`/voorzieningen/${await c.voorziening({ clientId: id.A, ...oud })}/beeindiging`, {
    einddatum: '2009-12-31',
    reden: 'overlijden',
  });
  await client('B');
  const b = await c.voorziening({
    clientId: id.B,
    wet: 'jeugdwet',
    productcategorie: '45',
    besluitdatum: '2000-12-20',
    ingangsdatum: '2001-01-01',
  });
  await c.ok(`/voorzieningen/${b}/beeindiging`, { einddatum: '2003-06-30', reden: 'volgens-plan' });
  await client('C');
  await c.voorziening({ clientId: id.C, ...oud });
  positie = await settledHead(s);
  // The CLI asks without minPositie: wait until the read model has the cases.
  const beheer = await s.token('beheer', ['GM0005']);
  const r = await s.projections.http
    .get(`/beheer/bewaartermijnen/verlopen?gemeente=GM0005&minPositie=${positie}`)
    .set('Authorization', `Bearer ${beheer}`);
  if (r.status !== 200) throw new Error(`${r.status} ${r.text}`);
}, 120_000);

/** A port nothing listens on: one the system just handed out and that was closed again. */
const vrijePoort = () =>
  new Promise<number>((klaar) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => klaar(port));
    });
  });

afterAll(async () => {
  await s?.close();
});

describe('vergeet-verlopen (dry run)', () => {
  it('lists the clients past their term, sorted, says what --uitvoeren would do, and erases nothing', async () => {
    const uit = await cli(['vergeet-verlopen', '--gemeente', 'GM0005', '--peildatum', '2025-06-01', '--url', url]);
    expect(uit.code).toBe(0);
    expect(uit.stderr).toBe('');
    expect(uit.stdout.split('\n')).toEqual([
      'Bewaartermijnen van GM0005 (wmo 15, jeugdwet 20, participatiewet 10 jaar), peildatum 2025-06-01: 2 cliënten over hun bewaartermijn.',
      'clientId                              wet              laatste einde  verloopt op',
      `${id.B}  jeugdwet         2003-06-30     2023-06-30`,
      `${id.A}  wmo              2009-12-31     2024-12-31`,
      'Proefdraai: niets gewist. Met --uitvoeren wordt elk van deze 2 gewist (POST /clienten/{id}/vergeten, grondslag bewaartermijn-verstreken).',
      '',
    ]);
    expect(await settledHead(s)).toBe(positie);
    for (const bsn of BSNS) expect(uit.stdout).not.toContain(bsn);
  });

  it('nobody past their term yet: one line, exit 0', async () => {
    const uit = await cli(['vergeet-verlopen', '--gemeente', 'GM0005', '--peildatum', '2023-06-30', '--url', url]);
    expect(uit).toMatchObject({ code: 0, stderr: '' });
    expect(uit.stdout).toBe(
      'Bewaartermijnen van GM0005 (wmo 15, jeugdwet 20, participatiewet 10 jaar), peildatum 2023-06-30: geen cliënten over hun bewaartermijn.\n',
    );
  });

  it('takes a token with --token or SD_TOKEN instead of a dev token', async () => {
    const beheer = await s.token('beheer', ['GM0005'], 'functioneel-beheerder');
    const metOptie = await cli(['vergeet-verlopen', '--gemeente', 'GM0005', '--peildatum', '2025-06-01', '--url', url, '--token', beheer]);
    const metEnv = await cli(['vergeet-verlopen', '--gemeente', 'GM0005', '--peildatum', '2025-06-01', '--url', url], { SD_TOKEN: beheer });
    expect(metOptie.code).toBe(0);
    expect(metEnv.stdout).toBe(metOptie.stdout);
  });
});

describe('errors: exit 2, one Dutch sentence', () => {
  const zin = async (args: string[], patroon: RegExp, env: Record<string, string> = {}) => {
    const uit = await cli(['vergeet-verlopen', ...args], env);
    expect(uit).toMatchObject({ code: 2, stdout: '' });
    expect(uit.stderr).toMatch(patroon);
    expect(isOneSentence(uit.stderr)).toBe(true);
  };

  it('wrong usage: no gemeente, a bad peildatum, an unknown option', async () => {
    await zin(['--url', url], /^Verkeerd gebruik: geef één gemeente als --gemeente GM0000/);
    await zin(['--gemeente', 'GM0005', '--peildatum', '2025-02-29', '--url', url], /^--peildatum "2025-02-29" is geen bestaande datum/);
    await zin(['--gemeente', 'GM0005', '--nu', '--url', url], /^Verkeerd gebruik: Unknown option '--nu'/);
    await zin(['--gemeente', 'GM0005', '--url', 'geen url'], /^--url "geen url" is geen geldige URL\.\n$/);
  });

  it('a token the server refuses (401), a role without access or another gemeente (403)', async () => {
    await zin(['--gemeente', 'GM0005', '--url', url, '--token', 'geen-echt-token'], /^Het token is geweigerd \(401\)/);
    const rapportage = await s.token('rapportage', ['GM0005']);
    await zin(['--gemeente', 'GM0005', '--url', url], /^Geen toegang tot de verlopen bewaartermijnen van GM0005 \(403\): .*rol beheer/, {
      SD_TOKEN: rapportage,
    });
    const ander = await s.token('beheer', ['GM0006']);
    await zin(['--gemeente', 'GM0005', '--url', url, '--token', ander], /\(403\)/);
  });

  it('no server at --url', async () => {
    const dicht = await vrijePoort();
    const patroon = new RegExp(
      `^Geen verbinding met http://127\\.0\\.0\\.1:${dicht} \\(ECONNREFUSED\\): draait de server, en klopt --url\\?\n$`,
    );
    await zin(['--gemeente', 'GM0005', '--url', `http://127.0.0.1:${dicht}`], patroon);
  });

  it('--uitvoeren with an --intake-url that cannot erase (here the projections app): says so, erases nothing', async () => {
    const uit = await cli([
      'vergeet-verlopen',
      '--gemeente',
      'GM0005',
      '--peildatum',
      '2025-06-01',
      '--url',
      url,
      '--intake-url',
      url,
      '--uitvoeren',
    ]);
    expect(uit.code).toBe(2);
    expect(uit.stdout).toContain(`${id.B}  jeugdwet`); // the list comes first
    expect(uit.stderr).toBe(`${url} kent POST /clienten/{id}/vergeten niet (404): is --intake-url de intake-app, en kan die al wissen?\n`);
    expect(await settledHead(s)).toBe(positie);
  });
});
