import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GENESIS, inhoudVan, volgendeKeten, zegelVorm } from '@sd/audit';
import { listenForChild, startTestNats, type TestNats } from '@sd/testing';
import { cli } from '../apps/audit-cli/test/cli.js';
import { Casus, settledHead } from './helpers.js';
import { startTestStack, type TestStack } from './stack.js';

/*
 * The auditor's round trip against the real server: register cases, let the sealer seal and sign,
 * `export` the log of GM0005 and `verifieer-log` it with the public key kept apart, then tamper with
 * the event store in PostgreSQL the way an insider could and see the verifier name the position.
 * Needs the server side of the seal (the sealer, GET /audit/export, /audit/checkpoints, /audit/sleutel).
 */
let nats: TestNats;
let s: TestStack;
let url: string;
let auditor: string;
let map: string;
let sleutel: string;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until every event is sealed and a checkpoint signs the last one; returns the head. */
async function getekend(): Promise<number> {
  const head = await settledHead(s);
  for (const einde = Date.now() + 20_000; Date.now() < einde; await sleep(100)) {
    const { rows } = await s.db.pool.query<{ p: string | null }>(`SELECT max(positie) AS p FROM es_zegel_checkpoint`);
    if (Number(rows[0].p ?? 0) >= head) return head;
  }
  throw new Error(`no checkpoint at ${head} within 20 s`);
}

/** The positions of GM0005's and all events, in order. */
async function posities(gemeente?: string): Promise<number[]> {
  const { rows } = await s.db.pool.query<{ p: string }>(
    `SELECT global_position AS p FROM es_events ${gemeente ? 'WHERE gemeente = $1' : ''} ORDER BY global_position`,
    gemeente ? [gemeente] : [],
  );
  return rows.map((r) => Number(r.p));
}

async function exporteerEnVerifieer(naam: string) {
  const bestand = path.join(map, `${naam}.ndjson`);
  const exp = await cli(['export', '--gemeente', 'GM0005', '--uit', bestand, '--url', url, '--token', auditor]);
  expect(exp.code).toBe(0);
  return cli(['verifieer-log', bestand, '--sleutel', sleutel]);
}

/** Runs a tampering, verifies, and puts es_events back as it was. */
async function geknoeid(naam: string, knoei: () => Promise<unknown>) {
  await s.db.pool.query(`DROP TABLE IF EXISTS es_events_bewaard; CREATE TABLE es_events_bewaard AS SELECT * FROM es_events`);
  try {
    await knoei();
    return await exporteerEnVerifieer(naam);
  } finally {
    await s.db.pool.query(`DELETE FROM es_events; INSERT INTO es_events SELECT * FROM es_events_bewaard; DROP TABLE es_events_bewaard`);
  }
}

beforeAll(async () => {
  nats = await startTestNats();
  const sleutelpaar = generateKeyPairSync('ed25519');
  s = await startTestStack({
    NATS_URL: nats.url,
    AUDIT_CHECKPOINT_EVENTS: '4',
    AUDIT_CHECKPOINT_SECONDEN: '1',
    AUDIT_SIGNING_KEY: sleutelpaar.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  });
  url = await listenForChild(s.projections.app);
  auditor = await s.token('auditor', ['GM0005']);
  map = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-log-'));
  for (const [gemeente, aantal] of [
    ['GM0005', 3],
    ['GM0006', 2],
  ] as const) {
    const casus = new Casus(s, await s.token('consulent', [gemeente]), gemeente);
    for (let i = 0; i < aantal; i++) {
      const clientId = await casus.client();
      const voorzieningId = await casus.voorziening({ clientId, leveringsvorm: 'pgb' });
      await casus.ok(`/voorzieningen/${voorzieningId}/correctie`, { leveringsvorm: 'zin', reden: 'verkeerd overgenomen' });
    }
  }
  await getekend();
  // The auditor keeps the public key apart, fetched once.
  const res = await s.projections.http.get('/audit/sleutel').set('Authorization', `Bearer ${auditor}`);
  sleutel = path.join(map, 'sleutel.pem');
  fs.writeFileSync(sleutel, (res.body as { sleutel: string }).sleutel);
}, 120_000);

afterAll(async () => {
  await s?.close();
  await nats?.dispose();
  if (map) fs.rmSync(map, { recursive: true, force: true });
});

describe('export and verifieer-log against the server', () => {
  it('verifies the log as exported: intact, with the kept key', async () => {
    const head = await getekend();
    const uit = await exporteerEnVerifieer('intact');
    expect(uit).toMatchObject({ code: 0, stderr: '' });
    expect(uit.stdout).toMatch(
      new RegExp(
        `^Log intact: 9 events \\(en 6 van andere gemeenten\\), \\d+ checkpoints geverifieerd, laatste intacte ondertekende checkpoint op positie ${head}\\.`,
      ),
    );
  });

  it('names the position of an event whose data was updated in PostgreSQL', async () => {
    const p = (await posities('GM0005'))[1];
    const uit = await geknoeid('gewijzigd', () =>
      s.db.pool.query(`UPDATE es_events SET data = jsonb_set(data, '{productcategorie}', '"02"') WHERE global_position = $1`, [p]),
    );
    expect(uit.code).toBe(1);
    expect(uit.stdout).toMatch(new RegExp(`^Log gebroken op positie ${p} `));
  });

  it('breaks at the next position when an event is deleted', async () => {
    const alle = await posities();
    const p = (await posities('GM0005'))[2];
    const uit = await geknoeid('verwijderd', () => s.db.pool.query(`DELETE FROM es_events WHERE global_position = $1`, [p]));
    expect(uit.code).toBe(1);
    expect(uit.stdout).toMatch(new RegExp(`^Log gebroken op positie ${alle[alle.indexOf(p) + 1]} `));
  });

  it('breaks where two events’ data were swapped', async () => {
    const { rows } = await s.db.pool.query<{ p: string }>(
      `SELECT global_position AS p FROM es_events WHERE gemeente = 'GM0005' AND event_type = 'VoorzieningToegekend' ORDER BY global_position LIMIT 2`,
    );
    const [a, b] = rows.map((r) => Number(r.p));
    const uit = await geknoeid('verwisseld', () =>
      s.db.pool.query(
        `UPDATE es_events e SET data = o.data FROM es_events o
          WHERE (e.global_position, o.global_position) IN (($1::bigint, $2::bigint), ($2::bigint, $1::bigint))`,
        [a, b],
      ),
    );
    expect(uit.code).toBe(1);
    expect(uit.stdout).toMatch(new RegExp(`^Log gebroken op positie ${a} `));
  });

  it('catches a re-hashed log at the signed checkpoint after the change, naming the last intact one', async () => {
    const p = (await posities('GM0005'))[3];
    const { rows: cps } = await s.db.pool.query<{ p: string }>(`SELECT positie AS p FROM es_zegel_checkpoint ORDER BY positie`);
    const checkpoints = cps.map((r) => Number(r.p));
    const na = checkpoints.find((c) => c >= p)!;
    const voor = checkpoints.filter((c) => c < p).at(-1);
    const { rows: zegels } = await s.db.pool.query<{ p: string; keten: string }>(
      `SELECT global_position AS p, keten FROM es_zegel ORDER BY 1`,
    );
    const uit = await geknoeid('herrekend', async () => {
      await s.db.pool.query(`UPDATE es_events SET data = jsonb_set(data, '{productcategorie}', '"02"') WHERE global_position = $1`, [p]);
      // What an insider without the signing key can do: recompute every stored link from the change on.
      const events = await s.ruweStore.readAll({ after: 0, limit: 100_000 });
      const { rows: zouten } = await s.db.pool.query<{ zouten: Record<string, string> }>(
        `SELECT zouten FROM es_zegel ORDER BY global_position`,
      );
      let vorige = GENESIS;
      for (const [i, e] of events.entries()) {
        vorige = volgendeKeten(vorige, e.globalPosition, e.gemeente, inhoudVan(zegelVorm(e, zouten[i].zouten)));
        if (e.globalPosition >= p)
          await s.db.pool.query(`UPDATE es_zegel SET keten = $2 WHERE global_position = $1`, [e.globalPosition, vorige]);
      }
    }).finally(async () => {
      for (const z of zegels) await s.db.pool.query(`UPDATE es_zegel SET keten = $2 WHERE global_position = $1`, [z.p, z.keten]);
    });
    expect(uit.code).toBe(1);
    expect(uit.stdout).toContain(
      `Checkpoint klopt niet: het checkpoint op positie ${na} is geldig ondertekend, maar de herberekende keten`,
    );
    expect(uit.stdout).toContain(
      voor === undefined ? 'Geen intact ondertekend checkpoint ervoor.' : `Laatste intacte ondertekende checkpoint op positie ${voor}.`,
    );
  });

  it('removes a partial file and exits 2 when the server is gone mid-way (no connection at all)', async () => {
    const bestand = path.join(map, 'weg.ndjson');
    const uit = await cli(['export', '--gemeente', 'GM0005', '--uit', bestand, '--url', 'http://127.0.0.1:9', '--token', auditor]);
    expect(uit.code).toBe(2);
    expect(fs.existsSync(bestand)).toBe(false);
  });
});
