import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isOneSentence, listenForChild } from '@sd/testing';
import { Casus } from '../../../test/helpers.js';
import { startTestStack, type TestStack } from '../../../test/stack.js';
import { cli } from './cli.js';

/** The API-facing commands of the built CLI against a real projections app: dossier, reproduceer, tokens. */
let s: TestStack;
let url: string;
let auditor: string;
let casus: Casus;
let map: string;
let laatste = 0;
const BSN = '123456782';
const ids: Record<string, string> = {};

const rapport = async (pad: string) => {
  const res = await s.projections.http.get(`${pad}&minPositie=${laatste}`).set('Authorization', `Bearer ${auditor}`);
  if (res.status !== 200) throw new Error(`${pad}: ${res.status} ${res.text}`);
  return res.body as Record<string, unknown> & { totaal: Record<string, number> };
};
const positie = async (res: PromiseLike<{ body: { positie?: number } }>) => (laatste = Math.max(laatste, (await res).body.positie ?? 0));

beforeAll(async () => {
  s = await startTestStack({ MIN_POSITIE_WACHT_MS: '3000' });
  url = await listenForChild(s.projections.app);
  auditor = await s.token('auditor', ['GM0005']);
  casus = new Casus(s, await s.token('consulent', ['GM0005']));
  map = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-cli-api-'));
  ids.client = await casus.client({ bsn: BSN, geboortedatum: '1958-05-01', geslacht: 'vrouw', huishoudenId: 'HH-1' });
  for (let i = 0; i < 3; i++) {
    const klant = i === 0 ? { clientId: ids.client } : {};
    ids[`v${i}`] = await casus.voorziening({ ...klant, besluitdatum: '2015-12-15', ingangsdatum: '2016-01-01' });
  }
  await positie(casus.ok(`/voorzieningen/${ids.v0}/start-levering`, { datum: '2016-01-04' }));
  await positie(casus.ok(`/voorzieningen/${ids.v0}/beeindiging`, { einddatum: '2016-06-30', reden: 'volgens-plan' }));
}, 60_000);

afterAll(async () => {
  await s?.close();
  if (map) fs.rmSync(map, { recursive: true, force: true });
});

describe('tokens', () => {
  it('exits 2 on a token the server refuses (401) and on a gemeente the token lacks (403)', async () => {
    const fout = await cli(['dossier', `client-${ids.client}`, '--url', url, '--token', 'geen-echt-token']);
    expect(fout).toMatchObject({ code: 2, stdout: '' });
    expect(fout.stderr).toMatch(/^Het token is geweigerd \(401\)/);
    expect(isOneSentence(fout.stderr)).toBe(true);
    const ander = await cli(['dossier', `client-${ids.client}`, '--url', url, '--gemeente', 'GM0006']);
    expect(ander).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Geen toegang tot de stream client-.* \(403\)/) });
  });

  it('without --token or SD_TOKEN: an auditor dev token for --gemeente; without that either, one sentence', async () => {
    const uit = await cli(['dossier', `client-${ids.client}`, '--url', url, '--gemeente', 'GM0005']);
    expect(uit.code).toBe(0);
    const zonder = await cli(['dossier', `client-${ids.client}`, '--url', url]);
    expect(zonder).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Geen token: geef --token of SD_TOKEN/) });
  });
});

describe('dossier', () => {
  it('replays a voorziening: who and when per event, and the state folded by the domain after each', async () => {
    const uit = await cli(['dossier', `voorziening-${ids.v0}`, '--json', '--url', url], { SD_TOKEN: auditor });
    expect(uit.code).toBe(0);
    const d = JSON.parse(uit.stdout) as { events: { type: string; actor: string; standNa: Record<string, unknown> }[] };
    expect(d.events.map((e) => e.type)).toEqual(['VoorzieningToegekend', 'LeveringGestart', 'VoorzieningBeeindigd']);
    expect(d.events[0].actor).toBe('dev-consulent');
    expect(d.events[0].standNa).toMatchObject({ status: 'toegekend', ingangsdatum: '2016-01-01' });
    expect(d.events[0].standNa.einddatum ?? null).toBeNull();
    expect(d.events[2].standNa).toMatchObject({ status: 'toegekend', einddatum: '2016-06-30' });
  });

  it('shows a client without its BSN or geboortedatum, in the events and in the state, also as text', async () => {
    const json = await cli(['dossier', `client-${ids.client}`, '--json', '--url', url, '--token', auditor]);
    const d = JSON.parse(json.stdout) as { events: { data: Record<string, unknown>; standNa: Record<string, unknown> }[] };
    expect(d.events[0].standNa).toMatchObject({
      status: 'geregistreerd',
      bsn: '[afgeschermd]',
      geboortedatum: '[afgeschermd]',
      geslacht: 'vrouw',
    });
    expect(d.events[0].data.bsn).toBe('[afgeschermd]');
    const tekst = await cli(['dossier', `client-${ids.client}`, '--url', url, '--token', auditor]);
    expect(tekst.code).toBe(0);
    expect(tekst.stdout).toContain('1. ClientGeregistreerd (schema 1)');
    expect(tekst.stdout).toContain('stand erna: status=geregistreerd');
    for (const uit of [json.stdout, tekst.stdout]) {
      expect(uit).not.toContain(BSN);
      expect(uit).not.toContain('1958-05-01');
    }
  });

  it('refuses what is no stream id, and a stream that does not exist (exit 2)', async () => {
    expect(await cli(['dossier', 'jansen', '--url', url, '--token', auditor])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('geen stream-id'),
    });
    const weg = await cli(['dossier', 'client-00000000-0000-4000-8000-000000000000', '--url', url, '--token', auditor]);
    expect(weg).toMatchObject({ code: 2, stderr: expect.stringContaining('bestaat niet (404)') });
  });
});

describe('reproduceer', () => {
  it('answers identiek after a late correction that changes today’s figure, and lists an edited figure (exit 1)', async () => {
    const gepubliceerd = await rapport('/rapportages/stand?peildatum=2016-03-31&gemeente=GM0005');
    expect(gepubliceerd.totaal.voorzieningen).toBe(3);
    const bestand = path.join(map, 'stand.json');
    fs.writeFileSync(bestand, JSON.stringify(gepubliceerd, null, 2));
    await sleep(5);

    // Registered later: v1 had really ended on 2016-02-29.
    await positie(casus.ok(`/voorzieningen/${ids.v1}/beeindiging`, { einddatum: '2016-02-29', reden: 'verhuizing' }));
    expect((await rapport('/rapportages/stand?peildatum=2016-03-31&gemeente=GM0005')).totaal.voorzieningen).toBe(2);

    const zelfde = await cli(['reproduceer', bestand, '--url', url, '--token', auditor]);
    expect(zelfde).toMatchObject({ code: 0, stderr: '' });
    expect(zelfde.stdout).toMatch(/^identiek: stand per 2016-03-31, zoals bekend op /);

    const bewerkt = { ...gepubliceerd, totaal: { ...gepubliceerd.totaal, voorzieningen: 4 } };
    fs.writeFileSync(bestand, JSON.stringify(bewerkt));
    const anders = await cli(['reproduceer', bestand, '--url', url, '--token', auditor]);
    expect(anders.code).toBe(1);
    expect(anders.stdout).toContain('1 cijfer wijkt af');
    expect(anders.stdout).toContain('  totaal.voorzieningen: 4 in het bestand, 3 nu\n');
  });

  it('names a breakdown row by its key when a figure in it was edited', async () => {
    const r = await rapport('/rapportages/stand?peildatum=2016-03-31&gemeente=GM0005&publicatie=false');
    const rij = (r.perGeslacht as { geslacht: string; clienten: number }[]).find((x) => x.geslacht === 'vrouw')!;
    rij.clienten += 10;
    const bestand = path.join(map, 'per-geslacht.json');
    fs.writeFileSync(bestand, JSON.stringify(r));
    const uit = await cli(['reproduceer', bestand, '--url', url, '--token', auditor]);
    expect(uit.code).toBe(1);
    expect(uit.stdout).toContain(`perGeslacht[geslacht=vrouw].clienten: ${rij.clienten} in het bestand, ${rij.clienten - 10} nu`);
  });

  it('refuses a file that is no published report (exit 2)', async () => {
    const bestand = path.join(map, 'geen-rapport.json');
    fs.writeFileSync(bestand, JSON.stringify({ totaal: { voorzieningen: 3 } }));
    const uit = await cli(['reproduceer', bestand, '--url', url, '--token', auditor]);
    expect(uit).toMatchObject({ code: 2, stderr: expect.stringContaining('is geen rapport zoals de API het publiceert') });
    fs.writeFileSync(bestand, '{ half');
    expect(await cli(['reproduceer', bestand, '--url', url, '--token', auditor])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is geen JSON'),
    });
  });
});

describe('the processing log', () => {
  it("records the CLI's read of a client's stream, with the CLI's token as actor", async () => {
    const privacy = await s.token('privacy', ['GM0005']);
    const lijst = async () =>
      (await s.intake.http.get(`/verwerkingen?clientId=${ids.client}`).set('Authorization', `Bearer ${privacy}`)).body.verwerkingen as {
        name: string;
        trace_id: string;
        attributes: Record<string, string>;
        resource: { attributes: object };
      }[];
    const voor = (await lijst()).length;
    expect((await cli(['dossier', `client-${ids.client}`, '--url', url, '--gemeente', 'GM0005'])).code).toBe(0);
    const erbij = (await lijst()).slice(voor);
    expect(erbij).toHaveLength(1);
    expect(erbij[0]).toMatchObject({
      name: 'GET /audit/streams/:streamId',
      resource: { attributes: { 'service.name': 'projections' } },
      attributes: {
        'dpl.core.processing_activity_id': 'urn:sociaal-domein:verwerkingsactiviteit:inzien-auditstream',
        'dpl.sd.actor_id': 'audit-cli',
      },
    });
  });
});
