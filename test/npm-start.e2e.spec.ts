import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePorts } from '../scripts/embedded-postgres.mjs';

/**
 * `npm start` as a user runs it: its own embedded PostgreSQL in a fresh DATA_DIR, migrations, the
 * three built apps as separate processes. Also the place to prove that a BSN never reaches a log.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const BSN = '123456782'; // not the BSN of the example that npm start prints

let child: ChildProcess;
let output = '';
let dataDir: string;
const ports: Record<string, number> = {};

async function waitFor(pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const m = output.match(pattern);
    if (m) return m;
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${pattern}:\n${output}`);
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-start-'));
  fs.chmodSync(dataDir, 0o755);
  const namen = ['INTAKE_PORT', 'VOORZIENINGEN_PORT', 'PROJECTIONS_PORT', 'PG_PORT', 'NATS_PORT', 'RELAY_PORT'];
  const vrij = await freePorts(namen.length);
  namen.forEach((name, i) => (ports[name] = vrij[i]));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'debug',
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
  };
  delete env.DATABASE_URL;
  delete env.NATS_URL;
  delete env.DATABASE_SCHEMA;
  delete env.NODE_OPTIONS;
  child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await waitFor(/is running \(ready in/, 90_000);
}, 120_000);

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe('npm start', () => {
  it('prints the three URLs, their OpenAPI pages and a dev token', () => {
    for (const name of ['INTAKE_PORT', 'VOORZIENINGEN_PORT', 'PROJECTIONS_PORT']) {
      expect(output).toContain(`http://localhost:${ports[name]}/api`);
    }
    expect(output).toMatch(/TOKEN=eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  });

  it('serves health and OpenAPI on every app', async () => {
    for (const name of ['INTAKE_PORT', 'VOORZIENINGEN_PORT', 'PROJECTIONS_PORT']) {
      expect((await fetch(`http://127.0.0.1:${ports[name]}/health`)).status).toBe(200);
      const api = await fetch(`http://127.0.0.1:${ports[name]}/api-json`);
      expect(api.status).toBe(200);
      expect(((await api.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    }
  });

  it('prints the dashboard URL and serves the dashboard there, with its sign-in configuration', async () => {
    const url = `http://localhost:${ports.PROJECTIONS_PORT}/dashboard`;
    expect(output).toContain(url);
    const pagina = await fetch(`http://127.0.0.1:${ports.PROJECTIONS_PORT}/dashboard/stand?gemeente=GM0005`);
    expect(pagina.status).toBe(200);
    expect(pagina.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await pagina.text()).toContain('<html lang="nl">');
    const config = await fetch(`http://127.0.0.1:${ports.PROJECTIONS_PORT}/dashboard/config.json`);
    expect(await config.json()).toMatchObject({ authMode: 'dev' });
  });

  it('lets a consultant register a client with the printed token, and logs no BSN', async () => {
    const token = output.match(/TOKEN=(\S+)/)![1];
    const res = await fetch(`http://127.0.0.1:${ports.INTAKE_PORT}/clienten`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ bsn: BSN, geboortedatum: '1980-01-31', geslacht: 'man', gemeente: 'GM0005' }),
    });
    expect(res.status).toBe(201);
    // a refused request (bad BSN next to a good one, a duplicate) must not log it either
    const dup = await fetch(`http://127.0.0.1:${ports.INTAKE_PORT}/clienten`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ bsn: BSN, geboortedatum: '1980-01-31', geslacht: 'man', gemeente: 'GM0005' }),
    });
    expect(dup.status).toBe(409);
    await waitFor(/"statusCode":409/, 5_000);
    const logged = output.slice(output.indexOf('is running'));
    expect(logged).toContain('"statusCode":201');
    expect(logged).not.toContain(BSN);
  });

  it('erases a client on request of beheer and logs none of its data, nor the toelichting', async () => {
    const post = async (pad: string, token: string | null, body: object) =>
      fetch(`http://127.0.0.1:${ports.INTAKE_PORT}${pad}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const consulent = output.match(/TOKEN=(\S+)/)![1];
    const client = await post('/clienten', consulent, {
      bsn: '100000009',
      geboortedatum: '1955-11-05',
      geslacht: 'man',
      gemeente: 'GM0005',
    });
    expect(client.status).toBe(201);
    const { clientId } = (await client.json()) as { clientId: string };
    const { token: beheer } = (await (await post('/auth/dev-token', null, { rol: 'beheer', gemeenten: ['GM0005'] })).json()) as {
      token: string;
    };
    const vergeten = await post(`/clienten/${clientId}/vergeten`, beheer, {
      grondslag: 'verzoek-betrokkene',
      toelichting: 'brief van meneer De Vries',
    });
    expect(vergeten.status).toBe(200);
    await waitFor(new RegExp(`"url":"/clienten/${clientId}/vergeten"[^\n]*"statusCode":200`), 5_000);
    const logged = output.slice(output.indexOf('is running'));
    for (const gegeven of ['100000009', '1955-11-05', 'De Vries']) expect(logged).not.toContain(gegeven);
  });

  it('starts nats-server and the relay, which catches up with the registrations', async () => {
    expect(output).toContain(`publishing every event to JetStream stream SOCIAAL_DOMEIN on nats://127.0.0.1:${ports.NATS_PORT}`);
    let relay: { info?: { relay?: { lag: number; gepubliceerd: number } } } = {};
    for (let i = 0; i < 100; i++) {
      relay = (await (await fetch(`http://127.0.0.1:${ports.RELAY_PORT}/health`)).json()) as typeof relay;
      if (relay.info?.relay?.gepubliceerd && relay.info.relay.lag === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(relay.info?.relay).toMatchObject({ lag: 0 });
    expect(relay.info!.relay!.gepubliceerd).toBeGreaterThan(0);
  });

  it('keeps its data in DATA_DIR', () => {
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'nats', 'jetstream'))).toBe(true);
  });
});
