import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, startTestNats, type TestApp, type TestNats } from '@sd/testing';
import { startTestStack, type TestStack } from '../../../test/stack.js';
import { leesStream } from './jetstream-lezer.js';

/** A history registered through REST reaches JetStream: every event once, in order, without BSN. */
let nats: TestNats;
let s: TestStack;
let relay: TestApp;
const BSNS = ['111222333', '123456782'];

beforeAll(async () => {
  nats = await startTestNats();
  s = await startTestStack({ NATS_URL: nats.url });
  const { RelayAppModule } = await import('../src/relay/relay-app.module.js');
  relay = await startTestApp(RelayAppModule);

  const token = await s.token('consulent', ['GM0005', 'GM0006']);
  const post = async (app: 'intake' | 'voorzieningen', path: string, body: object) => {
    const res = await s[app].http.post(path).set('Authorization', `Bearer ${token}`).send(body);
    if (res.status >= 300) throw new Error(`${path} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  for (const [i, bsn] of BSNS.entries()) {
    const gemeente = i === 0 ? 'GM0005' : 'GM0006';
    const c = await post('intake', '/clienten', { bsn, geboortedatum: '1970-01-01', geslacht: 'man', gemeente, huishoudenId: 'HH-1' });
    const a = await post('intake', '/aanmeldingen', { clientId: c.clientId, wet: 'wmo', ontvangenOp: '2016-01-04' });
    await post('intake', `/aanmeldingen/${a.aanmeldingId}/afronding`, { afgerondOp: '2016-01-20', uitkomst: 'aanvraag' });
    const v = await post('voorzieningen', '/voorzieningen', {
      clientId: c.clientId,
      wet: 'wmo',
      productcategorie: '02',
      leveringsvorm: 'pgb',
      besluitdatum: '2016-01-25',
      ingangsdatum: '2016-02-01',
    });
    await post('voorzieningen', `/voorzieningen/${v.voorzieningId}/start-levering`, { datum: '2016-02-01' });
    await post('voorzieningen', `/voorzieningen/${v.voorzieningId}/correctie`, {
      leveringsvorm: 'zin',
      reden: 'typfout bij intake van de cliënt',
    });
    await post('voorzieningen', `/voorzieningen/${v.voorzieningId}/beeindiging`, { einddatum: '2016-12-31', reden: 'volgens-plan' });
    const u = await post('voorzieningen', '/uitkeringen', {
      clientId: c.clientId,
      regeling: 'participatiewet',
      ingangsdatum: '2016-03-01',
      instroomreden: 'einde-ww',
    });
    const b = await post('voorzieningen', '/bezwaren', { besluitId: u.uitkeringId, ontvangenOp: '2016-03-10', onderwerp: 'overig' });
    await post('voorzieningen', `/bezwaren/${b.bezwaarId}/afhandeling`, { afgehandeldOp: '2016-04-01', uitkomst: 'ongegrond' });
  }
}, 60_000);

afterAll(async () => {
  await relay?.close();
  await s?.close();
  await nats?.dispose();
});

async function wachtTotBij(): Promise<void> {
  const head = await s.store.headPosition();
  for (let i = 0; i < 200; i++) {
    const res = await relay.http.get('/health');
    if (res.body.info?.relay?.gepubliceerd === head) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('relay did not catch up');
}

describe('relay to NATS JetStream', () => {
  it('publishes every stored event exactly once, in global order, with subject, Msg-Id and position', async () => {
    await wachtTotBij();
    const events = await s.store.readAll({ after: 0, limit: 10_000 });
    const berichten = await leesStream(nats.url);
    expect(berichten.map((b) => b.msgId)).toEqual(events.map((e) => e.eventId));
    for (const [i, b] of berichten.entries()) {
      const e = events[i];
      expect(b.subject).toBe(`sociaal-domein.${e.gemeente}.${e.streamType}.${e.type}`);
      expect(b.positie).toBe(e.globalPosition);
      expect(b.payload).toMatchObject({ eventId: e.eventId, streamId: e.streamId, streamVersion: e.streamVersion, type: e.type });
    }
  });

  it('keeps each stream in order', async () => {
    const perStream = new Map<string, number[]>();
    for (const b of await leesStream(nats.url)) {
      const id = b.payload.streamId as string;
      perStream.set(id, [...(perStream.get(id) ?? []), b.payload.streamVersion as number]);
    }
    for (const versies of perStream.values()) expect(versies).toEqual(versies.map((_, i) => i + 1));
    expect(perStream.size).toBeGreaterThan(8);
  });

  it('carries no personal data: no BSN, geboortedatum, geslacht, household or typed text', async () => {
    const berichten = await leesStream(nats.url);
    const alles = berichten.map((b) => b.raw).join('\n');
    for (const bsn of BSNS) expect(alles).not.toContain(bsn);
    for (const gegeven of ['1970-01-01', 'HH-1', 'typfout bij intake van de cliënt']) expect(alles).not.toContain(gegeven);
    const client = berichten.find((b) => b.payload.type === 'ClientGeregistreerd')!;
    expect(Object.keys(client.payload.data as object).sort()).toEqual(['clientId', 'gemeente']);
    expect(berichten.find((b) => b.payload.type === 'RegistratieGecorrigeerd')!.payload.data).toEqual({ leveringsvorm: 'zin' });
  });

  it("keeps no personal data in the stream's files on disk", async () => {
    await wachtTotBij();
    const bestanden = (fs.readdirSync(nats.dir, { recursive: true }) as string[])
      .map((f) => path.join(nats.dir, f))
      .filter((f) => fs.statSync(f).isFile());
    const inhoud = Buffer.concat(bestanden.map((f) => fs.readFileSync(f))).toString('latin1');
    expect(inhoud).toContain('ClientGeregistreerd'); // the messages are there, uncompressed
    for (const gegeven of [...BSNS, '1970-01-01', 'HH-1', 'typfout bij intake']) expect(inhoud).not.toContain(gegeven);
  });

  it('shows its lag on /health', async () => {
    const res = await relay.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info.relay).toMatchObject({ actief: true, verbonden: true, lag: 0 });
  });
});
