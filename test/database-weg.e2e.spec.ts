import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runMigrations } from '@sd/database';
import { freePorts, startEmbeddedPostgres } from '../scripts/embedded-postgres.mjs';
import { devToken, stuur } from './belasting.js';
import { nieuwBsn } from './helpers.js';

/**
 * A PostgreSQL of its own that the test stops and starts again under running apps: while it is
 * gone every request that needs it answers 503 with Retry-After (never a 500), and afterwards
 * the same apps work again without a restart, the projections app's LISTEN included.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-db-weg-'));
fs.chmodSync(dir, 0o755);
let pgPort: number;
let db: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
const apps: ChildProcess[] = [];
/** What an app wrote to stderr (its last 4 KB) and how it ended, for a failure's message. */
const verslag: Record<string, { stderr: string; einde?: string }> = {};
const gezondheid = () =>
  Object.entries(verslag)
    .map(([app, v]) => `${app}: ${v.einde ?? 'runs'}${v.stderr ? `\n${v.stderr}` : ''}`)
    .join('\n');
const poort = { intake: 0, projections: 0 };

const startPostgres = async () => {
  db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: pgPort, persistent: true, durable: false });
};

beforeAll(async () => {
  const [pg, intake, projections] = await freePorts(3);
  pgPort = pg;
  Object.assign(poort, { intake, projections });
  await startPostgres();
  await runMigrations({ url: db!.url, schema: 'public' });
  for (const app of ['intake', 'projections'] as const) {
    const proc = spawn(process.execPath, [path.join(ROOT, `dist/apps/${app}/src/main.js`)], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DATABASE_URL: db!.url,
        DATABASE_SCHEMA: 'public',
        [`${app.toUpperCase()}_PORT`]: String(poort[app]),
        AUTH_MODE: 'dev',
        DEV_JWT_SECRET: 'db-weg-geheim',
        PSEUDONIEM_SLEUTEL: 'db-weg-sleutel',
        SLEUTEL_MASTER: 'cc'.repeat(32),
        LOG_LEVEL: 'silent',
        // Polling at a minute: only the NOTIFY (its LISTEN reconnected) makes a write show soon after.
        PROJECTIE_INTERVAL_MS: '60000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    apps.push(proc);
    const v = (verslag[app] = { stderr: '' } as { stderr: string; einde?: string });
    proc.stderr.on('data', (d: Buffer) => (v.stderr = (v.stderr + d.toString()).slice(-4096)));
    proc.on('exit', (code, signal) => (v.einde = `exited (${code ?? signal})`));
    for (
      let i = 0;
      i < 300 &&
      !(await fetch(`http://127.0.0.1:${poort[app]}/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await sleep(100);
    if (
      !(await fetch(`http://127.0.0.1:${poort[app]}/health`).then(
        (r) => r.ok,
        () => false,
      ))
    )
      throw new Error(`${app} is not healthy after 30 s\n${gezondheid()}`);
  }
}, 60_000);

afterAll(async () => {
  for (const a of apps) a.kill('SIGKILL');
  await db?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('the database out of reach', () => {
  it('answers 503 with Retry-After to commands, reads and reports, and recovers when it is back', async () => {
    const consulent = await devToken(poort.intake, 'consulent', ['GM0005']);
    const rapportage = await devToken(poort.intake, 'rapportage', ['GM0005']);
    const registreer = () =>
      stuur(
        poort.intake,
        '/clienten',
        { bsn: nieuwBsn(), geboortedatum: '1980-01-31', geslacht: 'man', gemeente: 'GM0005' },
        crypto.randomUUID(),
        consulent,
      );
    expect((await registreer()).status).toBe(201);

    await db!.stop();
    const antwoorden = await Promise.all([
      fetch(`http://127.0.0.1:${poort.intake}/clienten`, {
        method: 'POST',
        headers: { authorization: `Bearer ${consulent}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ bsn: nieuwBsn(), geboortedatum: '1980-01-31', geslacht: 'man', gemeente: 'GM0005' }),
      }),
      fetch(`http://127.0.0.1:${poort.intake}/clienten/${crypto.randomUUID()}`, {
        headers: { authorization: `Bearer ${consulent}` },
      }),
      fetch(`http://127.0.0.1:${poort.projections}/rapportages/stand?peildatum=2026-01-01&gemeente=GM0005`, {
        headers: { authorization: `Bearer ${rapportage}` },
      }),
    ]).catch((e: unknown) => {
      throw new Error(`${String(e)} (${String((e as { cause?: unknown }).cause)})\n${gezondheid()}`);
    });
    for (const res of antwoorden) {
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await fetch(`http://127.0.0.1:${poort.intake}/health`)).status).toBe(503);

    await startPostgres();
    let status = 0;
    for (let i = 0; i < 50 && status !== 201; i++) {
      status = (await registreer()).status;
      if (status !== 201) await sleep(100);
    }
    expect(status).toBe(201);

    // The projections app's LISTEN came back by itself, and wakes its daemon again.
    let luistert = false;
    for (let i = 0; i < 100 && !luistert; i++) {
      const gezondheid = (await fetch(`http://127.0.0.1:${poort.projections}/health`).then(
        (r) => r.json(),
        () => ({}),
      )) as { info?: { projectie?: { notifyVerbonden?: boolean } } };
      luistert = gezondheid.info?.projectie?.notifyVerbonden === true;
      if (!luistert) await sleep(100);
    }
    expect(luistert).toBe(true);
    const nogEen = await registreer();
    expect(nogEen.status).toBe(201);
    const positie = (nogEen.json as { positie: number }).positie;
    const start = Date.now();
    let gezien = 0;
    while (gezien < positie && Date.now() - start < 5_000) {
      const stand = await fetch(`http://127.0.0.1:${poort.projections}/rapportages/stand?peildatum=2026-01-01&gemeente=GM0005`, {
        headers: { authorization: `Bearer ${rapportage}` },
      });
      gezien = stand.ok ? ((await stand.json()) as { positie: number }).positie : 0;
      if (gezien < positie) await sleep(20);
    }
    expect(gezien).toBeGreaterThanOrEqual(positie);
    expect(Date.now() - start).toBeLessThan(5_000); // not the minute of polling
  }, 60_000);
});
