import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLIENT, CommandHandler } from '@sd/commands';
import { sleutelkluisSchema } from '@sd/database';

import { listenForChild } from '@sd/testing';
import { Herbouw } from '../apps/projections/src/herbouw/herbouw.service.js';
import { ClientVergetenService } from '../apps/intake/src/clienten/client-vergeten.service.js';
import { cli } from '../apps/audit-cli/test/cli.js';
import { Casus, settledHead } from './helpers.js';
import { startTestStack, type TestStack } from './stack.js';

/**
 * Vergeten (issue 16 §2, §5): after beheer erases a client, no row of the database, no audit export
 * and no auditor's view holds their BSN, birth date or the text typed about them; their voorzieningen
 * still count (geslacht and age `onbekend`, a household of one); a rebuild gives the same reports;
 * the audit chain still verifies; the same BSN registers as a new client. An erasure cut off
 * between its event and the key's destruction is completed at the next start.
 */
const BSN = '300000005';
const GEBOORTEDATUM = '1948-03-17';
const REDEN = 'mevrouw Pietersen belde: zorg via pgb';
const TOELICHTING = 'verzoek van mevrouw Pietersen per brief';
const HUISHOUDEN = 'HH-PIETERSEN';
const PEILDATUM = '2024-06-30';

let s: TestStack;
let consulent: string;
let beheer: string;
let rapportage: string;
let casus: Casus;
let clientId: string;
let voorzieningId: string;
let map: string;
let url: string;

async function stand(): Promise<Record<string, unknown>> {
  const head = await settledHead(s);
  const res = await s.projections.http
    .get(`/rapportages/stand?peildatum=${PEILDATUM}&gemeente=GM0005&minPositie=${head}`)
    .set('Authorization', `Bearer ${rapportage}`);
  expect(res.status).toBe(200);
  return res.body as Record<string, unknown>;
}

const zonderMeta = ({ positie: _p, kennisdatum: _k, ...rest }: Record<string, unknown>) => rest;

/** Every report, and the stand as a series, as the read model answers them now (without positie and kennisdatum). */
async function alleRapporten(): Promise<Record<string, unknown>> {
  const head = await settledHead(s);
  const vragen = {
    stand: `stand?peildatum=${PEILDATUM}`,
    wachtlijst: `wachtlijst?peildatum=${PEILDATUM}`,
    stapeling: `stapeling?peildatum=${PEILDATUM}`,
    'instroom-uitstroom': 'instroom-uitstroom?van=2024-01-01&tot=2024-06-30',
    bezwaren: 'bezwaren?van=2024-01-01&tot=2024-06-30',
    reeks: `reeks?rapport=stand&van=2024-01-01&tot=${PEILDATUM}&interval=maand`,
  };
  const uit: Record<string, unknown> = {};
  for (const [naam, vraag] of Object.entries(vragen)) {
    const res = await s.projections.http
      .get(`/rapportages/${vraag}&gemeente=GM0005&minPositie=${head}`)
      .set('Authorization', `Bearer ${rapportage}`);
    expect(res.status).toBe(200);
    uit[naam] = zonderMeta(res.body as Record<string, unknown>);
  }
  return uit;
}

/** Every row of every table of this test's schemas (events, key store, processing log, read models), as text. */
async function alleRijen(): Promise<string> {
  const schema = s.db.config.schema;
  const { rows: generaties } = await s.db.pool.query<{ schema_naam: string }>(`SELECT schema_naam FROM rm_generatie`);
  const schemas = [schema, sleutelkluisSchema(schema), `${schema}_logboek`, ...generaties.map((g) => g.schema_naam)];
  const { rows: tabellen } = await s.db.pool.query<{ s: string; t: string }>(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE'`,
    [schemas],
  );
  let tekst = '';
  for (const { s: sch, t } of tabellen) {
    const { rows } = await s.db.pool.query<{ r: string }>(`SELECT r::text AS r FROM "${sch}"."${t}" r`);
    tekst += rows.map((r) => `${sch}.${t}: ${r.r}`).join('\n') + '\n';
  }
  return tekst;
}

beforeAll(async () => {
  s = await startTestStack();
  consulent = await s.token('consulent', ['GM0005']);
  beheer = await s.token('beheer', ['GM0005']);
  rapportage = await s.token('rapportage', ['GM0005']);
  casus = new Casus(s, consulent);
  // Others around, so the totals are more than this one client.
  for (let i = 0; i < 3; i++) await casus.voorziening({ ingangsdatum: '2024-03-01' });
  clientId = await casus.client({ bsn: BSN, geboortedatum: GEBOORTEDATUM, geslacht: 'vrouw', huishoudenId: HUISHOUDEN });
  await casus.aanmelding(clientId);
  voorzieningId = await casus.voorziening({ clientId, leveringsvorm: 'zin' });
  await casus.ok(`/voorzieningen/${voorzieningId}/correctie`, { leveringsvorm: 'pgb', reden: REDEN });
  await casus.uitkering({ clientId });
  map = fs.mkdtempSync(path.join(os.tmpdir(), 'vergeten-'));
  url = await listenForChild(s.projections.app);
}, 120_000);

afterAll(async () => {
  await s?.close();
  if (map) fs.rmSync(map, { recursive: true, force: true });
});

describe('POST /clienten/{id}/vergeten', () => {
  let voor: Record<string, unknown>;

  it('refuses a consultant, a bad grondslag and an unknown client, and changes nothing', async () => {
    voor = await stand();
    const post = (id: string, body: object, token = beheer) =>
      s.intake.http.post(`/clienten/${id}/vergeten`).set('Authorization', `Bearer ${token}`).send(body);
    expect((await post(clientId, { grondslag: 'verzoek-betrokkene' }, consulent)).status).toBe(403);
    const fout = await post(clientId, { grondslag: 'zomaar' });
    expect(fout.status).toBe(400);
    expect(fout.body.errors.map((e: { field: string }) => e.field)).toEqual(['grondslag']);
    expect((await post('0b6f4a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b', { grondslag: 'verzoek-betrokkene' })).status).toBe(404);
    expect((await s.intake.http.get(`/clienten/${clientId}`).set('Authorization', `Bearer ${consulent}`)).body.bsn).toBe(BSN);
  });

  it('forgets the client: the key and the BSN index entry are gone, the event says why', async () => {
    const res = await s.intake.http
      .post(`/clienten/${clientId}/vergeten`)
      .set('Authorization', `Bearer ${beheer}`)
      .set('Idempotency-Key', 'vergeet-pietersen')
      .send({ grondslag: 'verzoek-betrokkene', toelichting: TOELICHTING });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ clientId, positie: expect.any(Number) });
    const k = sleutelkluisSchema(s.db.config.schema);
    const { rows } = await s.db.pool.query(`SELECT sleutel, vergeten_op FROM "${k}".client_sleutel WHERE client_id = $1`, [clientId]);
    expect(rows).toEqual([{ sleutel: null, vergeten_op: expect.any(Date) }]);
    expect((await s.db.pool.query(`SELECT 1 FROM "${k}".bsn_index WHERE client_id = $1`, [clientId])).rowCount).toBe(0);
    // The erasure is a processing of the client's data too: in their processing log, by beheer.
    const privacy = await s.token('privacy', ['GM0005']);
    const log = await s.intake.http.get(`/verwerkingen?clientId=${clientId}`).set('Authorization', `Bearer ${privacy}`);
    expect(log.status).toBe(200);
    const activiteiten = (log.body.verwerkingen as { attributes: Record<string, string> }[]).map((v) =>
      v.attributes['dpl.core.processing_activity_id'].split(':').pop(),
    );
    expect(activiteiten).toEqual(['registreren-client', 'corrigeren-registratie', 'inzien-client', 'vergeten-client']);
    const again = await s.intake.http
      .post(`/clienten/${clientId}/vergeten`)
      .set('Authorization', `Bearer ${beheer}`)
      .send({ grondslag: 'verzoek-betrokkene' });
    expect(again.status).toBe(409);
  });

  it('leaves no BSN, birth date, household or typed text in any row of the database', async () => {
    await stand(); // the read model has the erasure
    const rijen = await alleRijen();
    expect(rijen.length).toBeGreaterThan(1000);
    for (const gegeven of [BSN, GEBOORTEDATUM, REDEN, TOELICHTING, HUISHOUDEN, 'Pietersen'])
      expect(rijen.split('\n').filter((r) => r.includes(gegeven))).toEqual([]);
  });

  it('shows [vergeten] to the consultant and the auditor, and refuses to store anything new about the client', async () => {
    const client = await s.intake.http.get(`/clienten/${clientId}`).set('Authorization', `Bearer ${consulent}`);
    expect(client.status).toBe(200);
    expect(client.body).toMatchObject({ status: 'vergeten', clientId, grondslag: 'verzoek-betrokkene' });
    expect(JSON.stringify(client.body)).not.toContain(BSN);
    const auditor = await s.token('auditor', ['GM0005']);
    const stroom = await s.projections.http.get(`/audit/streams/client-${clientId}`).set('Authorization', `Bearer ${auditor}`);
    expect(stroom.body.events[0].data).toMatchObject({ bsn: '[vergeten]', geboortedatum: '[vergeten]', geslacht: '[vergeten]' });
    const correctie = await s.voorzieningen.http
      .post(`/voorzieningen/${voorzieningId}/correctie`)
      .set('Authorization', `Bearer ${consulent}`)
      .send({ leveringsvorm: 'zin', reden: 'nog een keer' });
    expect(correctie.status).toBe(409);
    const aanmelding = await s.intake.http
      .post('/aanmeldingen')
      .set('Authorization', `Bearer ${consulent}`)
      .send({ clientId, wet: 'wmo', ontvangenOp: '2024-08-01' });
    expect(aanmelding.status).toBeGreaterThanOrEqual(400);
    expect(aanmelding.status).toBeLessThan(500);
  });

  it('keeps every total; geslacht, age and household become onbekend', async () => {
    const na = await stand();
    expect(na.totaal).toEqual(voor.totaal);
    const perGeslacht = na.perGeslacht as { geslacht: string; voorzieningen: number }[];
    expect(perGeslacht.find((g) => g.geslacht === 'onbekend')?.voorzieningen).toBe(2);
    expect(perGeslacht.find((g) => g.geslacht === 'vrouw')).toBeUndefined();
    const perLeeftijd = na.perLeeftijdsgroep as { leeftijdsgroep: string; voorzieningen: number }[];
    expect(perLeeftijd.at(-1)).toMatchObject({ leeftijdsgroep: 'onbekend', voorzieningen: 2 });
    // The same from the series, point for point.
    const reeks = await s.projections.http
      .get(`/rapportages/reeks?rapport=stand&van=2024-01-01&tot=${PEILDATUM}&interval=kwartaal&gemeente=GM0005`)
      .set('Authorization', `Bearer ${rapportage}`);
    expect(reeks.status).toBe(200);
    const laatste = (reeks.body.punten as Record<string, unknown>[]).at(-1)!;
    expect(laatste.perLeeftijdsgroep).toEqual(na.perLeeftijdsgroep);
    expect(laatste.perGeslacht).toEqual(na.perGeslacht);
  });

  it('gives the same reports after a rebuild as the live read model, byte for byte', async () => {
    const live = JSON.stringify(await alleRapporten());
    await s.projections.app.get(Herbouw).voerUit();
    expect(JSON.stringify(await alleRapporten())).toBe(live);
  }, 60_000);

  it("shows [vergeten] in the auditor's dossier", async () => {
    const uit = await cli(['dossier', `client-${clientId}`, '--url', url, '--token', await s.token('auditor', ['GM0005'])]);
    expect(uit.code).toBe(0);
    expect(uit.stdout).toContain('bsn=[vergeten]');
    expect(uit.stdout).toContain('geboortedatum=[vergeten]');
    expect(uit.stdout).toContain('status=vergeten');
    expect(uit.stdout).not.toContain(BSN);
  });

  it('still verifies the audit chain, and the export holds nothing of the client', async () => {
    await settledHead(s);
    const auditor = await s.token('auditor', ['GM0005']);
    const bestand = path.join(map, 'export.ndjson');
    for (let i = 0; i < 100; i++) {
      const exp = await cli(['export', '--gemeente', 'GM0005', '--uit', bestand, '--url', url, '--token', auditor]);
      expect(exp.code).toBe(0);
      const verifieer = await cli(['verifieer-log', bestand]);
      expect(verifieer.code).toBe(0);
      if (verifieer.stdout.includes('Log intact')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const inhoud = fs.readFileSync(bestand, 'utf8');
    expect(inhoud).toContain(clientId);
    for (const gegeven of [BSN, GEBOORTEDATUM, REDEN, TOELICHTING, HUISHOUDEN]) expect(inhoud).not.toContain(gegeven);
  }, 60_000);

  it('reproduceer says that a published report differs by an erasure after its publication, and by how many', async () => {
    const gepubliceerd = path.join(map, 'stand.json');
    fs.writeFileSync(gepubliceerd, JSON.stringify(voor));
    const uit = await cli(['reproduceer', gepubliceerd, '--url', url, '--token', await s.token('auditor', ['GM0005'])]);
    expect(uit.code).toBe(1);
    expect(uit.stdout).toContain('perGeslacht[geslacht=vrouw]');
    expect(uit.stdout).toContain(
      '1 cliënt is na de publicatie vergeten (AVG art. 17): hun geslacht, leeftijd en huishouden tellen sindsdien als onbekend. Alle verschillen zitten in die uitsplitsingen en kunnen daardoor komen.',
    );
    const ongeldig = await s.projections.http.get('/audit/vergeten?naPositie=x').set('Authorization', `Bearer ${beheer}`);
    expect(ongeldig.status).toBe(400);
  });

  it('registers the same BSN again as a new client', async () => {
    const res = await s.intake.http
      .post('/clienten')
      .set('Authorization', `Bearer ${consulent}`)
      .send({ bsn: BSN, geboortedatum: GEBOORTEDATUM, geslacht: 'vrouw', gemeente: 'GM0005' });
    expect(res.status).toBe(201);
    expect(res.body.clientId).not.toBe(clientId);
  });

  it('completes at the next start an erasure whose key was not yet destroyed', async () => {
    const ander = await casus.client({ bsn: '300000017' });
    const kluis = `"${sleutelkluisSchema(s.db.config.schema)}".client_sleutel`;
    // The event stored, the app stopped before the key store followed.
    await s.intake.app.get(CommandHandler).handle({
      aggregate: CLIENT,
      id: ander,
      command: { type: 'VergeetClient', grondslag: 'bewaartermijn-verstreken', vergetenOp: '2026-12-01' },
      metadata: { actor: 'beheer-test', rol: 'beheer', gemeenten: ['GM0005'], correlationId: 'c-1', requestHash: 'h' } as never,
    });
    const sleutel = async () => (await s.db.pool.query(`SELECT sleutel FROM ${kluis} WHERE client_id = $1`, [ander])).rows[0].sleutel;
    expect(await sleutel()).not.toBeNull();
    await s.intake.app.get(ClientVergetenService).onApplicationBootstrap();
    expect(await sleutel()).toBeNull();
  });
});
