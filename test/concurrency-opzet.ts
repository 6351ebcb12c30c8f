/**
 * The set-up the concurrency specs share (concurrency-versies, concurrency-idempotentie): the apps
 * and PostgreSQL of test/stack.ts, two consultants of GM0005 (anna and bram) and a beheerder, and
 * the helpers that read what was appended. The bindings are filled in by `startStack()`.
 */
import { afterAll, beforeAll } from '@jest/globals';
import { type Antwoord, appendsNothing as zonderAppend, Casus } from './helpers.js';
import { startTestStack, type TestStack } from './stack.js';

export let s: TestStack;
export let anna: Casus;
export let bram: Casus;
export let beheer: string;

/** Starts the stack and the consultants before the file's tests and closes it after them. */
export function startStack(): void {
  beforeAll(async () => {
    s = await startTestStack();
    anna = new Casus(s, await s.token('consulent', ['GM0005'], 'consulent-anna'));
    bram = new Casus(s, await s.token('consulent', ['GM0005'], 'consulent-bram'));
    beheer = await s.token('beheer', ['GM0005'], 'beheerder-dina');
  });
  afterAll(async () => {
    await s.close();
  });
}

export const appendsNothing = (run: () => PromiseLike<unknown>) => zonderAppend(s, run);
export const stream = (id: string) => s.store.readStream(`voorziening-${id}`);
export const beeindigd = async (id: string) => (await stream(id)).filter((e) => e.type === 'VoorzieningBeeindigd');
export const als = (r: unknown) => r as Antwoord;
