import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import {
  type Checkpoint,
  type EventRegel,
  type ExportRegel,
  GENESIS,
  handtekeningKlopt,
  inhoudVan,
  leesPubliekeSleutel,
  veldDigest,
  volgendeKeten,
  zegelVorm,
  type ZegelEvent,
} from '@sd/audit';
import { startTestNats, type TestNats } from '@sd/testing';
import { Casus, nieuwBsn, settledHead } from '../../../test/helpers.js';
import { startTestStack, type TestStack } from '../../../test/stack.js';
import { ZEGEL_CONFIG, type ZegelConfig } from '../src/audit/zegel/zegel.config.js';
import { ZegelOpslag } from '../src/audit/zegel/zegel-opslag.js';
import { Zegelaar } from '../src/audit/zegel/zegelaar.service.js';

/** The sealed log: the chain in es_zegel, signed checkpoints (also on NATS), and the auditor's export. */

const GEBOORTEDATUM = '1961-07-13';
const REDEN = 'Verkeerde leveringsvorm bij Jansen';

let nats: TestNats;
let s: TestStack;
let auditor: string;
const bsns: string[] = [];

const get = (pad: string, token = auditor) => s.projections.http.get(pad).set('Authorization', `Bearer ${token}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function registreer(gemeente: string, aantal: number): Promise<void> {
  const casus = new Casus(s, await s.token('consulent', [gemeente]), gemeente);
  for (let i = 0; i < aantal; i++) {
    const bsn = nieuwBsn();
    bsns.push(bsn);
    const clientId = await casus.client({ bsn, geboortedatum: GEBOORTEDATUM });
    const voorzieningId = await casus.voorziening({ clientId, leveringsvorm: 'pgb' });
    await casus.ok(`/voorzieningen/${voorzieningId}/correctie`, { leveringsvorm: 'zin', reden: REDEN });
  }
}

/** Waits until every committed event is sealed; returns the head. */
async function verzegeld(): Promise<number> {
  const head = await settledHead(s);
  const deadline = Date.now() + 20_000;
  while (new Date().getTime() < deadline) {
    const { rows } = await s.db.pool.query<{ p: string | null }>(`SELECT max(global_position) AS p FROM es_zegel`);
    if (Number(rows[0].p ?? 0) >= head) return head;
    await sleep(50);
  }
  throw new Error(`not sealed up to ${head} within 20 s`);
}

/** The chain recomputed from es_events and the stored salts, beside the stored chain. */
async function herbereken(): Promise<{ posities: number[]; verwacht: string[]; opgeslagen: string[] }> {
  const events = await s.ruweStore.readAll({ after: 0, limit: 100_000 });
  const { rows } = await s.db.pool.query<{ p: string; keten: string; zouten: Record<string, string> }>(
    `SELECT global_position AS p, keten, zouten FROM es_zegel ORDER BY global_position`,
  );
  expect(rows.map((r) => Number(r.p))).toEqual(events.map((e) => e.globalPosition)); // no gaps, no doubles
  let vorige = GENESIS;
  const verwacht = events.map(
    (e, i) => (vorige = volgendeKeten(vorige, e.globalPosition, e.gemeente, inhoudVan(zegelVorm(e, rows[i].zouten)))),
  );
  return { posities: events.map((e) => e.globalPosition), verwacht, opgeslagen: rows.map((r) => r.keten) };
}

/** What an auditor's verifier does with the export's lines alone: the chain value per position. */
function ketenUitExport(regels: ExportRegel[]): Map<number, string> {
  const uit = new Map<number, string>();
  let vorige = GENESIS;
  for (const r of regels) {
    if (r.soort === 'ander') vorige = volgendeKeten(vorige, r.positie, r.gemeente, r.inhoud);
    else if (r.soort === 'event') vorige = volgendeKeten(vorige, r.positie, r.gemeente, inhoudVan(vormVan(r)));
    else continue;
    uit.set(r.positie, vorige);
  }
  return uit;
}

function vormVan(r: EventRegel): ZegelEvent {
  const data: Record<string, unknown> = { ...r.data };
  for (const [veld, zout] of Object.entries(r.zouten)) data[veld] = { digest: veldDigest(zout, r.data[veld]) };
  for (const [veld, digest] of Object.entries(r.verborgen)) data[veld] = { digest };
  const { positie, streamId, streamVersie, type, schemaVersie, geregistreerdOp, gemeente, actor, correlatie, causatie } = r;
  return { positie, streamId, streamVersie, type, schemaVersie, geregistreerdOp, gemeente, actor, correlatie, causatie, data };
}

const exportVan = async (query = '', token = auditor) => {
  const res = await get(`/audit/export${query}`, token)
    .buffer(true)
    .parse((r, klaar) => {
      let tekst = '';
      r.setEncoding('utf8');
      r.on('data', (d: string) => (tekst += d));
      r.on('end', () => klaar(null, tekst));
    });
  return {
    res,
    tekst: res.body as string,
    regels: (res.body as string)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ExportRegel),
  };
};

beforeAll(async () => {
  nats = await startTestNats();
  s = await startTestStack({ NATS_URL: nats.url, AUDIT_CHECKPOINT_EVENTS: '4', AUDIT_CHECKPOINT_SECONDEN: '1' });
  auditor = await s.token('auditor', ['GM0005']);
  await registreer('GM0005', 3);
  await registreer('GM0006', 2);
  await verzegeld();
}, 120_000);

afterAll(async () => {
  await s?.close();
  await nats?.dispose();
});

describe('the sealer', () => {
  it('seals every event in global order: the chain recomputed from the store and the salts is the stored one', async () => {
    const { posities, verwacht, opgeslagen } = await herbereken();
    expect(posities.length).toBeGreaterThanOrEqual(15);
    expect(opgeslagen).toEqual(verwacht);
    const health = await s.projections.http.get('/health');
    expect(health.body.info.zegel).toMatchObject({ status: 'up', actief: true, lag: 0, verzegeld: posities.at(-1) });
  });

  it('signs checkpoints every 4 events that verify with the key of /audit/sleutel, and not with another', async () => {
    const sleutel = await get('/audit/sleutel');
    expect(sleutel.status).toBe(200);
    expect(sleutel.body).toMatchObject({ algoritme: 'Ed25519', sleutelId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const publiek = leesPubliekeSleutel(sleutel.body.sleutel);
    const res = await get('/audit/checkpoints?limit=1000');
    expect(res.status).toBe(200);
    const checkpoints = res.body as Checkpoint[];
    expect(checkpoints.length).toBeGreaterThanOrEqual(3);
    const { rows } = await s.db.pool.query<{ p: string; keten: string }>(`SELECT global_position AS p, keten FROM es_zegel`);
    const keten = new Map(rows.map((r) => [Number(r.p), r.keten]));
    for (const c of checkpoints) {
      expect(handtekeningKlopt(publiek, c)).toBe(true);
      expect(handtekeningKlopt(generateKeyPairSync('ed25519').publicKey, c)).toBe(false);
      expect(c.keten).toBe(keten.get(c.positie));
    }
    const later = await get(`/audit/checkpoints?vanPositie=${checkpoints[1].positie}&limit=1`);
    expect(later.body).toEqual([checkpoints[1]]);
  });

  it('refuses bad paging and other roles', async () => {
    const slecht = await get('/audit/checkpoints?limit=100000&vanPositie=-1');
    expect(slecht.status).toBe(400);
    expect(slecht.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(slecht.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'vanPositie']);
    expect((await get('/audit/sleutel', await s.token('consulent', ['GM0005']))).status).toBe(403);
    expect((await get('/audit/export', await s.token('rapportage', ['GM0005']))).status).toBe(403);
  });

  it('copies each checkpoint to JetStream SD_AUDIT once, and marks it published', async () => {
    const deadline = Date.now() + 15_000;
    let open = 1;
    while (open > 0 && Date.now() < deadline) {
      open = Number((await s.db.pool.query(`SELECT count(*) AS n FROM es_zegel_checkpoint WHERE NOT gepubliceerd`)).rows[0].n);
      if (open > 0) await sleep(100);
    }
    expect(open).toBe(0);
    const opgeslagen = (await get('/audit/checkpoints?limit=1000').then((r) => r.body)) as Checkpoint[];
    const berichten = await leesAudit(nats.url);
    const publiek = leesPubliekeSleutel((await get('/audit/sleutel')).body.sleutel);
    const gepubliceerd = berichten.filter((b) => opgeslagen.some((c) => c.positie === b.c.positie));
    expect(gepubliceerd.map((b) => b.c)).toEqual(opgeslagen.slice(0, gepubliceerd.length));
    expect(gepubliceerd.length).toBe(opgeslagen.length);
    for (const b of gepubliceerd) {
      expect(b.subject).toBe('sd.audit.checkpoint');
      expect(b.msgId).toBe(`checkpoint-${b.c.positie}`);
      expect(handtekeningKlopt(publiek, b.c)).toBe(true);
    }
  });

  it('keeps sealing while NATS is away, and publishes the checkpoints once it is back', async () => {
    await nats.stop();
    await registreer('GM0005', 1);
    const head = await verzegeld();
    const deadline = Date.now() + 10_000;
    let laatste: { positie: string; gepubliceerd: boolean } | undefined;
    while (Date.now() < deadline) {
      laatste = (await s.db.pool.query(`SELECT positie, gepubliceerd FROM es_zegel_checkpoint ORDER BY positie DESC LIMIT 1`)).rows[0];
      if (Number(laatste?.positie) === head) break;
      await sleep(100);
    }
    expect(Number(laatste?.positie)).toBe(head);
    expect(laatste?.gepubliceerd).toBe(false);
    await nats.start();
    const tot = Date.now() + 40_000;
    while (Date.now() < tot && (await leesAudit(nats.url).catch(() => [])).every((b) => b.c.positie !== head)) await sleep(250);
    expect((await leesAudit(nats.url)).map((b) => b.c.positie)).toContain(head);
  }, 60_000);
});

describe('the export', () => {
  it('has a kop, every event up to the sealed head (own gemeente in full, others as links), then the checkpoints', async () => {
    const head = await verzegeld();
    const { res, tekst, regels } = await exportVan();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(regels[0]).toMatchObject({ soort: 'kop', formaat: 'sd-audit-export/1', gemeenten: ['GM0005'], totPositie: head });
    const events = await s.ruweStore.readAll({ after: 0, limit: 100_000 });
    const eventRegels = regels.filter((r) => r.soort === 'event' || r.soort === 'ander');
    expect(eventRegels.map((r) => r.positie)).toEqual(events.map((e) => e.globalPosition));
    for (const r of eventRegels)
      expect(r.soort).toBe(events.find((e) => e.globalPosition === r.positie)!.gemeente === 'GM0005' ? 'event' : 'ander');
    const checkpoints = regels.filter((r) => r.soort === 'checkpoint');
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(regels.slice(-checkpoints.length)).toEqual(checkpoints);
    // The auditor's recomputation from these lines alone gives the stored chain at every position.
    const keten = ketenUitExport(regels);
    for (const r of eventRegels) expect(keten.get(r.positie)).toBe(r.keten);
    // Never a BSN, a birth date or a consultant's text.
    for (const bsn of bsns) expect(tekst).not.toContain(bsn);
    expect(tekst).not.toContain(GEBOORTEDATUM);
    expect(tekst).not.toContain(REDEN);
    const client = regels.find((r): r is EventRegel => r.soort === 'event' && r.type === 'ClientGeregistreerd')!;
    expect(Object.keys(client.verborgen).sort()).toEqual(['bsn', 'geboortedatum']);
    expect(Object.keys(client.zouten)).toContain('geslacht');
  });

  it('stops at totPositie, and refuses one above the sealed head or a gemeente outside the token', async () => {
    const head = await verzegeld();
    const { regels } = await exportVan(`?totPositie=${head - 3}`);
    expect(Math.max(...regels.filter((r) => r.soort !== 'kop').map((r) => r.positie))).toBeLessThanOrEqual(head - 3);
    const boven = await get(`/audit/export?totPositie=${head + 1}`);
    expect(boven.status).toBe(400);
    expect(boven.body.errors.map((e: { field: string }) => e.field)).toEqual(['totPositie']);
    expect((await get('/audit/export?gemeente=GM0006')).status).toBe(403);
    const beide = await s.token('auditor', ['GM0005', 'GM0006']);
    const { regels: alleen6 } = await exportVan('?gemeente=GM0006', beide);
    expect(alleen6.filter((r) => r.soort === 'event').every((r) => r.gemeente === 'GM0006')).toBe(true);
    expect(alleen6.some((r) => r.soort === 'ander' && r.gemeente === 'GM0005')).toBe(true);
  });

  // Tampering with es_events is a PostgreSQL test: under `npm run test:kurrentdb` the events are elsewhere.
  if (process.env.EVENT_STORE !== 'kurrentdb') {
    it('shows a BSN changed in PostgreSQL after sealing as a break at that position', async () => {
      const { rows } = await s.db.pool.query<{ p: string; data: Record<string, unknown> }>(
        `SELECT global_position AS p, data FROM es_events WHERE event_type = 'ClientGeregistreerd' AND gemeente = 'GM0005' ORDER BY 1 LIMIT 1`,
      );
      const positie = Number(rows[0].p);
      await s.db.pool.query(`UPDATE es_events SET data = jsonb_set(data, '{bsn}', '"111222333"') WHERE global_position = $1`, [positie]);
      try {
        const { regels } = await exportVan();
        const keten = ketenUitExport(regels);
        const regel = regels.find((r) => r.soort === 'event' && r.positie === positie) as EventRegel;
        expect(keten.get(positie)).not.toBe(regel.keten);
      } finally {
        await s.db.pool.query(`UPDATE es_events SET data = $2 WHERE global_position = $1`, [positie, rows[0].data]);
      }
    });
  }
});

describe('a sealer stopped and restarted', () => {
  it('continues the same chain: no gaps, no doubles, one sealer at a time', async () => {
    const config = s.projections.app.get<ZegelConfig>(ZEGEL_CONFIG);
    await s.projections.app.get(Zegelaar).beforeApplicationShutdown();
    const klein: ZegelConfig = { ...config, batch: 2, nats: null };
    await registreer('GM0006', 2);
    const head = await settledHead(s);
    // Half-way: two batches, then it stops (a crash between transactions).
    const eerste = new Zegelaar(klein, s.ruweStore, s.db.pool);
    expect(await eerste.stap()).toBe(2);
    expect(await eerste.stap()).toBe(2);
    expect((await eerste.huidig()).verzegeld).toBeLessThan(head);
    // A second writer of a sealed position fails on the primary key.
    const kop = await new ZegelOpslag(s.db.pool).kop();
    await expect(new ZegelOpslag(s.db.pool).schrijf([{ positie: kop.positie, keten: GENESIS, zouten: {} }], null)).rejects.toThrow(
      /duplicate key/,
    );
    // Two restarted replicas: one takes the lock and finishes, the other waits.
    const a = new Zegelaar(klein, s.ruweStore, s.db.pool);
    const b = new Zegelaar(klein, s.ruweStore, s.db.pool);
    a.onApplicationBootstrap();
    b.onApplicationBootstrap();
    try {
      await verzegeld();
      const [sa, sb] = await Promise.all([a.huidig(), b.huidig()]);
      expect([sa.actief, sb.actief].sort()).toEqual([false, true]);
      const { verwacht, opgeslagen } = await herbereken();
      expect(opgeslagen).toEqual(verwacht);
    } finally {
      await Promise.all([a.beforeApplicationShutdown(), b.beforeApplicationShutdown()]);
    }
  }, 60_000);
});

async function leesAudit(url: string): Promise<{ subject: string; msgId?: string; c: Checkpoint }[]> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info('SD_AUDIT');
    const uit: { subject: string; msgId?: string; c: Checkpoint }[] = [];
    for (let seq = info.state.first_seq; info.state.messages > 0 && seq <= info.state.last_seq; seq++) {
      const m = await jsm.streams.getMessage('SD_AUDIT', { seq });
      if (m) uit.push({ subject: m.subject, msgId: m.header.get('Nats-Msg-Id') || undefined, c: JSON.parse(m.string()) as Checkpoint });
    }
    return uit;
  } finally {
    await nc.close();
  }
}
