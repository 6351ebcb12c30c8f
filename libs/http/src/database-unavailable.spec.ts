import { describe, expect, it } from '@jest/globals';
import { isDatabaseUnavailable } from './database-unavailable.js';

describe('isDatabaseUnavailable', () => {
  it('knows PostgreSQL out of reach by its codes and node-postgres by its words', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('shutdown'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });

  it("knows KurrentDB out of reach by the client's error types, and nothing else of it", () => {
    for (const type of ['unavailable', 'deadline-exceeded', 'timeout', 'not-leader'])
      expect(isDatabaseUnavailable(Object.assign(new Error('14 UNAVAILABLE'), { type }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('wrong expected version'), { type: 'wrong-expected-version' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('bad body'), { type: 'entity.parse.failed' }))).toBe(false);
  });
});
