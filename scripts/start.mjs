// `npm start`: on a fresh clone with only Node.js, installs what is missing, starts an embedded
// PostgreSQL (data under DATA_DIR), applies the migrations, starts the three apps and prints the
// URLs, the OpenAPI pages and a dev token. Ctrl-C stops everything; the data stays for next time.
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { APP_NODE_FLAGS } from './app-flags.mjs';
import { build, checkNode, ensureInstalled, ROOT } from './setup.mjs';

const started = Date.now();
checkNode();
if (process.env.EVENT_STORE === 'kurrentdb' && !process.env.KURRENTDB_URL) {
  console.error('EVENT_STORE=kurrentdb heeft KURRENTDB_URL nodig, bijvoorbeeld kurrentdb://localhost:2113?tls=false (zie de README).');
  process.exit(2);
}
ensureInstalled();
build();

const { freePort, portInUse } = await import('./embedded-postgres.mjs');
const { runMigrations } = await import('../dist/libs/database/src/database.config.js');

const DATA_DIR = path.resolve(ROOT, process.env.DATA_DIR ?? '.data');
try {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.accessSync(DATA_DIR, fs.constants.W_OK);
} catch (e) {
  console.error(`Cannot write to the data folder ${DATA_DIR} (${e.code}); set DATA_DIR to a folder you may write to.`);
  process.exit(1);
}

/** A value kept in DATA_DIR so that a second start finds the same secret, key or port. */
function kept(name, make) {
  const file = path.join(DATA_DIR, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, String(make()), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

const apps = [
  { name: 'intake', portEnv: 'INTAKE_PORT', port: Number(process.env.INTAKE_PORT ?? 3001) },
  { name: 'voorzieningen', portEnv: 'VOORZIENINGEN_PORT', port: Number(process.env.VOORZIENINGEN_PORT ?? 3002) },
  { name: 'projections', portEnv: 'PROJECTIONS_PORT', port: Number(process.env.PROJECTIONS_PORT ?? 3003) },
];
for (const app of apps) {
  if (await portInUse(app.port)) {
    console.error(`Port ${app.port} (${app.name}) is in use. Set ${app.portEnv} to another port, or stop the other process.`);
    process.exit(1);
  }
}

async function choosePgPort() {
  const portFile = path.join(DATA_DIR, 'postgres-port');
  if (fs.existsSync(portFile)) return Number(fs.readFileSync(portFile, 'utf8'));
  const port = (await portInUse(5488)) ? await freePort() : 5488;
  fs.writeFileSync(portFile, String(port));
  return port;
}

// PostgreSQL and NATS (when Debian's nats-server is on the PATH) run in a process of their own
// session, out of reach of the terminal's Ctrl-C: the apps drain first, then stop() stops them.
const wanted = {};
if (!process.env.DATABASE_URL) {
  wanted.postgres = { dataDir: path.join(DATA_DIR, 'postgres'), port: Number(process.env.PG_PORT) || (await choosePgPort()) };
  console.log(`Starting PostgreSQL on port ${wanted.postgres.port} (data in ${wanted.postgres.dataDir})…`);
}
const heeftNats = spawnSync('nats-server', ['--version'], { stdio: 'ignore' }).status === 0;
if (!process.env.NATS_URL && heeftNats) {
  wanted.nats = {
    dataDir: path.join(DATA_DIR, 'nats'),
    port: Number(process.env.NATS_PORT) || ((await portInUse(4222)) ? await freePort() : 4222),
  };
  console.log(`Starting nats-server with JetStream on port ${wanted.nats.port} (data in ${wanted.nats.dataDir})…`);
}
let services = null;
let databaseUrl = process.env.DATABASE_URL;
let natsUrl = process.env.NATS_URL;
if (wanted.postgres || wanted.nats) {
  services = spawn(process.execPath, [path.join(ROOT, 'scripts/backing-services.mjs')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  services.send(wanted);
  const ready = await new Promise((resolve) => {
    services.once('message', resolve);
    services.once('exit', (code) => resolve({ type: 'fout', message: `it stopped (exit ${code})` }));
  });
  if (ready.type === 'fout') {
    console.error(`PostgreSQL or NATS did not start: ${ready.message}. Data folder: ${DATA_DIR}.`);
    process.exit(1);
  }
  if (ready.postgresDataDir && ready.postgresDataDir !== wanted.postgres.dataDir) {
    console.log(
      `PostgreSQL's data is in ${ready.postgresDataDir} (linked from ${wanted.postgres.dataDir}): its system user cannot reach ${DATA_DIR}.`,
    );
  }
  databaseUrl ??= ready.databaseUrl;
  natsUrl ??= ready.natsUrl;
}
if (natsUrl) {
  const relay = {
    name: 'relay',
    portEnv: 'RELAY_PORT',
    port: Number(process.env.RELAY_PORT ?? 3004),
    main: 'voorzieningen/src/relay.main.js',
  };
  if (await portInUse(relay.port)) {
    console.error(`Port ${relay.port} (relay) is in use. Set RELAY_PORT to another port, or stop the other process.`);
    await stopServices();
    process.exit(1);
  }
  apps.push(relay);
}

/** Stops PostgreSQL and NATS, after the apps: they answer `gestopt` once both are down. */
async function stopServices() {
  if (!services || services.exitCode !== null) return;
  const gone = new Promise((resolve) => services.once('exit', resolve));
  services.send('stop');
  setTimeout(() => services.kill('SIGTERM'), 15_000).unref();
  await gone;
}

const schema = process.env.DATABASE_SCHEMA ?? 'public';
let applied;
try {
  applied = await runMigrations({ url: databaseUrl, schema });
} catch (e) {
  console.error(`The migrations could not run on ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}: ${String(e?.message ?? e).split('\n')[0]}`);
  await stopServices();
  process.exit(1);
}
console.log(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Database schema is up to date.');

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  DATABASE_SCHEMA: schema,
  AUTH_MODE: process.env.AUTH_MODE ?? 'dev',
  DEV_JWT_SECRET: process.env.DEV_JWT_SECRET ?? kept('dev-jwt-secret', () => randomBytes(32).toString('hex')),
  PSEUDONIEM_SLEUTEL: process.env.PSEUDONIEM_SLEUTEL ?? kept('pseudoniem-sleutel', () => randomBytes(32).toString('hex')),
  // Wraps each client's data key (crypto-shredding); kept, or no personal field of earlier runs reads back.
  SLEUTEL_MASTER: process.env.SLEUTEL_MASTER ?? kept('sleutel-master', () => randomBytes(32).toString('base64')),
  // Signs the audit checkpoints (Ed25519, PKCS #8 PEM); kept, so checkpoints of earlier runs still verify.
  AUDIT_SIGNING_KEY:
    process.env.AUDIT_SIGNING_KEY ??
    kept('audit-signing-key.pem', () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' })),
  LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
  NODE_ENV: process.env.NODE_ENV ?? 'development',
};

const children = apps.map((app) => {
  const main = path.join(ROOT, 'dist/apps', app.main ?? `${app.name}/src/main.js`);
  const child = spawn(process.execPath, [...APP_NODE_FLAGS, main], {
    cwd: ROOT,
    env: { ...env, [app.portEnv]: String(app.port), APP_NAME: app.name, ...(natsUrl ? { NATS_URL: natsUrl } : {}) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${app.name} stopped (${signal ?? `exit ${code}`}); stopping everything.`);
      void stop(1);
    }
  });
  return child;
});

let stopping = false;
/** The apps drain their requests and exit (each within 10 s); then the databases stop. */
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the apps, then PostgreSQL and NATS…');
  await Promise.all(
    children.map(
      (c) =>
        new Promise((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once('exit', resolve);
          c.kill('SIGTERM');
          setTimeout(() => c.kill('SIGKILL'), 12_000).unref();
        }),
    ),
  );
  await stopServices();
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

async function waitHealthy(app) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${app.port}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${app.name} did not become healthy on port ${app.port}`);
}

try {
  await Promise.all(apps.map(waitHealthy));
} catch (e) {
  console.error(String(e));
  await stop(1);
}

let token = '(dev tokens exist only with AUTH_MODE=dev)';
if (env.AUTH_MODE === 'dev') {
  const res = await fetch(`http://127.0.0.1:${apps[0].port}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rol: 'consulent', gemeenten: ['GM0005', 'GM0006'], sub: 'dev-consulent' }),
  });
  token = (await res.json()).token;
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`
Sociaal domein is running (ready in ${seconds} s). Ctrl-C stops it; data stays in ${DATA_DIR}.

  app            URL                        OpenAPI
${apps.map((a) => `  ${a.name.padEnd(14)} http://localhost:${a.port}      http://localhost:${a.port}/api`).join('\n')}

  dashboard      http://localhost:${apps.find((a) => a.name === 'projections').port}/dashboard

  PostgreSQL     ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}
  Events         ${process.env.EVENT_STORE === 'kurrentdb' ? `KurrentDB at ${process.env.KURRENTDB_URL.replace(/:[^:@/]+@/, ':***@')}` : 'PostgreSQL (es_events)'}
  Audit          public key of the checkpoints: curl -s -H "Authorization: Bearer <auditor token>" http://localhost:${apps.find((a) => a.name === 'projections').port}/audit/sleutel
                 (private key: ${path.join(DATA_DIR, 'audit-signing-key.pem')}${process.env.AUDIT_SIGNING_KEY ? ', not used: AUDIT_SIGNING_KEY is set' : ''})
  NATS relay     ${natsUrl ? `publishing every event to JetStream stream SOCIAAL_DOMEIN on ${natsUrl} (lag: http://localhost:${apps.at(-1).port}/health)` : 'idle: no nats-server on the PATH (apt-get install nats-server) and no NATS_URL'}

Dev token (consulent for GM0005 and GM0006, valid 12 hours):
  TOKEN=${token}

Try:
  curl -s -X POST http://localhost:${apps[0].port}/clienten \\
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
    -d '{"bsn":"111222333","geboortedatum":"1980-01-31","geslacht":"vrouw","gemeente":"GM0005"}'
  Other tokens: POST /auth/dev-token {"rol":"rapportage","gemeenten":["GM0005"]} on any app.
`);
