/**
 * Seeding a history through the event store port, with kennisdata along the way: one append at a
 * time, as the apps append (the herbouw-crash e2e test seeds with it). The benchmarks seed in bulk
 * with the same rules (bulk-seed.ts).
 */
import type pg from 'pg';
import type { PostgresEventStore } from '@sd/event-store';
import { type Append, iso } from './history.js';

export interface Kennisdatum {
  label: string;
  /**
   * An instant at which every append up to `positie` is known and no later one: here the database
   * clock once they had committed; in a bulk seed the recorded_at of the last of them.
   */
  instant: string;
  positie: number;
  /** The registration day of the last append before it. */
  registratiesTot: string;
}

/**
 * Appends the whole history with `concurrency` appends in flight (appends to one stream wait for
 * each other: the expected version must hold) and records two kennisdata: `k50` after 50 % and
 * `k80` after 80 % of the events, each once every earlier append has committed.
 */
export async function seedHistorie(
  store: PostgresEventStore,
  admin: pg.Pool,
  appends: Append[],
  concurrency: number,
  klaar: (events: number) => void,
): Promise<Kennisdatum[]> {
  const totaal = appends.reduce((t, a) => t + a.events.length, 0);
  const grenzen: { label: string; index: number }[] = [];
  const doelen = [
    { label: 'k50', fractie: 0.5 },
    { label: 'k80', fractie: 0.8 },
  ];
  for (let i = 0, som = 0, d = 0; i < appends.length && d < doelen.length; i++) {
    som += appends[i].events.length;
    if (som >= doelen[d].fractie * totaal) grenzen.push({ label: doelen[d++].label, index: i + 1 });
  }
  const kennisdata: Kennisdatum[] = [];
  let vanaf = 0;
  for (const grens of [...grenzen, { label: '', index: appends.length }]) {
    await voegToe(store, appends, vanaf, grens.index, concurrency, klaar);
    vanaf = grens.index;
    if (grens.label) {
      const { rows } = await admin.query<{ nu: Date; positie: string }>(
        `SELECT clock_timestamp() AS nu, (SELECT max(global_position) FROM es_events) AS positie`,
      );
      kennisdata.push({
        label: grens.label,
        instant: rows[0].nu.toISOString(),
        positie: Number(rows[0].positie),
        registratiesTot: iso(Math.floor(appends[grens.index - 1].reg)),
      });
      await new Promise((r) => setTimeout(r, 5)); // later appends get a later recordedAt
    }
  }
  return kennisdata;
}

/** Appends appends[from, to) through the port with `concurrency` in flight, one stream at a time. */
async function voegToe(
  store: PostgresEventStore,
  lijst: Append[],
  from: number,
  to: number,
  concurrency: number,
  klaar: (events: number) => void,
): Promise<void> {
  let volgende = from;
  const lopend = new Map<string, Promise<unknown>>();
  const werker = async () => {
    while (volgende < to) {
      const a = lijst[volgende++];
      const vorige = lopend.get(a.streamId);
      const p = (async () => {
        if (vorige) await vorige;
        await store.append(a.streamId, a.versie === 0 ? 'no-stream' : a.versie, a.events, {
          streamType: a.streamType,
          gemeente: a.gemeente,
          actorId: `bench-consulent-${a.gemeente}`,
          correlationId: a.correlationId,
          metadata: { requestHash: a.requestHash },
        });
      })();
      lopend.set(a.streamId, p);
      await p;
      if (lopend.get(a.streamId) === p) lopend.delete(a.streamId);
      klaar(a.events.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, werker));
}
