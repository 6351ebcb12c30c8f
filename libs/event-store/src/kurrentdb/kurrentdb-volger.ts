import { END, type Filter, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { globalePositie, type KurrentRecorded } from './kurrentdb-mapping.js';

/**
 * Calls `nieuw` with the position of each event appended from now on: a live subscription to
 * `$all` (one long call, server-filtered), for waking readers. Dropped, it subscribes again after a
 * pause (doubling to 5 s) and calls `nieuw()` once for what it missed.
 */
export function volgNieuweEvents(client: KurrentDBClient, filter: Filter, nieuw: (positie?: number) => void): { stop(): Promise<void> } {
  let gestopt = false;
  let wacht = 100;
  let sub: ReturnType<KurrentDBClient['subscribeToAll']> | undefined;
  const start = (opnieuw: boolean) => {
    if (gestopt) return;
    sub = client.subscribeToAll({ fromPosition: END, filter });
    sub.on('confirmation', () => {
      wacht = 100;
      if (opnieuw) nieuw();
    });
    sub.on('data', (r: { event?: KurrentRecorded }) => {
      if (r.event) nieuw(globalePositie(r.event.position, r.event));
    });
    sub.on('error', () => {
      if (gestopt) return;
      setTimeout(() => start(true), wacht).unref();
      wacht = Math.min(wacht * 2, 5_000);
    });
  };
  start(false);
  return {
    stop: async () => {
      gestopt = true;
      await sub?.unsubscribe();
    },
  };
}
