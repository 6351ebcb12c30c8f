/**
 * The set-up the registratie-regels specs share. Bad input, through REST only: every registration
 * rule is broken once against the real apps and PostgreSQL; each refusal must be problem+json
 * naming the field at fault, and append nothing. One spec per rule family, in this folder.
 *
 * The bindings are filled in by `startStack()`, which each spec calls once.
 */
import { afterAll, beforeAll } from '@jest/globals';
import { type Antwoord, appendsNothing as zonderAppend, Casus, expectProblem } from '../helpers.js';
import { startTestStack, type TestStack } from '../stack.js';

export let s: TestStack;
/** Consultant of GM0005. */
export let c: Casus;
/** Consultant of GM0006 only. */
export let ander: Casus;
/** Consultant of both. */
export let beide: Casus;
export let beheer: string;
export let rapportage: string;
export let auditor: string;

/** Starts the stack and the users before the file's tests and closes it after them. */
export function startStack(): void {
  beforeAll(async () => {
    s = await startTestStack();
    c = new Casus(s, await s.token('consulent', ['GM0005'], 'consulent-anna'));
    ander = new Casus(s, await s.token('consulent', ['GM0006'], 'consulent-bram'), 'GM0006');
    beide = new Casus(s, await s.token('consulent', ['GM0005', 'GM0006'], 'consulent-cor'));
    beheer = await s.token('beheer', ['GM0005'], 'beheerder-dina');
    rapportage = await s.token('rapportage', ['GM0005']);
    auditor = await s.token('auditor', ['GM0005']);
  });
  afterAll(async () => {
    await s.close();
  });
}

export const appendsNothing = (run: () => PromiseLike<unknown>) => zonderAppend(s, run);

/** Sends a refused request and checks: status, problem+json, the field named, nothing appended. */
export async function weigert(run: () => PromiseLike<unknown>, status: number, field?: string): Promise<Antwoord> {
  const res = await appendsNothing(run);
  expectProblem(res, status, field);
  return res;
}

export const events = async (streamId: string) => s.store.readStream(streamId);
export const laatste = async (streamId: string) => (await events(streamId)).at(-1)!;
