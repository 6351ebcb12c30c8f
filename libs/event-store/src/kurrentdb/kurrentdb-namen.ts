/**
 * The names of the KurrentDB streams, under an optional prefix (KURRENTDB_STREAM_PREFIX) so that
 * several environments, or test files, can share one server. Event streams keep our stream ids as
 * their names (`voorziening-<uuid>`), so KurrentDB's own tools show them as the apps name them.
 * Beside them the adapter keeps streams of its own:
 *
 * - `sd-gemeenten`: one `GemeenteGeopend` per gemeente that owns a stream (gemeenten()).
 * - `sd-streams-<gemeente>`: one `StreamGeopend` per stream the gemeente owns, in the order they
 *   were begun (readStreams() pages through it).
 * - `sd-event-<eventId>`: where the first event of an append went (findEvent(); KurrentDB has no
 *   lookup by event id).
 * - `sd-client-<clientId>`: the case streams begun about a client (streamsAbout(), the dossier).
 *
 * All are written before the events they describe and checked against the event streams when read,
 * so a crash between the two writes leaves a pointer to nothing, never an event without one.
 */
export class KurrentNamen {
  constructor(private readonly prefix = '') {}

  stream = (streamId: string): string => this.prefix + streamId;
  /** Our stream id of a KurrentDB stream name. */
  streamId = (naam: string): string => naam.slice(this.prefix.length);

  gemeenten = (): string => `${this.prefix}sd-gemeenten`;
  streamsVan = (gemeente: string): string => `${this.prefix}sd-streams-${gemeente}`;
  eventWijzer = (eventId: string): string => `${this.prefix}sd-event-${eventId}`;
  streamsOver = (clientId: string): string => `${this.prefix}sd-client-${clientId}`;

  /** Whether a KurrentDB stream is one of our event streams (under the prefix, not one of the adapter's own). */
  isEventStream = (naam: string): boolean => naam.startsWith(this.prefix) && !naam.startsWith(`${this.prefix}sd-`) && !naam.startsWith('$');

  /** Server-side regex on stream names for `$all`: only event streams (no system `$…` streams, none of ours above). */
  alleenEventStreams = (): string => `^${escapeRegex(this.prefix)}(?!\\$|sd-)`;
}

export const GEMEENTE_GEOPEND = 'GemeenteGeopend';
export const STREAM_GEOPEND = 'StreamGeopend';
export const EVENT_WIJZER = 'EventGeschreven';

export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
