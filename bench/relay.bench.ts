/**
 * `npm run bench:relay -- [--events N]`: how fast the relay publishes the event store to NATS
 * JetStream. Starts its own embedded PostgreSQL (durable settings) and nats-server, appends N
 * events (default 100,000) through the event store port, then starts the relay and measures the
 * time until the JetStream stream holds all of them (every publish waits for its ack).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { NestFactory } from '@nestjs/core';
import { encodeEvent } from '@sd/contracts';
import { createPool, runMigrations } from '@sd/database';
import { PostgresEventStore } from '@sd/event-store';
import { startTestNats } from '@sd/testing';
import { freePort, startEmbeddedPostgres } from '../scripts/embedded-postgres.mjs';

const arg = (naam: string, standaard: number) => {
  const i = process.argv.indexOf(`--${naam}`);
  return i >= 0 ? Number(process.argv[i + 1]) : standaard;
};
const N = arg('events', 100_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-relay-'));
fs.chmodSync(dir, 0o755);
const db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), persistent: false });
const nats = await startTestNats();
try {
  const config = { url: db.url, schema: 'bench_relay', poolSize: 20 };
  await runMigrations(config);
  const pool = createPool(config);
  const store = new PostgresEventStore(pool);

  process.stdout.write(`appending ${N.toLocaleString('nl-NL')} events … `);
  const t0 = performance.now();
  const perAppend = 10;
  const taken = Array.from({ length: N / perAppend }, (_, i) => i);
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = taken.shift(); i !== undefined; i = taken.shift()) {
        const events = Array.from({ length: perAppend }, (_, j) => ({
          ...encodeEvent({
            type: 'ProductcategorieToegevoegd',
            data: { gemeente: 'GM0005', wet: 'wmo', code: `B${i}-${j}`, naam: 'bench' },
          }),
          eventId: randomUUID(),
        }));
        await store.append(`codelijst-${randomUUID()}`, 'no-stream', events, {
          streamType: 'codelijst',
          gemeente: 'GM0005',
          actorId: 'bench',
          correlationId: 'bench',
        });
      }
    }),
  );
  console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);

  Object.assign(process.env, { DATABASE_URL: db.url, DATABASE_SCHEMA: config.schema, NATS_URL: nats.url, LOG_LEVEL: 'warn' });
  const { RelayAppModule } = await import('../apps/voorzieningen/src/relay/relay-app.module.js');
  const nc = await connect({ servers: nats.url });
  const t1 = performance.now();
  const app = await NestFactory.createApplicationContext(RelayAppModule, { logger: ['error'] });
  await app.init();
  const jsm = await jetstreamManager(nc);
  let berichten = 0;
  const punten: [number, number][] = [];
  while (berichten < N) {
    await new Promise((r) => setTimeout(r, 250));
    berichten = await jsm.streams.info('SOCIAAL_DOMEIN').then(
      (i) => i.state.messages,
      () => 0,
    );
    const s = (performance.now() - t1) / 1000;
    punten.push([s, berichten]);
    process.stdout.write(`\rpublished ${berichten.toLocaleString('nl-NL')} / ${N.toLocaleString('nl-NL')}  (${s.toFixed(1)} s)`);
  }
  const seconden = (performance.now() - t1) / 1000;
  console.log(
    `\nrelay: ${N.toLocaleString('nl-NL')} events in ${seconden.toFixed(1)} s = ${Math.round(N / seconden).toLocaleString('nl-NL')} events/s published (acked by JetStream, file storage)`,
  );
  fs.mkdirSync('bench/results', { recursive: true });
  const bestand = `bench/results/relay-${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')}.json`;
  fs.writeFileSync(
    bestand,
    JSON.stringify(
      { datum: new Date().toISOString(), events: N, seconden, eventsPerSeconde: Math.round(N / seconden), verloop: punten },
      null,
      2,
    ),
  );
  console.log(`written ${bestand}`);
  await app.close();
  await nc.close();
  await pool.end();
} finally {
  await nats.dispose();
  await db.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
