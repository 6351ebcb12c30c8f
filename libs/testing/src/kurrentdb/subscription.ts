import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { defaultAllFilter, filterFrom, type EventFilter } from './event-filter.js';
import { streamName, streamsPb, timestampPb } from './protocol.js';
import { eventResponse } from './recorded-event.js';
import type { LoggedEvent, TransactionLog } from './transaction-log.js';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type Options = InstanceType<typeof streamsPb.ReadReq.Options>;

/** The page size the server's enumerators use; a filter's default search window. */
const DEFAULT_READ_BATCH_SIZE = 32;
const U64_MAX = (1n << 64n) - 1n;

/**
 * A catch-up subscription on Streams.Read (Enumerator.AllSubscription, AllSubscriptionFiltered,
 * StreamSubscription): a confirmation; the events after the start point (exclusive, unlike
 * reads); a `caught_up` message; then live events as they are committed, until the client
 * cancels. A filtered `$all` subscription also sends checkpoints: every
 * checkpointIntervalMultiplier × search window (`max`, or 32 when the window is `count`) events
 * the filter looked at, whether they passed or not, and once when it goes live, so a consumer
 * whose filter matches nothing still learns how far the log was searched.
 */
export function subscribe(log: TransactionLog, call: ServerWritableStream<ReadReq, ReadResp>, options: Options): void {
  const structured = options.getUuidOption()!.hasStructured();
  const toAll = options.hasAll();
  const filterOptions = options.getFilter();
  const filter: EventFilter | undefined = toAll ? (filterOptions ? filterFrom(filterOptions) : defaultAllFilter) : undefined;
  const interval = filterOptions
    ? (filterOptions.getCheckpointintervalmultiplier() || 1) * (filterOptions.hasMax() ? filterOptions.getMax() : DEFAULT_READ_BATCH_SIZE)
    : 0;
  const stream = toAll ? undefined : streamName(options.getStream()?.getStreamIdentifier());

  const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
  call.write(new streamsPb.ReadResp().setConfirmation(confirmation));

  // The last position (or revision) sent on: later events go out, earlier ones were seen.
  let after = startPoint(log, options);
  let considered = 0;
  let lastConsidered: bigint | undefined;

  const deliver = (events: readonly LoggedEvent[]) => {
    for (const event of events) {
      if (stream !== undefined) {
        if (event.streamId !== stream || (after !== undefined && event.revision <= after)) continue;
        call.write(eventResponse(event, structured));
        after = event.revision;
        continue;
      }
      if (after !== undefined && event.position <= after) continue;
      considered++;
      lastConsidered = event.position;
      if (filter!(event)) {
        call.write(eventResponse(event, structured));
        after = event.position;
      }
      if (interval > 0 && considered >= interval) {
        considered %= interval;
        checkpoint(event.position);
      }
    }
  };
  const checkpoint = (position: bigint) => {
    const p = position.toString();
    const message = new streamsPb.ReadResp.Checkpoint().setCommitPosition(p).setPreparePosition(p).setTimestamp(now());
    call.write(new streamsPb.ReadResp().setCheckpoint(message));
  };

  // The catch-up goes out at the pace the client reads (a real server pages it the same way); the
  // live part starts in the same tick the catch-up ends, so no append falls between the two.
  let closed = false;
  let stop: () => void = () => undefined;
  const close = () => {
    closed = true;
    stop();
  };
  call.on('cancelled', close);
  call.on('close', close);
  call.on('error', close);
  void (async () => {
    const source = () => (stream !== undefined ? (log.stream(stream) ?? []) : log.all);
    for (let i = stream !== undefined || after === undefined ? 0 : firstAfter(log.all, after); i < source().length; i++) {
      if (closed) return;
      deliver([source()[i]]);
      if (call.writableNeedDrain) await new Promise((resolve) => call.once('drain', resolve));
    }
    if (closed) return;
    if (filterOptions && lastConsidered !== undefined) checkpoint(lastConsidered);
    const caughtUp = new streamsPb.ReadResp.CaughtUp().setTimestamp(now());
    if (after !== undefined && after >= 0n && stream !== undefined) caughtUp.setStreamRevision(after.toString());
    if (after !== undefined && stream === undefined) {
      const reached = (filterOptions && lastConsidered !== undefined ? lastConsidered : after).toString();
      caughtUp.setPosition(new streamsPb.ReadResp.Position().setCommitPosition(reached).setPreparePosition(reached));
    }
    call.write(new streamsPb.ReadResp().setCaughtUp(caughtUp));
    stop = log.onAppend(deliver);
  })();
}

/** The index of the first event after a position in the log (binary search: positions increase). */
function firstAfter(events: readonly LoggedEvent[], position: bigint): number {
  let [lo, hi] = [0, events.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].position <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where the subscription stands before it sends anything: undefined for Start (everything
 * follows), the end of the log or the stream's last revision for End (only live events), the
 * given position or revision otherwise.
 */
function startPoint(log: TransactionLog, options: Options): bigint | undefined {
  const all = options.getAll();
  if (all) {
    if (all.hasStart()) return undefined;
    const position = all.getPosition();
    if (position && BigInt(position.getCommitPosition()) !== U64_MAX) return BigInt(position.getCommitPosition());
    const last = log.all[log.all.length - 1];
    return last?.position;
  }
  const streamOptions = options.getStream();
  if (!streamOptions || streamOptions.hasStart()) return undefined;
  if (streamOptions.hasRevision()) return BigInt(streamOptions.getRevision());
  const events = log.stream(streamName(streamOptions.getStreamIdentifier())) ?? [];
  return BigInt(events.length) - 1n;
}

function now(): InstanceType<typeof timestampPb.Timestamp> {
  return timestampPb.Timestamp.fromDate(new Date());
}
