import { streamIdentifier, streamsPb, uuidMessage } from './protocol.js';
import type { LoggedEvent } from './transaction-log.js';

type ReadResp = InstanceType<typeof streamsPb.ReadResp>;

/**
 * One event as Streams.Read sends it (ResponseConverter.ConvertToReadEvent in
 * src/KurrentDB.Core/Services/Transport/Grpc/Streams.Read.cs): the id in the form the request
 * asked for, the server's metadata map (`type`, `created` in ticks, `content-type`), the custom
 * metadata bytes as written, and positions. Every event here committed itself (IsCommitted
 * prepares), so stream reads carry positions too, commit = prepare = the record's position.
 */
export function eventResponse(event: LoggedEvent, structuredIds: boolean): ReadResp {
  const position = event.position.toString();
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(event.eventId, structuredIds))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(position)
    .setPreparePosition(position)
    .setData(event.data)
    .setCustomMetadata(event.metadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('created', event.created.toString())
    .set('content-type', event.isJson ? 'application/json' : 'application/octet-stream');
  const read = new streamsPb.ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(position);
  return new streamsPb.ReadResp().setEvent(read);
}
