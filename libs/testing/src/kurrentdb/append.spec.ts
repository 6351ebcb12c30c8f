import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ANY, jsonEvent, NO_STREAM, STREAM_EXISTS, WrongExpectedVersionError, type ResolvedEvent } from '@kurrent/kurrentdb-client';
import { kurrentDbVoorSpec } from './kurrentdb-voor-spec.js';

/** Appends through the official client (Streams.BatchAppend, as the server advertises it). */
describe('KurrentDB test server: append', () => {
  const k = kurrentDbVoorSpec();

  const event = (type = 'Registered', id = randomUUID()) => jsonEvent({ id, type, data: { at: id } });
  const read = async (stream: string) => {
    const events: ResolvedEvent[] = [];
    for await (const e of k.client.readStream(stream)) events.push(e);
    return events;
  };

  it('appends to a new stream with no_stream; revisions start at 0', async () => {
    const stream = `case-${randomUUID()}`;
    const result = await k.client.appendToStream(stream, [event(), event()], { streamState: NO_STREAM });
    expect(result.success).toBe(true);
    expect(result.nextExpectedRevision).toBe(1n);
    expect((await read(stream)).map((e) => e.event?.revision)).toEqual([0n, 1n]);
  });

  it('refuses no_stream on an existing stream with the current revision', async () => {
    const stream = `case-${randomUUID()}`;
    await k.client.appendToStream(stream, event(), { streamState: NO_STREAM });
    const error = await k.client.appendToStream(stream, event(), { streamState: NO_STREAM }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect((error as WrongExpectedVersionError).actualState).toBe(0n);
    expect((error as WrongExpectedVersionError).expectedState).toBe(NO_STREAM);
  });

  it('checks an exact revision and reports no_stream for a missing stream', async () => {
    const stream = `case-${randomUUID()}`;
    const missing = await k.client.appendToStream(stream, event(), { streamState: 0n }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(WrongExpectedVersionError);
    expect((missing as WrongExpectedVersionError).actualState).toBe(NO_STREAM);
    await k.client.appendToStream(stream, [event(), event()], { streamState: NO_STREAM });
    await expect(k.client.appendToStream(stream, event(), { streamState: 0n })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    const ok = await k.client.appendToStream(stream, event(), { streamState: 1n });
    expect(ok.nextExpectedRevision).toBe(2n);
  });

  it('checks stream_exists and lets any through', async () => {
    const stream = `case-${randomUUID()}`;
    await expect(k.client.appendToStream(stream, event(), { streamState: STREAM_EXISTS })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    await k.client.appendToStream(stream, event(), { streamState: ANY });
    const result = await k.client.appendToStream(stream, event(), { streamState: STREAM_EXISTS });
    expect(result.nextExpectedRevision).toBe(1n);
  });

  it('writes a multi-event append atomically: a conflict writes none of it', async () => {
    const stream = `case-${randomUUID()}`;
    await k.client.appendToStream(stream, event(), { streamState: NO_STREAM });
    await expect(k.client.appendToStream(stream, [event(), event(), event()], { streamState: 5n })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect(await read(stream)).toHaveLength(1);
  });

  it('answers a retry of the same event ids at the same expected revision with the original result, writing nothing', async () => {
    const stream = `case-${randomUUID()}`;
    const batch = [event(), event(), event()];
    const first = await k.client.appendToStream(stream, batch, { streamState: NO_STREAM });
    const retry = await k.client.appendToStream(stream, batch, { streamState: NO_STREAM });
    expect(retry).toEqual(first);
    await k.client.appendToStream(stream, event(), { streamState: 2n });
    const exact = await k.client.appendToStream(stream, batch, { streamState: NO_STREAM });
    expect(exact).toEqual(first);
    expect(await read(stream)).toHaveLength(4);
  });

  it('refuses a retry whose ids only partly match what was written', async () => {
    const stream = `case-${randomUUID()}`;
    const [a, b] = [event(), event()];
    await k.client.appendToStream(stream, [a, b], { streamState: NO_STREAM });
    await expect(k.client.appendToStream(stream, [a, event()], { streamState: NO_STREAM })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    // A prefix of the original append is idempotent too, answered with its own last event.
    const prefix = await k.client.appendToStream(stream, [a], { streamState: NO_STREAM });
    expect(prefix.nextExpectedRevision).toBe(0n);
    expect(await read(stream)).toHaveLength(2);
  });

  it('with any, recognises an already written append by its ids', async () => {
    const stream = `case-${randomUUID()}`;
    const batch = [event(), event()];
    const first = await k.client.appendToStream(stream, batch, { streamState: ANY });
    await k.client.appendToStream(stream, event(), { streamState: ANY });
    const retry = await k.client.appendToStream(stream, batch, { streamState: ANY });
    expect(retry).toEqual(first);
    expect(await read(stream)).toHaveLength(3);
  });

  it('writes the same ids again when the expected revision is the stream end (no idempotency there)', async () => {
    const stream = `case-${randomUUID()}`;
    const e = event();
    await k.client.appendToStream(stream, e, { streamState: NO_STREAM });
    const again = await k.client.appendToStream(stream, e, { streamState: 0n });
    expect(again.nextExpectedRevision).toBe(1n);
    expect((await read(stream)).map((r) => r.event?.id)).toEqual([e.id, e.id]);
  });

  it('answers the same over Streams.Append, which the client uses when an append carries credentials', async () => {
    const stream = `case-${randomUUID()}`;
    const credentials = { username: 'admin', password: 'changeit' };
    const batch = [event(), event()];
    const calls = k.server.calls.length;
    const first = await k.client.appendToStream(stream, batch, { streamState: NO_STREAM, credentials });
    expect(k.server.calls.slice(calls)).toEqual(['Streams/Append']);
    expect(first.nextExpectedRevision).toBe(1n);
    expect(await k.client.appendToStream(stream, batch, { streamState: NO_STREAM, credentials })).toEqual(first);
    const error = await k.client
      .appendToStream(stream, event(), { streamState: 0n, credentials })
      .catch((e: unknown) => e as WrongExpectedVersionError);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ actualState: 1n, expectedState: 0n });
    expect(await read(stream)).toHaveLength(2);
  });
});
