import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from '@jest/globals';
import { freePorts } from '../scripts/embedded-postgres.mjs';

/**
 * A new user's first try: `git clone` into a private (0700) folder, `npm start` there with the
 * default DATA_DIR, and a consultant registers a client with the token it prints. As root the
 * embedded PostgreSQL runs as its own system user, which cannot reach anything below that folder;
 * as an ordinary user it runs as that user. Under root both are tried (the ordinary user is
 * `nobody`, owning the clone).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const isRoot = process.getuid?.() === 0;
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-kloon-')); // mkdtemp makes it 0700
const kloon = path.join(base, 'sd');
let child: ChildProcess | undefined;

async function npmStart(extraEnv: NodeJS.ProcessEnv, user?: { uid: number; gid: number }) {
  const ports: Record<string, number> = {};
  const namen = ['INTAKE_PORT', 'VOORZIENINGEN_PORT', 'PROJECTIONS_PORT', 'PG_PORT', 'NATS_PORT', 'RELAY_PORT'];
  const vrij = await freePorts(namen.length);
  namen.forEach((name, i) => (ports[name] = vrij[i]));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
    ...extraEnv,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
  };
  for (const k of ['DATABASE_URL', 'NATS_URL', 'DATABASE_SCHEMA', 'NODE_OPTIONS', 'DATA_DIR', 'TEST_DATABASE_URL'])
    if (!(k in extraEnv)) delete env[k];
  const started = Date.now();
  child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: kloon, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...user });
  let uitvoer = '';
  child.stdout!.on('data', (d) => (uitvoer += d));
  child.stderr!.on('data', (d) => (uitvoer += d));
  while (!uitvoer.includes('is running')) {
    if (child.exitCode !== null) throw new Error(`npm start in ${kloon} stopped (exit ${child.exitCode}):\n${uitvoer}`);
    if (Date.now() - started > 280_000) throw new Error(`npm start in ${kloon} is not running after 280 s:\n${uitvoer}`);
    await sleep(200);
  }
  return { ports, uitvoer, seconden: (Date.now() - started) / 1000 };
}

async function registreerEnStop(ports: Record<string, number>, uitvoer: string): Promise<void> {
  const token = uitvoer.match(/TOKEN=(\S+)/)![1];
  const res = await fetch(`http://127.0.0.1:${ports.INTAKE_PORT}/clienten`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'kloon-0700' },
    body: JSON.stringify({ bsn: '111222333', geboortedatum: '1980-01-31', geslacht: 'vrouw', gemeente: 'GM0005' }),
  });
  expect(res.status).toBe(201);
  const weg = new Promise<number | null>((r) => child!.once('exit', r));
  process.kill(-child!.pid!, 'SIGINT');
  expect(await weg).toBe(0);
}

afterAll(async () => {
  if (child && child.exitCode === null) {
    const weg = new Promise((r) => child!.once('exit', r));
    process.kill(-child.pid!, 'SIGINT');
    await weg;
  }
  // As root the data went to where the postgres user reaches it, linked from DATA_DIR.
  const link = path.join(kloon, '.data', 'postgres');
  if (fs.lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) fs.rmSync(fs.realpathSync(link), { recursive: true, force: true });
  fs.rmSync(base, { recursive: true, force: true });
}, 60_000);

describe('a clone below a 0700 folder', () => {
  it('npm start installs, starts and lets a consultant register a client', async () => {
    expect(fs.statSync(base).mode & 0o777).toBe(0o700);
    execFileSync('git', ['clone', '--quiet', ROOT, kloon]);
    const { ports, uitvoer, seconden } = await npmStart({});
    console.log(`npm start from a fresh clone in a 0700 folder${isRoot ? ', as root' : ''}: ready after ${seconden.toFixed(1)} s`);
    expect(uitvoer).not.toMatch(/EBADENGINE|Permission denied|\n\s+at /);
    await registreerEnStop(ports, uitvoer);
  }, 300_000);

  // As root the binaries were copied where the user postgres reaches them, shared by every checkout;
  // a checkout deleted since (an earlier clone, a CI run before) leaves links to nothing behind.
  if (isRoot)
    it('starts again when the checkout that staged the PostgreSQL binaries is gone', async () => {
      const gedeeld = fs
        .readdirSync('/var/lib/sociaal-domein')
        .filter((d) => d.startsWith('embedded-postgres-'))
        .map((d) => path.join('/var/lib/sociaal-domein', d, 'node_modules'));
      expect(gedeeld.length).toBeGreaterThan(0);
      for (const modules of gedeeld)
        for (const dep of ['pg', 'async-exit-hook']) {
          fs.rmSync(path.join(modules, dep), { force: true });
          fs.symlinkSync(path.join(base, 'weg', 'node_modules', dep), path.join(modules, dep));
        }
      const { ports, uitvoer } = await npmStart({});
      await registreerEnStop(ports, uitvoer);
      for (const modules of gedeeld) expect(fs.realpathSync(path.join(modules, 'pg'))).toBe(path.join(kloon, 'node_modules', 'pg'));
    }, 120_000);

  // Not root: the test above ran as an ordinary user already.
  if (isRoot)
    it('and as an ordinary user, with a DATA_DIR given', async () => {
      const nobody = { uid: 65534, gid: 65534 };
      execFileSync('chown', ['-R', `${nobody.uid}:${nobody.gid}`, base]);
      const { ports, uitvoer } = await npmStart(
        { DATA_DIR: path.join(base, 'gegevens'), HOME: base, npm_config_cache: path.join(base, '.npm') },
        nobody,
      );
      expect(fs.existsSync(path.join(base, 'gegevens', 'postgres', 'PG_VERSION'))).toBe(true); // no detour for an ordinary user
      await registreerEnStop(ports, uitvoer);
    }, 120_000);
});
