import type { AllStreamSubscription, KurrentDBClient, ReadPosition, ReadRevision, StreamSubscription } from '@kurrent/kurrentdb-client';
import type { KurrentRecorded } from './kurrentdb-mapping.js';

/** How long a catch-up may go without a word from the server before it counts as stuck. */
const STIL_MS = 30_000;

/**
 * Reads events with their `created` to the millisecond. The client's reads (readStream, readAll)
 * go through its Rust bridge, which keeps whole seconds of `created` only, while recordedAt is the
 * kennisdatum axis and two writes within a second must stay apart; its catch-up subscriptions
 * (grpc-js) keep the ticks. So an event read is a catch-up subscription that stops at the server's
 * `caught-up` (KurrentDB 23.10 and later send it) or at `max` events. A subscription starts after
 * the position or revision it is given.
 */
export class KurrentLezer {
  constructor(private readonly client: KurrentDBClient) {}

  stream(naam: string, na: ReadRevision, max = Number.MAX_SAFE_INTEGER): Promise<KurrentRecorded[]> {
    return verzamel(this.client.subscribeToStream(naam, { fromRevision: na }), max);
  }

  all(na: ReadPosition, filter: Parameters<KurrentDBClient['subscribeToAll']>[0], max: number): Promise<KurrentRecorded[]> {
    return verzamel(this.client.subscribeToAll({ ...filter, fromPosition: na }), max);
  }
}

/**
 * The events up to caught-up. `caughtUp` is emitted while events before it may still wait in the
 * subscription's buffer: what is buffered then is still part of the catch-up.
 */
function verzamel(sub: StreamSubscription | AllStreamSubscription, max: number): Promise<KurrentRecorded[]> {
  return new Promise((resolve, reject) => {
    const out: KurrentRecorded[] = [];
    let ontvangen = 0;
    let tot = Number.POSITIVE_INFINITY;
    let klaar = false;
    let stil: NodeJS.Timeout;
    const waak = () => {
      clearTimeout(stil);
      stil = setTimeout(
        () => stop(new Error(`KurrentDB gaf na ${STIL_MS / 1000} s geen caught-up (nodig: KurrentDB 23.10 of later).`)),
        STIL_MS,
      );
    };
    const stop = (fout?: unknown) => {
      if (klaar) return;
      klaar = true;
      clearTimeout(stil);
      void sub.unsubscribe().catch(() => undefined);
      if (fout) reject(fout instanceof Error ? fout : new Error('KurrentDB-abonnement mislukt'));
      else resolve(out);
    };
    waak();
    sub.on('data', (r: { event?: KurrentRecorded }) => {
      if (klaar) return;
      ontvangen++;
      if (r.event) out.push(r.event);
      if (out.length >= max || ontvangen >= tot) stop();
      else waak();
    });
    sub.on('caughtUp', () => {
      tot = ontvangen + sub.readableLength;
      if (ontvangen >= tot) stop();
    });
    sub.on('error', (e) => stop(e));
    sub.on('end', () => stop());
  });
}
