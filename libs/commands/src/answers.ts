import { WithHeaders } from '@sd/http';
import type { CommandResult } from './command-handler.js';

/** The id part of a stream id: `voorziening-<uuid>` → `<uuid>`. */
export const idVan = (streamId: string): string => streamId.slice(streamId.indexOf('-') + 1);

/** The answer to a command on an existing resource: its position; the stream's new version goes out as ETag. */
export const answerPosition = ({ positie, versie }: CommandResult) => new WithHeaders({ positie }, { version: versie });

/**
 * The answer to a command that made a resource: its id and position, with ETag and Location. The id
 * comes from the result, so a retried request answers with the resource its first request made.
 */
export function answerCreated<K extends string>(result: CommandResult, path: string, idKey: K) {
  const id = idVan(result.streamId);
  const body = { [idKey]: id, positie: result.positie } as Record<K, string> & { positie: number };
  return new WithHeaders(body, { version: result.versie, location: `${path}/${id}` });
}
