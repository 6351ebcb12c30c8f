/**
 * The streams the KurrentDB adapter keeps beside the event streams, and the filter that leaves them
 * out of every read of `$all`. Event streams keep our stream ids as their names (`voorziening-<uuid>`),
 * so KurrentDB's own tools show them as the apps name them.
 *
 * - `sd-gemeenten`: one `GemeenteGeopend` per gemeente that owns a stream (gemeenten()).
 * - `sd-streams-<gemeente>`: one `StreamGeopend` per stream the gemeente owns, in the order they
 *   were begun (readStreams() pages through it).
 * - `sd-event-<eventId>`: where the first event of an append went (findEvent(); KurrentDB has no
 *   lookup by event id).
 * - `sd-client-<clientId>`: the case streams begun about a client (streamsAbout(), the dossier).
 * All three are written before the events they describe and checked against the event streams when
 * read, so a crash between the two writes leaves a pointer to nothing, never an event without one.
 */
export const GEMEENTEN_STREAM = 'sd-gemeenten';
export const streamsVan = (gemeente: string): string => `sd-streams-${gemeente}`;
export const eventWijzer = (eventId: string): string => `sd-event-${eventId}`;
export const streamsOver = (clientId: string): string => `sd-client-${clientId}`;

/** Server-side regex on stream names for `$all`: no system streams (`$…`), none of ours above. */
export const ALLEEN_EVENT_STREAMS = '^(?!\\$|sd-)';

export const GEMEENTE_GEOPEND = 'GemeenteGeopend';
export const STREAM_GEOPEND = 'StreamGeopend';
export const EVENT_WIJZER = 'EventGeschreven';
