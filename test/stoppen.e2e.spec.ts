import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, spawnBuiltApp, type TestDatabase } from '@sd/testing';
import { freePorts, portInUse } from '../scripts/embedded-postgres.mjs';
import { type AppPoorten, devToken, type GeslaagdeOpdracht, startBelasting, stuur, vijfhonderden } from './belasting.js';

/**
 * Stopping under load: each app on SIGTERM, and `npm start` on Ctrl-C (SIGINT to its whole process
 * group, as a terminal sends it). No answer is a 5xx, every command that was answered 2xx is stored,
 * and sending it again with its Idempotency-Key appends nothing.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const APPS = ['intake', 'voorzieningen', 'projections'] as const;
const PORT_ENV = { intake: 'INTAKE_PORT', voorzieningen: 'VOORZIENINGEN_PORT', projections: 'PROJECTIONS_PORT' } as const;

async function gezond(poort: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`http://127.0.0.1:${poort}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error(`nothing healthy on port ${poort}`);
}

function exit(proc: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const start = Date.now();
  if (proc.exitCode !== null) return Promise.resolve({ code: proc.exitCode, ms: 0 });
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, ms: Date.now() - start })));
}

/** Every command answered 2xx is in the store, and sending it again appends nothing and answers the same. */
async function bewaardEnIdempotent(pool: pg.Pool, geslaagd: GeslaagdeOpdracht[], token: string): Promise<void> {
  expect(geslaagd.length).toBeGreaterThan(0);
  for (const g of geslaagd) {
    const [, id] = Object.entries(g.antwoord).find(([k]) => k.endsWith('Id'))!;
    const { rows } = await pool.query<{ stream_id: string }>('SELECT stream_id FROM es_events WHERE global_position = $1', [
      g.antwoord.positie,
    ]);
    expect(rows[0]?.stream_id).toContain(String(id));
  }
  const tel = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events')).rows[0].n);
  const voor = await tel();
  for (const g of geslaagd.slice(-40)) {
    const nogmaals = await stuur(g.poort, g.pad, g.body, g.sleutel, token);
    expect({ status: nogmaals.status, json: nogmaals.json }).toEqual({ status: g.status, json: g.antwoord });
  }
  expect(await tel()).toBe(voor);
}

describe('each app on SIGTERM, under load', () => {
  let db: TestDatabase;
  const procs: ChildProcess[] = [];
  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    await db?.drop();
  });

  it('finishes its requests, answers no 5xx, exits 0 within 10 s; every 2xx command is stored once', async () => {
    db = await createTestDatabase();
    const vrij = await freePorts(APPS.length);
    const poorten = Object.fromEntries(APPS.map((a, i) => [a, vrij[i]])) as unknown as AppPoorten;
    const start = () =>
      APPS.map((app) => {
        const proc = spawnBuiltApp(
          `${app}/src/main.js`,
          db,
          {
            [PORT_ENV[app]]: String(poorten[app]),
            AUTH_MODE: 'dev',
            DEV_JWT_SECRET: 'stoppen-test-geheim',
            PSEUDONIEM_SLEUTEL: 'stoppen-test-sleutel',
            SLEUTEL_MASTER: 'bb'.repeat(32),
            LOG_LEVEL: 'warn',
          },
          ['ignore', 'ignore', 'inherit'],
        );
        procs.push(proc);
        return proc;
      });
    const eerste = start();
    await Promise.all(APPS.map((a) => gezond(poorten[a])));
    const tokens = {
      consulent: await devToken(poorten.intake, 'consulent', ['GM0005']),
      rapportage: await devToken(poorten.intake, 'rapportage', ['GM0005']),
    };

    const belasting = startBelasting(poorten, tokens);
    await sleep(1500);
    const uitgangen = [];
    for (const proc of eerste) {
      const weg = exit(proc);
      proc.kill('SIGTERM');
      uitgangen.push(await weg);
      await sleep(200); // the others keep serving meanwhile
    }
    const uitkomst = await belasting.stop();

    for (const u of uitgangen) {
      expect(u.code).toBe(0);
      expect(u.ms).toBeLessThan(10_000);
    }
    expect(vijfhonderden(uitkomst)).toEqual([]);
    expect(uitkomst.geslaagd.some((g) => g.pad === '/voorzieningen')).toBe(true);
    expect(uitkomst.statussen[200]).toBeGreaterThan(0); // reports were answered too

    start();
    await Promise.all(APPS.map((a) => gezond(poorten[a])));
    await bewaardEnIdempotent(db.pool, uitkomst.geslaagd, tokens.consulent);
  }, 120_000);
});

describe('npm start on Ctrl-C, under load', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-stoppen-'));
  const ports: Record<string, number> = {};
  let child: ChildProcess | undefined;
  let uitvoer = '';

  /** npm start as the leader of its own process group, as a terminal runs it. */
  async function npmStart(): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    };
    for (const k of ['DATABASE_URL', 'NATS_URL', 'DATABASE_SCHEMA', 'NODE_OPTIONS']) delete env[k];
    child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    uitvoer = '';
    child.stdout!.on('data', (d) => (uitvoer += d));
    child.stderr!.on('data', (d) => (uitvoer += d));
    for (let i = 0; i < 900 && !uitvoer.includes('is running'); i++) {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${uitvoer}`);
      await sleep(100);
    }
    expect(uitvoer).toContain('is running');
  }

  /** Ctrl-C: SIGINT to every process of the group. */
  async function ctrlC(): Promise<{ code: number | null; ms: number }> {
    const weg = exit(child!);
    process.kill(-child!.pid!, 'SIGINT');
    return weg;
  }

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const weg = exit(child);
      process.kill(-child.pid!, 'SIGINT');
      await weg;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('drains the apps first, then stops PostgreSQL and NATS; no 5xx; every 2xx command is stored once', async () => {
    const namen = ['INTAKE_PORT', 'VOORZIENINGEN_PORT', 'PROJECTIONS_PORT', 'PG_PORT', 'NATS_PORT', 'RELAY_PORT'];
    const vrij = await freePorts(namen.length);
    namen.forEach((name, i) => (ports[name] = vrij[i]));
    const poorten: AppPoorten = { intake: ports.INTAKE_PORT, voorzieningen: ports.VOORZIENINGEN_PORT, projections: ports.PROJECTIONS_PORT };
    await npmStart();
    const tokens = {
      consulent: await devToken(poorten.intake, 'consulent', ['GM0005']),
      rapportage: await devToken(poorten.intake, 'rapportage', ['GM0005']),
    };

    const belasting = startBelasting(poorten, tokens);
    await sleep(1500);
    const gestopt = await ctrlC();
    const uitkomst = await belasting.stop();

    expect(gestopt.code).toBe(0);
    expect(gestopt.ms).toBeLessThan(15_000);
    expect(vijfhonderden(uitkomst)).toEqual([]);
    expect(uitvoer).not.toMatch(/SIGKILL|Cannot use a pool/);
    expect(await portInUse(ports.PG_PORT)).toBe(false); // PostgreSQL stopped too
    expect(await portInUse(ports.NATS_PORT)).toBe(false);

    await npmStart();
    const pool = new pg.Pool({ connectionString: `postgres://postgres:postgres@127.0.0.1:${ports.PG_PORT}/postgres` });
    try {
      await bewaardEnIdempotent(pool, uitkomst.geslaagd, tokens.consulent);
    } finally {
      await pool.end();
    }
    expect((await ctrlC()).code).toBe(0);
  }, 180_000);
});
