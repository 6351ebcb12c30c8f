import { type ExpectedVersion, WrongExpectedVersionError } from './event-store.port.js';

/** Throws when a stream at `actual` does not match what the caller expected. */
export function checkExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  if (expected === 'any') return;
  const wanted = expected === 'no-stream' ? 0 : expected;
  if (wanted !== actual) throw new WrongExpectedVersionError(streamId, expected, actual);
}

/** The SQL adapter encodes the expectation as one integer: -1 = any, 0 = no stream, n = exact. */
export function expectedVersionCode(expected: ExpectedVersion): number {
  if (expected === 'any') return -1;
  if (expected === 'no-stream') return 0;
  if (!Number.isInteger(expected) || expected < 0) throw new RangeError(`invalid expected version ${expected}`);
  return expected;
}
