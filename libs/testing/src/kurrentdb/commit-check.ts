/**
 * The decision KurrentDB takes before an append: write, answer as already written (idempotent),
 * or refuse with "wrong expected version". Modelled on IndexWriter.CheckCommit and
 * StorageWriterService.VerifyCommitChecks (src/KurrentDB.Core/Services/Storage/ReaderIndex/
 * IndexWriter.cs, CheckCommit; Services/Storage/StorageWriterService.cs, VerifyCommitChecks):
 *
 * - expected revision above the stream's last revision: conflict;
 * - expected revision equal to the last revision (`no_stream` on a missing stream counts as -1):
 *   write, without looking at the event ids (the same ids appended at the end again are
 *   written again, as on the real server);
 * - expected revision below the last revision ("strong" check): the proposed ids must be
 *   exactly the events at expected+1, expected+2, …; all of them → idempotent, the first
 *   one differs → conflict, a later one differs (a partial retry that diverges) → conflict too
 *   (CommitDecision.CorruptedIdempotency is answered as wrong expected version);
 * - `any` / `stream_exists` ("weak" check): the ids are looked up among the stream's written
 *   events; the first id unknown → write; the first known but a later one unknown → conflict;
 *   all known → idempotent. The real server looks only in a bounded memory cache of recently
 *   committed ids (lost on restart), so there it is best effort; here every id is remembered.
 * - `stream_exists` on a stream without events: conflict.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type CommitDecision = { kind: 'write' } | { kind: 'idempotent'; lastRevision: bigint } | { kind: 'conflict'; current: bigint };

export interface StreamView {
  /** The stream's last revision, -1 when it has no events. */
  lastRevision: bigint;
  /** The event id at a revision, if there is one. */
  idAt(revision: bigint): string | undefined;
  /** The revision an id was written at in this stream, if it was. */
  revisionOf(eventId: string): bigint | undefined;
}

export function checkCommit(stream: StreamView, expected: ExpectedRevision, eventIds: string[]): CommitDecision {
  const current = stream.lastRevision;
  const conflict: CommitDecision = { kind: 'conflict', current };

  if (expected === 'stream_exists' && current < 0n) return conflict;
  if (expected === 'any' || expected === 'stream_exists') return weakCheck(stream, eventIds, conflict);

  const expectedRevision = expected === 'no_stream' ? -1n : expected;
  if (expectedRevision > current) return conflict;
  if (expectedRevision === current) return { kind: 'write' };
  if (eventIds.length === 0) return conflict;
  for (let i = 0; i < eventIds.length; i++) {
    const revision = expectedRevision + 1n + BigInt(i);
    if (stream.idAt(revision) !== eventIds[i]) return conflict;
  }
  return { kind: 'idempotent', lastRevision: expectedRevision + BigInt(eventIds.length) };
}

function weakCheck(stream: StreamView, eventIds: string[], conflict: CommitDecision): CommitDecision {
  let last: bigint | undefined;
  for (const id of eventIds) {
    const revision = stream.revisionOf(id);
    if (revision === undefined) return last === undefined ? { kind: 'write' } : conflict;
    last = revision;
  }
  return last === undefined ? { kind: 'write' } : { kind: 'idempotent', lastRevision: last };
}
