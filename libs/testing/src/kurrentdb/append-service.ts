import { status, type sendUnaryData, type ServerDuplexStream, type ServerReadableStream } from '@grpc/grpc-js';
import type { ExpectedRevision } from './commit-check.js';
import { anyPb, emptyPb, parseUuid, sharedPb, statusPb, streamName, streamsPb } from './protocol.js';
import type { ProposedEvent, TransactionLog } from './transaction-log.js';

type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
type BatchAppendReq = InstanceType<typeof streamsPb.BatchAppendReq>;
type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>;
type Proposed = InstanceType<typeof streamsPb.AppendReq.ProposedMessage | typeof streamsPb.BatchAppendReq.ProposedMessage>;

/**
 * Streams.Append (src/KurrentDB.Core/Services/Transport/Grpc/Streams.Append.cs): the options
 * first, then one message per event, then the client half-closes; the answer is a success or
 * a wrong-expected-version payload (not an error status).
 */
export function handleAppend(
  log: TransactionLog,
  call: ServerReadableStream<AppendReq, AppendResp>,
  done: sendUnaryData<AppendResp>,
): void {
  let options: InstanceType<typeof streamsPb.AppendReq.Options> | undefined;
  const events: ProposedEvent[] = [];
  let failed = false;
  call.on('data', (request: AppendReq) => {
    if (failed) return;
    try {
      if (!options) {
        options = request.getOptions();
        if (!options) throw new Error('the first append message must carry the options');
      } else {
        const message = request.getProposedMessage();
        if (!message) throw new Error('after the options only proposed messages may follow');
        events.push(proposedEvent(message));
      }
    } catch (error) {
      failed = true;
      done({ code: status.INVALID_ARGUMENT, details: (error as Error).message });
    }
  });
  call.on('end', () => {
    if (failed) return;
    if (!options) return done({ code: status.INVALID_ARGUMENT, details: 'no append options' });
    const C = streamsPb.AppendReq.Options.ExpectedStreamRevisionCase;
    const expected: ExpectedRevision = {
      [C.REVISION]: () => BigInt(options!.getRevision()),
      [C.NO_STREAM]: () => 'no_stream' as const,
      [C.ANY]: () => 'any' as const,
      [C.STREAM_EXISTS]: () => 'stream_exists' as const,
      [C.EXPECTED_STREAM_REVISION_NOT_SET]: () => 'any' as const,
    }[options.getExpectedStreamRevisionCase()]();
    const outcome = log.append(streamName(options.getStreamIdentifier()), expected, events);
    const response = new streamsPb.AppendResp();
    if (outcome.kind === 'success') {
      const success = new streamsPb.AppendResp.Success();
      if (outcome.currentRevision < 0n) success.setNoStream(new sharedPb.Empty());
      else success.setCurrentRevision(outcome.currentRevision.toString());
      const p = outcome.position.toString();
      success.setPosition(new streamsPb.AppendResp.Position().setCommitPosition(p).setPreparePosition(p));
      return done(null, response.setSuccess(success));
    }
    // Only the current fields: the 20.6.0 twins are read by no client of this package.
    const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
    if (expected === 'any') wrong.setExpectedAny(new sharedPb.Empty());
    else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
    else if (expected === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty());
    else wrong.setExpectedRevision(expected.toString());
    if (outcome.current < 0n) wrong.setCurrentNoStream(new sharedPb.Empty());
    else wrong.setCurrentRevision(outcome.current.toString());
    done(null, response.setWrongExpectedVersion(wrong));
  });
}

/**
 * Streams.BatchAppend (Streams.BatchAppend.cs): one long-lived duplex call; each append is a
 * correlation id, its options in the first message, events possibly spread over several
 * messages until `is_final`; the answer carries the same correlation id, and a conflict is a
 * google.rpc.Status (code ALREADY_EXISTS) whose details pack a shared WrongExpectedVersion.
 * Deadlines in the options are not enforced here.
 */
export function handleBatchAppend(log: TransactionLog, call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
  const pending = new Map<string, { stream: string; expected: ExpectedRevision; events: ProposedEvent[] }>();
  call.on('data', (request: BatchAppendReq) => {
    const correlation = request.getCorrelationId();
    const key = parseUuid(correlation);
    const options = request.getOptions();
    if (options) pending.set(key, { stream: streamName(options.getStreamIdentifier()), expected: batchExpected(options), events: [] });
    const write = pending.get(key);
    if (!write) return;
    const response = new streamsPb.BatchAppendResp().setCorrelationId(correlation);
    try {
      for (const message of request.getProposedMessagesList()) write.events.push(proposedEvent(message));
    } catch (error) {
      pending.delete(key);
      const bad = new statusPb.Status().setCode(3).setMessage((error as Error).message);
      call.write(response.setError(bad));
      return;
    }
    if (!request.getIsFinal()) return;
    pending.delete(key);
    const outcome = log.append(write.stream, write.expected, write.events);
    response.setStreamIdentifier(
      options?.getStreamIdentifier() ?? new sharedPb.StreamIdentifier().setStreamName(Buffer.from(write.stream)),
    );
    if (outcome.kind === 'success') {
      const success = new streamsPb.BatchAppendResp.Success();
      if (outcome.currentRevision < 0n) success.setNoStream(new emptyPb.Empty());
      else success.setCurrentRevision(outcome.currentRevision.toString());
      const p = outcome.position.toString();
      success.setPosition(new sharedPb.AllStreamPosition().setCommitPosition(p).setPreparePosition(p));
      call.write(response.setSuccess(success));
      return;
    }
    const wrong = new sharedPb.WrongExpectedVersion();
    if (outcome.current < 0n) wrong.setCurrentNoStream(new emptyPb.Empty());
    else wrong.setCurrentStreamRevision(outcome.current.toString());
    if (write.expected === 'any') wrong.setExpectedAny(new emptyPb.Empty());
    else if (write.expected === 'stream_exists') wrong.setExpectedStreamExists(new emptyPb.Empty());
    else if (write.expected === 'no_stream') wrong.setExpectedNoStream(new emptyPb.Empty());
    else wrong.setExpectedStreamPosition(write.expected.toString());
    const details = new anyPb.Any();
    details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
    // Code 6 is ALREADY_EXISTS in google.rpc.Code.
    call.write(response.setError(new statusPb.Status().setCode(6).setMessage('WrongExpectedVersion').setDetails(details)));
  });
  call.on('end', () => call.end());
}

function batchExpected(options: InstanceType<typeof streamsPb.BatchAppendReq.Options>): ExpectedRevision {
  if (options.hasStreamPosition()) return BigInt(options.getStreamPosition());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
}

/** The `type` and `content-type` metadata are required (MetadataHelpers.ParseGrpcMetadata). */
function proposedEvent(message: Proposed): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (type === undefined) throw new Error('Required metadata property "type" is missing');
  if (contentType === undefined) throw new Error('Required metadata property "content-type" is missing');
  return {
    eventId: parseUuid(message.getId()),
    type,
    isJson: contentType === 'application/json',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}
