import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { encodeEvent } from '@sd/contracts';
import { PostgresEventStore } from '@sd/event-store';
import { createTestDatabase, spawnBuiltApp, startTestNats, type TestDatabase, type TestNats } from '@sd/testing';
import { freePort } from '../../../scripts/embedded-postgres.mjs';
import { leesStream } from './jetstream-lezer.js';

/**
 * The relay as its own process (the built dist/, as npm start runs it) is killed with SIGKILL at
 * random moments during a load, and NATS is stopped for a while in the middle. Afterwards the
 * JetStream stream holds every event exactly once, in order.
 */

let db: TestDatabase;
let nats: TestNats;
let store: PostgresEventStore;
let relay: ChildProcess | undefined;
let relayPort: number;

function startRelay(): void {
  relay = spawnBuiltApp('voorzieningen/src/relay.main.js', db, {
    NATS_URL: nats.url,
    RELAY_PORT: String(relayPort),
    RELAY_VENSTER: '64',
    LOG_LEVEL: 'silent',
  });
}

async function killRelay(): Promise<void> {
  if (!relay || relay.exitCode !== null) return;
  const exited = new Promise((r) => relay!.once('exit', r));
  relay.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  db = await createTestDatabase();
  nats = await startTestNats();
  store = new PostgresEventStore(db.pool);
  relayPort = await freePort();
});

afterAll(async () => {
  await killRelay();
  await nats?.dispose();
  await db?.drop();
});

describe('relay under SIGKILL and a NATS outage', () => {
  it('ends with every event in the stream exactly once, in order', async () => {
    startRelay();
    let laden = true;
    const streams = Array.from({ length: 40 }, () => `codelijst-${randomUUID()}`);
    const versies = new Map<string, number>();
    const last = (async () => {
      for (let ronde = 0; ronde < 60; ronde++) {
        await Promise.all(
          streams.map(async (streamId) => {
            const versie = versies.get(streamId) ?? 0;
            const event = {
              ...encodeEvent({
                type: 'ProductcategorieToegevoegd',
                data: { gemeente: 'GM0005', wet: 'wmo', code: `X${ronde}`, naam: 'belasting' },
              }),
              eventId: randomUUID(),
            };
            await store.append(streamId, versie === 0 ? 'no-stream' : versie, [event], {
              streamType: 'codelijst',
              gemeente: 'GM0005',
              actorId: 'load',
              correlationId: 'load',
            });
            versies.set(streamId, versie + 1);
          }),
        );
        await sleep(40);
      }
      laden = false;
    })();

    // chaos while the load runs: three SIGKILLs of the relay and a NATS outage of 1.5 s
    await sleep(300);
    await killRelay();
    await sleep(200);
    startRelay();
    await sleep(400);
    await nats.stop();
    await sleep(1500);
    await nats.start();
    await sleep(300);
    await killRelay();
    startRelay();
    await sleep(Math.random() * 400);
    await killRelay();
    await sleep(100);
    startRelay();
    await last;
    expect(laden).toBe(false);

    const totaal = streams.length * 60;
    let berichten = await leesStream(nats.url).catch(() => []);
    for (let i = 0; i < 300 && berichten.length < totaal; i++) {
      await sleep(100);
      berichten = await leesStream(nats.url).catch(() => []);
    }
    const events = await store.readAll({ after: 0, limit: 100_000 });
    expect(events).toHaveLength(totaal);
    expect(berichten.map((b) => b.msgId)).toEqual(events.map((e) => e.eventId));
    expect(new Set(berichten.map((b) => b.msgId)).size).toBe(totaal);
    const posities = berichten.map((b) => b.positie);
    expect(posities).toEqual([...posities].sort((a, b) => a - b));
  }, 120_000);
});
