import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@sd/testing';
import { describeEventStoreContract } from '../event-store.contract.js';
import type { RecordedEvent } from '../event-store.port.js';
import { PostgresEventStore } from './postgres-event-store.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describeEventStoreContract('postgres', async () => new PostgresEventStore(db.pool));

describe('PostgreSQL event store: ordering under concurrent appenders', () => {
  /**
   * Appenders hold their transaction open for a random time after appending, some roll back,
   * while a reader polls readAll from its last position. A naive `global_position > p` reader
   * skips events of slow transactions here; the reader must see every committed event once, in
   * order.
   */
  it('never hands a reader an event below a position it has already passed', async () => {
    const store = new PostgresEventStore(db.pool);
    const start = await store.headPosition();
    const appenders = 12;
    const appendsEach = 25;
    const committed = new Set<string>();
    let done = false;

    const appender = async (n: number) => {
      const client = await db.pool.connect();
      try {
        for (let i = 0; i < appendsEach; i++) {
          const ids = [randomUUID(), randomUUID()];
          await client.query('BEGIN');
          await client.query(
            `SELECT * FROM es_append($1, 'test', 'GM0005', 0, $2::uuid[], $3::text[], $4::integer[], $5::jsonb[],
                                     '{}'::jsonb, 'appender', 'c', NULL)`,
            [`order-${n}-${i}`, ids, ['E', 'E'], [1, 1], ['{}', '{}']],
          );
          await sleep(Math.random() * 15);
          if (Math.random() < 0.1) {
            await client.query('ROLLBACK');
          } else {
            await client.query('COMMIT');
            ids.forEach((id) => committed.add(id));
          }
        }
      } finally {
        client.release();
      }
    };

    const seen: RecordedEvent[] = [];
    const reader = async () => {
      let after = start;
      for (;;) {
        const finished = done;
        const batch = await store.readAll({ after, limit: 7 });
        for (const e of batch) {
          expect(e.globalPosition).toBeGreaterThan(after);
          after = e.globalPosition;
          seen.push(e);
        }
        if (batch.length === 0) {
          if (finished) return;
          await sleep(1);
        }
      }
    };

    const reading = reader();
    await Promise.all(Array.from({ length: appenders }, (_, n) => appender(n)));
    done = true;
    await reading;

    const seenIds = seen.map((e) => e.eventId);
    expect(new Set(seenIds).size).toBe(seenIds.length); // exactly once
    expect(new Set(seenIds)).toEqual(committed); // nothing skipped, nothing rolled back shown
    expect(committed.size).toBeGreaterThan(appenders * appendsEach); // the run did real work
  });
});
