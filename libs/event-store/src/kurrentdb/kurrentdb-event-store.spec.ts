import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { startKurrentDbTestServer, type KurrentDbTestServer } from '@sd/testing';
import { describeEventStoreContract } from '../event-store.contract.js';
import { ClientVergetenError } from '../versleuteling/sleutelkluis.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

/**
 * The contract against KurrentDB: a real server at KURRENTDB_URL (`npm run test:kurrentdb`), else
 * the test server in libs/testing that speaks its gRPC protocol to the official client.
 */
let server: KurrentDbTestServer | undefined;
let client: KurrentDBClient;
beforeAll(async () => {
  const url = process.env.KURRENTDB_URL ?? (server = await startKurrentDbTestServer()).url;
  client = KurrentDBClient.connectionString(url);
});
afterAll(async () => {
  await client.dispose();
  await server?.stop();
});

describeEventStoreContract('kurrentdb', async () => new KurrentDbEventStore(client), { uniekeEventIds: false });

describe('KurrentDB event store', () => {
  const context = { streamType: 'voorziening', gemeente: 'GM0005', actorId: 'u', correlationId: randomUUID() };
  const event = (data: Record<string, unknown> = {}) => ({ eventId: randomUUID(), type: 'Iets', schemaVersion: 2, data });

  it('takes the global position from $all (sparse, increasing) and recordedAt from the server', async () => {
    const store = new KurrentDbEventStore(client);
    const start = await store.headPosition();
    const a = await store.append(`test-${randomUUID()}`, 'no-stream', [event()], context);
    const b = await store.append(`test-${randomUUID()}`, 'no-stream', [event()], context);
    expect(a.lastPosition).toBeGreaterThan(start);
    expect(b.lastPosition - a.lastPosition).toBeGreaterThan(1); // a byte offset in the log, not a counter
    const [e] = await store.readAll({ after: a.lastPosition, limit: 1 });
    expect(e.globalPosition).toBe(b.lastPosition);
    expect(e.schemaVersion).toBe(2);
  });

  it('lists the streams begun about a client, and the gemeenten, from its own index streams only', async () => {
    const store = new KurrentDbEventStore(client);
    const clientId = randomUUID();
    const v = `voorziening-${randomUUID()}`;
    await store.append(v, 'no-stream', [event({ clientId })], context);
    await store.append(v, 1, [event({ clientId })], context);
    await store.append(`client-${clientId}`, 'no-stream', [event({ clientId })], { ...context, streamType: 'client' });
    expect(await store.streamsAbout(clientId)).toEqual([{ streamId: v, streamType: 'voorziening' }]);
    expect(await store.gemeenten()).toContain('GM0005');
    const head = await store.headPosition();
    const all = await store.readAll({ after: 0, limit: 100_000, upTo: head });
    expect(all.some((e) => e.streamId.startsWith('sd-'))).toBe(false);
  });

  it('keeps environments under different prefixes apart on one server', async () => {
    const [a, b] = [new KurrentDbEventStore(client, { prefix: 'acceptatie-' }), new KurrentDbEventStore(client, { prefix: 'productie-' })];
    const id = `voorziening-${randomUUID()}`;
    const ctx = { ...context, gemeente: `GM${randomUUID().slice(0, 6)}` };
    await a.append(id, 'no-stream', [event({ clientId: 'c' })], ctx);
    expect(await b.readStream(id)).toEqual([]);
    await b.append(id, 'no-stream', [event()], ctx); // the same id, another stream
    const [inA] = await a.readStream(id);
    expect(inA.streamId).toBe(id);
    const vanB = await b.readAll({ after: 0, limit: 100_000, gemeente: ctx.gemeente });
    expect(vanB).toHaveLength(1);
    expect(vanB[0].eventId).not.toBe(inA.eventId);
    const typen = await b.readAll({ after: 0, limit: 100_000, types: ['Iets'] });
    expect(typen.some((e) => e.eventId === inA.eventId)).toBe(false);
    expect((await b.readStreams({ gemeente: ctx.gemeente, upTo: Number.MAX_SAFE_INTEGER, limit: 10 })).events).toHaveLength(1);
  });

  it('tells a follower the position of each new event, and nothing of what was there before', async () => {
    const store = new KurrentDbEventStore(client);
    await store.append(`test-${randomUUID()}`, 'no-stream', [event()], context);
    const gezien: (number | undefined)[] = [];
    const volger = store.volgNieuwe((p) => gezien.push(p));
    await new Promise((r) => setTimeout(r, 200));
    const a = await store.append(`test-${randomUUID()}`, 'no-stream', [event(), event()], context);
    for (let i = 0; i < 100 && !gezien.includes(a.lastPosition); i++) await new Promise((r) => setTimeout(r, 20));
    await volger.stop();
    expect(gezien).toHaveLength(2);
    expect(gezien[1]).toBe(a.lastPosition);
  });

  it('refuses an append naming a forgotten client, as es_append does', async () => {
    const vergeten = randomUUID();
    const store = new KurrentDbEventStore(client, { isVergeten: async (id) => id === vergeten });
    const id = `test-${randomUUID()}`;
    await expect(store.append(id, 'no-stream', [event()], { ...context, metadata: { betrokkene: vergeten } })).rejects.toBeInstanceOf(
      ClientVergetenError,
    );
    expect(await store.readStream(id)).toEqual([]);
    await store.append(id, 'no-stream', [event()], { ...context, metadata: { betrokkene: randomUUID() } });
  });
});
