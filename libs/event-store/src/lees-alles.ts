import type { EventStore, ReadAllOptions, RecordedEvent } from './event-store.port.js';

/** Every event after a position (with readAll's filters), batch by batch, as one sequence. */
export async function* leesAlles(store: EventStore, options: Omit<ReadAllOptions, 'limit'>, batch = 1_000): AsyncGenerator<RecordedEvent> {
  for (let after = options.after; ;) {
    const events = await store.readAll({ ...options, after, limit: batch });
    yield* events;
    if (events.length < batch) return;
    after = events[events.length - 1].globalPosition;
  }
}
