import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { defaultAllFilter, filterFrom, type EventFilter } from './event-filter.js';
import { streamIdentifier, streamName, streamsPb } from './protocol.js';
import { eventResponse } from './recorded-event.js';
import { subscribe } from './subscription.js';
import type { LoggedEvent, TransactionLog } from './transaction-log.js';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type Options = InstanceType<typeof streamsPb.ReadReq.Options>;
type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

const { ReadDirection, StreamOptionCase, CountOptionCase } = streamsPb.ReadReq.Options;
const U64_MAX = (1n << 64n) - 1n;

/** A `$all` position: commit and prepare, compared in that order (TFPos). */
export interface TfPos {
  commit: bigint;
  prepare: bigint;
}

export function comparePos(a: TfPos, b: TfPos): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

/** Streams.Read: a stream or `$all`, a read or (count option "subscription") a subscription. */
export function handleRead(log: TransactionLog, call: ReadCall): void {
  const options = call.request.getOptions();
  try {
    if (!options || !options.hasUuidOption()) throw invalid('uuid_option is required');
    if (options.getCountOptionCase() === CountOptionCase.SUBSCRIPTION) return subscribe(log, call, options);
    const structured = options.getUuidOption()!.hasStructured();
    const responses =
      options.getStreamOptionCase() === StreamOptionCase.ALL
        ? readAll(log, options).map((e) => eventResponse(e, structured))
        : readStream(log, options, structured);
    for (const response of responses) call.write(response);
    call.end();
  } catch (error) {
    call.emit('error', toStatus(error));
  }
}

/**
 * A stream read (Enumerator.ReadStreamForwards/Backwards): inclusive of the start revision;
 * a missing stream answers a StreamNotFound message (not an error status); with
 * `control_option.compatibility >= 1` (the clients send 1) the last revision follows the
 * events, and a forward read that found nothing says where the stream's first event is.
 */
function readStream(log: TransactionLog, options: Options, structured: boolean): ReadResp[] {
  const streamOptions = options.getStream();
  if (!streamOptions) throw invalid('stream options missing');
  const name = streamName(streamOptions.getStreamIdentifier());
  const events = log.stream(name);
  if (!events || events.length === 0) {
    const notFound = new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name));
    return [new streamsPb.ReadResp().setStreamNotFound(notFound)];
  }
  const last = BigInt(events.length) - 1n;
  const count = BigInt(options.getCount() || '0');
  const forwards = options.getReadDirection() === ReadDirection.FORWARDS;
  const from = streamOptions.hasStart() ? 0n : streamOptions.hasEnd() ? U64_MAX : BigInt(streamOptions.getRevision());
  const picked: LoggedEvent[] = [];
  if (forwards) {
    for (let r = from; r <= last && BigInt(picked.length) < count; r++) picked.push(events[Number(r)]);
  } else {
    for (let r = from > last ? last : from; r >= 0n && BigInt(picked.length) < count; r--) picked.push(events[Number(r)]);
  }
  const responses = picked.map((e) => eventResponse(e, structured));
  const compatible = (options.getControlOption()?.getCompatibility() ?? 0) >= 1;
  if (compatible && forwards && picked.length === 0 && from !== last + 1n) {
    responses.unshift(new streamsPb.ReadResp().setFirstStreamPosition((last + 1n).toString()));
  }
  if (compatible) responses.push(new streamsPb.ReadResp().setLastStreamPosition(last.toString()));
  return responses;
}

/**
 * A `$all` read (AllReader.ReadAllEventsForward/Backward): forwards includes the event at the
 * start position, backwards starts just before it; Start is (0,0), End is the writer
 * checkpoint; a position inside a record is refused as the real log refuses reading there.
 * No checkpoint messages: only filtered subscriptions send those.
 */
export function readAll(log: TransactionLog, options: Options): LoggedEvent[] {
  const all = options.getAll();
  if (!all) throw invalid('$all options missing');
  const forwards = options.getReadDirection() === ReadDirection.FORWARDS;
  const end = { commit: log.end, prepare: log.end };
  let from: TfPos = all.hasStart() ? { commit: 0n, prepare: 0n } : end;
  const position = all.getPosition();
  if (position) {
    from = { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
    if (from.commit === U64_MAX && from.prepare === U64_MAX) from = end;
    else if (!log.isRecordBoundary(from.commit)) throw new InvalidPositionError();
  }
  const filter: EventFilter = options.hasFilter() ? filterFrom(options.getFilter()!) : defaultAllFilter;
  const count = BigInt(options.getCount() || '0');
  const picked: LoggedEvent[] = [];
  const events = log.all;
  if (forwards) {
    for (let i = 0; i < events.length && BigInt(picked.length) < count; i++) {
      const e = events[i];
      if (comparePos({ commit: e.position, prepare: e.position }, from) >= 0 && filter(e)) picked.push(e);
    }
  } else {
    for (let i = events.length - 1; i >= 0 && BigInt(picked.length) < count; i--) {
      const e = events[i];
      if (comparePos({ commit: e.postPosition, prepare: e.postPosition }, from) <= 0 && filter(e)) picked.push(e);
    }
  }
  return picked;
}

/** A read that ends with a gRPC status, worded as RpcExceptions words it. */
export class StatusError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
  }
}

export class InvalidPositionError extends StatusError {
  constructor() {
    super(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.');
  }
}

function invalid(message: string): StatusError {
  return new StatusError(status.INVALID_ARGUMENT, message);
}

export function toStatus(error: unknown): { code: status; details: string } {
  if (error instanceof StatusError) return { code: error.code, details: error.message };
  return { code: status.INTERNAL, details: error instanceof Error ? error.message : String(error) };
}
