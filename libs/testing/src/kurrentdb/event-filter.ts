import type { streamsPb } from './protocol.js';
import type { LoggedEvent } from './transaction-log.js';

export type EventFilter = (event: LoggedEvent) => boolean;

type FilterOptions = InstanceType<typeof streamsPb.ReadReq.Options.FilterOptions>;

/**
 * What every `$all` read applies, filtered or not (EventFilter.DefaultAllFilterStrategy in
 * src/KurrentDB.Core/Services/Storage/ReaderIndex/EventFilter.cs): user streams pass, system
 * streams pass too except `$epoch-information` and the persistent subscriptions' checkpoint
 * and parked-message streams for `$all`.
 */
export const defaultAllFilter: EventFilter = (event) => {
  const stream = event.streamId;
  if (!stream.startsWith('$')) return true;
  if (stream === '$epoch-information') return false;
  const persistentAll = '$persistentsubscription-$all::';
  return !(stream.startsWith(persistentAll) && (stream.endsWith('-checkpoint') || stream.endsWith('-parked')));
};

/**
 * A server-side filter from a read's filter options, as Streams.Read's ConvertToEventFilter
 * builds it: on the stream name or the event type, a regex when one is given (a search, not a
 * full match, like .NET's Regex.Match), otherwise any of the prefixes; always on top of the
 * default `$all` filter. JavaScript's RegExp stands in for .NET's: simple patterns mean the same.
 */
export function filterFrom(options: FilterOptions): EventFilter {
  const onStream = options.hasStreamIdentifier();
  const expression = onStream ? options.getStreamIdentifier() : options.getEventType();
  if (!expression) throw new Error('filter without stream identifier or event type');
  const field = (event: LoggedEvent) => (onStream ? event.streamId : event.type);
  const regex = expression.getRegex();
  if (regex) {
    const pattern = new RegExp(regex);
    return (event) => defaultAllFilter(event) && pattern.test(field(event));
  }
  const prefixes = expression.getPrefixList();
  return (event) => defaultAllFilter(event) && prefixes.some((prefix) => field(event).startsWith(prefix));
}
