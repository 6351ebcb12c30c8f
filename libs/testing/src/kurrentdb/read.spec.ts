import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  BACKWARDS,
  binaryEvent,
  END,
  eventTypeFilter,
  jsonEvent,
  NO_STREAM,
  START,
  StreamNotFoundError,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { kurrentDbVoorSpec } from './kurrentdb-voor-spec.js';

/** Reads through the official client, whose reads go through its native bridge. */
describe('KurrentDB test server: read', () => {
  const k = kurrentDbVoorSpec();
  const run = randomUUID().slice(0, 8);
  const streamA = `kdb${run}-a`;
  const streamB = `kdb${run}-b`;

  beforeAll(async () => {
    const events = (n: number, type: string) =>
      Array.from({ length: n }, (_, i) => jsonEvent({ type, data: { i }, metadata: { gemeente: '0363', i } }));
    await k.client.appendToStream(streamA, events(3, 'Aangemeld'), { streamState: NO_STREAM });
    await k.client.appendToStream(streamB, events(2, 'Beschikt'), { streamState: NO_STREAM });
    await k.client.appendToStream(streamA, events(1, 'Beschikt'), { streamState: 2n });
  });

  const readStream = async (stream: string, options?: ReadStreamOptions) => {
    const events: ResolvedEvent[] = [];
    for await (const e of k.client.readStream(stream, options)) events.push(e);
    return events;
  };
  const readAll = async (options?: ReadAllOptions) => {
    const events: AllStreamResolvedEvent[] = [];
    for await (const e of k.client.readAll(options)) events.push(e);
    return events.filter((e) => e.event?.streamId.startsWith(`kdb${run}`));
  };
  const revisions = (events: ResolvedEvent[]) => events.map((e) => e.event?.revision);

  it('reads a stream forwards, backwards, from a revision, with a max count', async () => {
    expect(revisions(await readStream(streamA))).toEqual([0n, 1n, 2n, 3n]);
    expect(revisions(await readStream(streamA, { fromRevision: 1n, maxCount: 2 }))).toEqual([1n, 2n]);
    expect(revisions(await readStream(streamA, { direction: BACKWARDS, fromRevision: END }))).toEqual([3n, 2n, 1n, 0n]);
    expect(revisions(await readStream(streamA, { direction: BACKWARDS, fromRevision: 2n, maxCount: 2 }))).toEqual([2n, 1n]);
    expect(revisions(await readStream(streamA, { fromRevision: 10n }))).toEqual([]);
  });

  it('raises StreamNotFoundError for a stream without events', async () => {
    await expect(readStream(`kdb${run}-missing`)).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('returns type, content type, data, custom metadata and a server-set created', async () => {
    const stream = `kdb${run}-meta`;
    const before = Date.now();
    await k.client.appendToStream(stream, [
      jsonEvent({ type: 'Json', data: { a: 1 }, metadata: { actor: 'x' } }),
      binaryEvent({ type: 'Bytes', data: Uint8Array.from([1, 2, 3]), metadata: Uint8Array.from([9, 8]) }),
    ]);
    const after = Date.now();
    const [json, bytes] = (await readStream(stream)).map((e) => e.event!);
    expect(json).toMatchObject({ type: 'Json', isJson: true, data: { a: 1 }, metadata: { actor: 'x' }, streamId: stream });
    expect(bytes).toMatchObject({ type: 'Bytes', isJson: false });
    expect(Buffer.from(bytes.data as Uint8Array)).toEqual(Buffer.from([1, 2, 3]));
    expect(Buffer.from(bytes.metadata as Uint8Array)).toEqual(Buffer.from([9, 8]));
    // The bridge's Rust client keeps whole seconds of `created` (ticks / 10^7,
    // kurrentdb/src/event_store/generated.rs), so that is all a read can show.
    for (const e of [json, bytes]) {
      expect(e.created.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(e.created.getTime()).toBeLessThanOrEqual(after);
      expect(e.created.getMilliseconds()).toBe(0);
    }
    // The server itself records 100 ns ticks.
    const logged = k.server.log.stream(stream)![0].created;
    expect(logged).toBeGreaterThanOrEqual(BigInt(before) * 10_000n);
    expect(logged).toBeLessThanOrEqual(BigInt(after) * 10_000n);
  });

  it('gives $all positions as sparse, increasing byte offsets, commit = prepare per event', async () => {
    const events = (await readAll()).map((e) => e.event!).filter((e) => [streamA, streamB].includes(e.streamId));
    expect(events.map((e) => e.streamId)).toEqual([streamA, streamA, streamA, streamB, streamB, streamA]);
    const commits = events.map((e) => e.position.commit);
    for (const e of events) expect(e.position.prepare).toBe(e.position.commit);
    for (let i = 1; i < commits.length; i++) expect(commits[i] - commits[i - 1]).toBeGreaterThan(100n);
    expect(commits[0]).toBeGreaterThan(0n);
  });

  it('answers an append with the position of its last event, and each event of it has its own', async () => {
    const stream = `kdb${run}-pos`;
    const result = await k.client.appendToStream(stream, [jsonEvent({ type: 'X', data: {} }), jsonEvent({ type: 'Y', data: {} })]);
    const [x, y] = (await readStream(stream)).map((e) => e.event!.position!);
    expect(result.position).toEqual(y);
    expect(x.commit).toBeLessThan(y.commit);
  });

  it('reads $all from a position (inclusive forwards, exclusive backwards), from the end, with a max count', async () => {
    const all = (await readAll()).filter((e) => [streamA, streamB].includes(e.event!.streamId));
    const third = all[2].event!.position;
    const forwards = await readAll({ fromPosition: third, maxCount: 2 });
    expect(forwards.map((e) => e.event!.position)).toEqual([third, all[3].event!.position]);
    const backwards = await readAll({ fromPosition: third, direction: BACKWARDS });
    expect(backwards.map((e) => e.event!.position)).toEqual([all[1].event!.position, all[0].event!.position]);
    const newest = k.server.log.all[k.server.log.all.length - 1];
    const fromEnd = await readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 });
    expect(fromEnd.map((e) => e.event!.id)).toEqual([newest.eventId]);
    expect((await readAll({ fromPosition: START })).length).toBeGreaterThanOrEqual(all.length);
  });

  it('gets from the bridge a direction that follows START and END, whatever was asked', async () => {
    // The Rust client's ReadAllOptions.position(End) sets Backward and position(Start) sets
    // Forward (kurrentdb/src/options/read_all.rs), after the bridge has set the direction.
    const newest = k.server.log.all[k.server.log.all.length - 1];
    const [first] = await readAll({ fromPosition: END, maxCount: 1 });
    expect(first.event!.id).toBe(newest.eventId);
    const [oldest] = await readAll({ fromPosition: START, direction: BACKWARDS, maxCount: 1 });
    expect(oldest.event!.streamId).toBe(streamA);
    expect(oldest.event!.revision).toBe(0n);
    // Same for streams (read_stream.rs); the client's default fromRevision is START.
    expect(revisions(await readStream(streamA, { direction: BACKWARDS }))).toEqual([0n, 1n, 2n, 3n]);
  });

  it('hides $epoch-information from $all, as the default $all filter does', async () => {
    const streams = [];
    for await (const e of k.client.readAll()) streams.push(e.event?.streamId);
    expect(streams).not.toContain('$epoch-information');
  });

  it('filters $all on the server by stream-name prefix or regex and event-type prefix or regex', async () => {
    const streamsOf = (events: AllStreamResolvedEvent[]) => events.map((e) => e.event!.streamId);
    const typesOf = (events: AllStreamResolvedEvent[]) => events.map((e) => e.event!.type);
    expect(streamsOf(await readAll({ filter: streamNameFilter({ prefixes: [streamB] }) }))).toEqual([streamB, streamB]);
    expect(streamsOf(await readAll({ filter: streamNameFilter({ regex: `^kdb${run}-b$` }) }))).toEqual([streamB, streamB]);
    const beschikt = await readAll({ filter: eventTypeFilter({ prefixes: ['Besch'] }) });
    expect(typesOf(beschikt)).toEqual(['Beschikt', 'Beschikt', 'Beschikt']);
    const aangemeld = await readAll({ filter: eventTypeFilter({ regex: 'meld' }), direction: BACKWARDS, fromPosition: END });
    expect(typesOf(aangemeld)).toEqual(['Aangemeld', 'Aangemeld', 'Aangemeld']);
    expect(aangemeld[0].event!.revision).toBe(2n);
  });

  it('refuses to read $all from a position inside a record', async () => {
    const [first] = await readAll();
    const inside = { commit: first.event!.position.commit + 1n, prepare: first.event!.position.commit + 1n };
    await expect(readAll({ fromPosition: inside })).rejects.toThrow(/invalid position/);
  });

  it('is reached the way the client reaches a real server: features first, appends by BatchAppend', () => {
    expect(k.server.calls).toContain('ServerFeatures/GetSupportedMethods');
    expect(k.server.calls).toContain('Streams/BatchAppend');
    expect(k.server.calls).not.toContain('Streams/Append');
    // A single-host connection string needs no cluster discovery.
    expect(k.server.calls).not.toContain('Gossip/Read');
  });
});
