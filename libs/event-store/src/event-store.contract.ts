import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { type AppendContext, DuplicateEventError, type EventStore, type NewEvent, WrongExpectedVersionError } from './event-store.port.js';

/**
 * The behaviour every EventStore adapter must have. Each adapter's spec calls this with a factory
 * that gives a store over an empty database.
 */
export interface ContractOpties {
  /**
   * Whether an event id is unique across all streams (PostgreSQL: a unique index). KurrentDB only
   * recognises a retry within one stream, at the same expected version.
   */
  uniekeEventIds: boolean;
}

export function describeEventStoreContract(
  adapter: string,
  makeStore: () => Promise<EventStore>,
  opties: ContractOpties = { uniekeEventIds: true },
): void {
  const context = (over: Partial<AppendContext> = {}): AppendContext => ({
    streamType: 'test',
    gemeente: 'GM0005',
    actorId: 'user-1',
    correlationId: randomUUID(),
    ...over,
  });
  const event = (type = 'Iets', data: Record<string, unknown> = {}): NewEvent => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
  });
  const stream = () => `test-${randomUUID()}`;

  describe(`EventStore contract: ${adapter}`, () => {
    it('appends to a new stream and reads it back with every envelope field', async () => {
      const store = await makeStore();
      const id = stream();
      const e = event('ClientGeregistreerd', { geslacht: 'vrouw', nested: { a: [1, 2] } });
      const ctx = context({ causationId: 'cmd-9', metadata: { requestHash: 'abc' } });
      const res = await store.append(id, 'no-stream', [e], ctx);
      expect(res.nextExpectedVersion).toBe(1);

      const [read] = await store.readStream(id);
      expect(read).toMatchObject({
        eventId: e.eventId,
        streamId: id,
        streamType: 'test',
        streamVersion: 1,
        globalPosition: res.lastPosition,
        type: 'ClientGeregistreerd',
        schemaVersion: 1,
        data: { geslacht: 'vrouw', nested: { a: [1, 2] } },
        gemeente: 'GM0005',
        actorId: 'user-1',
        correlationId: ctx.correlationId,
        causationId: 'cmd-9',
        metadata: { requestHash: 'abc' },
      });
      expect(read.recordedAt).toBeInstanceOf(Date);
      expect(Math.abs(read.recordedAt.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it('returns each stored event its own increasing global position', async () => {
      const store = await makeStore();
      const id = stream();
      const res = await store.append(id, 'no-stream', [event(), event(), event()], context());
      expect(res.nextExpectedVersion).toBe(3);
      const read = await store.readStream(id);
      const positions = read.map((r) => r.globalPosition);
      expect(read.map((r) => r.streamVersion)).toEqual([1, 2, 3]);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(positions).size).toBe(3);
      expect(positions[2]).toBe(res.lastPosition);
      expect((await store.readStream(id, { fromVersion: 2 })).map((r) => r.streamVersion)).toEqual([2, 3]);
    });

    it('refuses no-stream on an existing stream and a stale exact version, appending nothing', async () => {
      const store = await makeStore();
      const id = stream();
      await store.append(id, 'no-stream', [event()], context());
      await expect(store.append(id, 'no-stream', [event()], context())).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(store.append(id, 0, [event()], context())).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(store.append(id, 2, [event()], context())).rejects.toMatchObject({ actual: 1, streamId: id });
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('appends at the exact current version and with any', async () => {
      const store = await makeStore();
      const id = stream();
      await store.append(id, 'no-stream', [event()], context());
      expect((await store.append(id, 1, [event()], context())).nextExpectedVersion).toBe(2);
      expect((await store.append(id, 'any', [event()], context())).nextExpectedVersion).toBe(3);
      expect((await store.append(stream(), 'any', [event()], context())).nextExpectedVersion).toBe(1);
    });

    it('stores a retried append (the same event ids at the same version) once, and finds it by its first event id', async () => {
      const store = await makeStore();
      const id = stream();
      const batch = [event(), event()];
      const first = await store.append(id, 'no-stream', batch, context());
      // Refused (PostgreSQL) or acknowledged as the same write (KurrentDB): never stored twice.
      const retry = await store.append(id, 'no-stream', batch, context()).catch((e: unknown) => e);
      if (!(retry instanceof DuplicateEventError || retry instanceof WrongExpectedVersionError)) expect(retry).toEqual(first);
      expect((await store.readStream(id)).map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId));
      expect(await store.findEvent(batch[0].eventId)).toMatchObject({ streamId: id, streamVersion: 1, eventId: batch[0].eventId });
      expect(await store.findEvent(randomUUID())).toBeNull();
    });

    if (opties.uniekeEventIds) {
      it('refuses an event id that is already stored in another stream, appending nothing of the batch', async () => {
        const store = await makeStore();
        const id = stream();
        const first = event();
        await store.append(id, 'no-stream', [first], context());
        const other = stream();
        await expect(store.append(other, 'no-stream', [event(), { ...first }], context())).rejects.toBeInstanceOf(DuplicateEventError);
        expect(await store.readStream(other)).toHaveLength(0);
        expect((await store.findEvent(first.eventId))?.streamId).toBe(id);
      });
    }

    it('appends a multi-event batch whole or not at all', async () => {
      const store = await makeStore();
      const id = stream();
      await store.append(id, 'no-stream', [event()], context());
      await expect(store.append(id, 5, [event(), event(), event()], context())).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('lets exactly one of two concurrent writers at the same version win', async () => {
      const store = await makeStore();
      const id = stream();
      await store.append(id, 'no-stream', [event()], context());
      const results = await Promise.allSettled([
        store.append(id, 1, [event('A')], context()),
        store.append(id, 1, [event('B')], context()),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('reads all events forward in global order, in batches from a position', async () => {
      const store = await makeStore();
      const start = await store.headPosition();
      const ids = [stream(), stream(), stream()];
      for (const id of ids) await store.append(id, 'no-stream', [event(), event()], context());
      const head = await store.headPosition();
      const seen: number[] = [];
      let after = start;
      for (;;) {
        const batch = await store.readAll({ after, limit: 4 });
        if (batch.length === 0) break;
        expect(batch.length).toBeLessThanOrEqual(4);
        seen.push(...batch.map((e) => e.globalPosition));
        after = batch[batch.length - 1].globalPosition;
      }
      expect(seen).toHaveLength(6);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      expect(seen[seen.length - 1]).toBe(head);
      const all = await store.readAll({ after: start, limit: 100 });
      expect(all.map((e) => e.streamId)).toEqual(ids.flatMap((id) => [id, id]));
    });

    it("reads one gemeente's events up to a position, and lists the gemeenten", async () => {
      const store = await makeStore();
      const start = await store.headPosition();
      const a = stream();
      const b = stream();
      await store.append(a, 'no-stream', [event('A1')], context({ gemeente: 'GM0014' }));
      await store.append(b, 'no-stream', [event('B1')], context({ gemeente: 'GM0034' }));
      await store.append(a, 1, [event('A2')], context({ gemeente: 'GM0014' }));
      const head = await store.headPosition();
      const alleen14 = await store.readAll({ after: start, limit: 10, gemeente: 'GM0014' });
      expect(alleen14.map((e) => e.type)).toEqual(['A1', 'A2']);
      const totB = await store.readAll({ after: start, limit: 10, upTo: head - 1 });
      expect(totB.map((e) => e.type)).toEqual(['A1', 'B1']);
      expect(await store.gemeenten()).toEqual(expect.arrayContaining(['GM0014', 'GM0034']));
      const lijst = await store.gemeenten();
      expect([...lijst].sort()).toEqual(lijst);
    });

    it("reads one gemeente's whole streams page by page, each once, up to a position", async () => {
      const store = await makeStore();
      const gemeente = `GM${randomUUID().slice(0, 6)}`; // its own: earlier tests share the store
      const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((p) => `test-${p}${randomUUID()}`) as [string, string, string, string];
      await store.append(c, 'no-stream', [event('C1')], context({ gemeente }));
      await store.append(a, 'no-stream', [event('A1'), event('A2')], context({ gemeente }));
      await store.append(stream(), 'no-stream', [event('X1')], context({ gemeente: 'GM0034' }));
      await store.append(b, 'no-stream', [event('B1')], context({ gemeente }));
      await store.append(c, 1, [event('C2')], context({ gemeente }));
      const upTo = await store.headPosition();
      await store.append(a, 2, [event('A3')], context({ gemeente }));
      await store.append(d, 'no-stream', [event('D1')], context({ gemeente }));

      /** The pages up to a position, as the types of each page's streams (a stream's events together, in stream order). */
      const pages = async (tot: number, limit: number) => {
        const out: string[][] = [];
        let cursor: string | undefined;
        for (let i = 0; i < 10; i++) {
          const page = await store.readStreams({ gemeente, upTo: tot, cursor, limit });
          expect(page.events.every((e) => e.gemeente === gemeente && e.globalPosition <= tot)).toBe(true);
          out.push(page.events.map((e) => e.type));
          if (page.next === null) return out;
          cursor = page.next;
        }
        throw new Error('readStreams never ended');
      };
      const perStream = (types: string[]) =>
        types
          .join('')
          .match(/([A-D])\d(\1\d)*/g)!
          .sort();
      const tweeTegelijk = await pages(upTo, 2);
      expect(tweeTegelijk.every((p) => new Set(p.map((t) => t[0])).size <= 2)).toBe(true);
      // d was begun after upTo: none of its events; the others whole, each stream once.
      expect(perStream(tweeTegelijk.flat())).toEqual(['A1A2', 'B1', 'C1C2']);
      expect(perStream((await pages(await store.headPosition(), 10)).flat())).toEqual(['A1A2A3', 'B1', 'C1C2', 'D1']);
      const alles = await store.readStreams({ gemeente, upTo: await store.headPosition(), limit: 10 });
      expect(alles.next).toBeNull();
      expect(alles.events.find((e) => e.type === 'A3')).toMatchObject({ streamId: a, streamVersion: 3, gemeente });
      await expect(store.readStreams({ gemeente, upTo, limit: 0 })).rejects.toThrow(RangeError);
    });

    it("finds the event at a position, and reads after any number, also one that is no event's position", async () => {
      const store = await makeStore();
      const id = stream();
      await store.append(id, 'no-stream', [event('P1'), event('P2')], context());
      const [p1, p2] = await store.readStream(id);
      expect((await store.eventAt(p2.globalPosition))?.eventId).toBe(p2.eventId);
      expect(await store.eventAt(p2.globalPosition + 1)).toBeNull();
      expect(await store.eventAt(0)).toBeNull();
      // KurrentDB's positions are byte offsets: one past p1 is inside its record.
      const tussen = p2.globalPosition - p1.globalPosition > 1 ? p1.globalPosition + 1 : p1.globalPosition;
      const na = await store.readAll({ after: tussen, limit: 1 });
      expect(na.map((e) => e.eventId)).toEqual([p2.eventId]);
    });

    it('keeps recordedAt to the millisecond: writes a few milliseconds apart are known apart', async () => {
      const store = await makeStore();
      const id = stream();
      const start = await store.headPosition();
      for (let v = 0; v < 3; v++) {
        await store.append(id, v, [event()], context());
        await new Promise((r) => setTimeout(r, 5));
      }
      const tijden = (await store.readStream(id)).map((e) => e.recordedAt.getTime());
      expect(tijden[1]).toBeGreaterThan(tijden[0]);
      expect(tijden[2]).toBeGreaterThan(tijden[1]);
      const viaAll = await store.readAll({ after: start, limit: 100 });
      expect(viaAll.filter((e) => e.streamId === id).map((e) => e.recordedAt.getTime())).toEqual(tijden);
    });

    it('stamps recordedAt in the order of global positions', async () => {
      const store = await makeStore();
      const start = await store.headPosition();
      for (let i = 0; i < 5; i++) await store.append(stream(), 'no-stream', [event()], context());
      const all = await store.readAll({ after: start, limit: 100 });
      for (let i = 1; i < all.length; i++) {
        expect(all[i].recordedAt.getTime()).toBeGreaterThanOrEqual(all[i - 1].recordedAt.getTime());
      }
    });
  });
}
