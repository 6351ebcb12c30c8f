import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  END,
  eventTypeFilter,
  jsonEvent,
  KurrentDBClient,
  START,
  streamNameFilter,
  type AllStreamSubscription,
  type Position,
  type ResolvedEvent,
  type StreamSubscription,
} from '@kurrent/kurrentdb-client';
import { kurrentDbVoorSpec } from './kurrentdb-voor-spec.js';
import { startKurrentDbTestServer } from './server.js';

/** Catch-up subscriptions through the official client (these go over grpc-js, not the bridge). */
describe('KurrentDB test server: subscriptions', () => {
  const k = kurrentDbVoorSpec();

  const append = (stream: string, type: string, n = 1) =>
    k.client.appendToStream(
      stream,
      Array.from({ length: n }, (_, i) => jsonEvent({ type, data: { i } })),
    );
  /** Collects what a subscription delivers and says when it caught up. */
  const collect = (subscription: AllStreamSubscription | StreamSubscription) => {
    const seen: ResolvedEvent[] = [];
    let caughtUpAfter: number | undefined;
    const readable = subscription as StreamSubscription;
    readable.on('data', (e) => seen.push(e));
    readable.on('caughtUp', () => (caughtUpAfter = seen.length));
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(check()).toBe(true);
    };
    return { seen, caughtUp: () => caughtUpAfter, until };
  };

  it('catches up on $all with a filter, says so, then delivers live events', async () => {
    const prefix = `sub-${randomUUID().slice(0, 8)}-`;
    await append(`${prefix}1`, 'Aangemeld', 2);
    await append(`other-${randomUUID()}`, 'Aangemeld');
    const subscription = k.client.subscribeToAll({ fromPosition: START, filter: streamNameFilter({ prefixes: [prefix] }) });
    const { seen, caughtUp, until } = collect(subscription);
    await until(() => caughtUp() !== undefined);
    expect(caughtUp()).toBe(2);
    const before = Date.now();
    await append(`${prefix}2`, 'Beschikt');
    await until(() => seen.length === 3);
    expect(seen.map((e) => e.event!.streamId)).toEqual([`${prefix}1`, `${prefix}1`, `${prefix}2`]);
    // Over grpc-js the client turns `created` ticks into milliseconds (the bridge's reads keep seconds).
    expect(seen[2].event!.created.getTime()).toBeGreaterThanOrEqual(before);
    await subscription.unsubscribe();
  });

  it('starts after the given position (exclusive) or at the end', async () => {
    const stream = `sub-${randomUUID()}`;
    await append(stream, 'X', 3);
    const [, second] = k.server.log.stream(stream)!;
    const position: Position = { commit: second.position, prepare: second.position };
    const fromPosition = k.client.subscribeToAll({ fromPosition: position, filter: streamNameFilter({ prefixes: [stream] }) });
    const fromEnd = k.client.subscribeToAll({ fromPosition: END, filter: streamNameFilter({ prefixes: [stream] }) });
    const a = collect(fromPosition);
    const b = collect(fromEnd);
    await a.until(() => a.caughtUp() !== undefined);
    await b.until(() => b.caughtUp() !== undefined);
    await append(stream, 'Y');
    await a.until(() => a.seen.length === 2);
    await b.until(() => b.seen.length === 1);
    expect(a.seen.map((e) => e.event!.revision)).toEqual([2n, 3n]);
    expect(b.seen.map((e) => e.event!.revision)).toEqual([3n]);
    await fromPosition.unsubscribe();
    await fromEnd.unsubscribe();
  });

  it('sends checkpoints while a filter passes nothing, so a consumer learns how far it searched', async () => {
    const checkpoints: Position[] = [];
    const filter = eventTypeFilter({
      prefixes: [`Nothing-${randomUUID()}`],
      checkpointInterval: 1,
      checkpointReached: (_subscription, position) => void checkpoints.push(position),
    });
    const subscription = k.client.subscribeToAll({ fromPosition: START, filter });
    const { seen, caughtUp, until } = collect(subscription);
    await until(() => caughtUp() !== undefined);
    const atCatchUp = checkpoints.length;
    expect(atCatchUp).toBeGreaterThan(0);
    await append(`sub-${randomUUID()}`, 'Irrelevant', 40);
    // One checkpoint per 32 events looked at (interval 1 × the default search window).
    await until(() => checkpoints.length > atCatchUp);
    expect(seen).toEqual([]);
    const commits = checkpoints.map((p) => p.commit);
    expect([...commits].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(commits);
    expect(commits[commits.length - 1]).toBeLessThanOrEqual(k.server.log.end);
    await subscription.unsubscribe();
  });

  it('subscribes to one stream: catch-up from the start, then live', async () => {
    const stream = `sub-${randomUUID()}`;
    await append(stream, 'A', 2);
    const subscription = k.client.subscribeToStream(stream, { fromRevision: START });
    const { seen, caughtUp, until } = collect(subscription);
    await until(() => caughtUp() !== undefined);
    await append(stream, 'B');
    await until(() => seen.length === 3);
    expect(seen.map((e) => e.event!.revision)).toEqual([0n, 1n, 2n]);
    await subscription.unsubscribe();
  });

  it("stops while a subscription and the client's batch-append call are still open", async () => {
    const other = await startKurrentDbTestServer();
    const otherClient = KurrentDBClient.connectionString(other.url);
    await otherClient.appendToStream(`sub-${randomUUID()}`, jsonEvent({ type: 'A', data: {} }));
    const subscription = otherClient.subscribeToAll({ fromPosition: END });
    subscription.on('error', () => undefined);
    const { caughtUp, until } = collect(subscription);
    await until(() => caughtUp() !== undefined);
    const started = Date.now();
    await other.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    await otherClient.dispose();
  });
});
