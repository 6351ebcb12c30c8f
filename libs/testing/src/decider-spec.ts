import { expect } from '@jest/globals';
import { encodeEvent } from '@sd/contracts';
import { type Decider, type DomainEvent, RegelOvertreding } from '@sd/domain';

/** Any error class, for thenThrows. */
type ErrorClass<T extends Error> = abstract new (...args: never[]) => T;

/** A history of accepted commands, and the state it folds to. */
export interface Given<C, S, E extends DomainEvent> {
  readonly state: S;
  /** This history followed by more accepted commands. */
  given(...commands: C[]): Given<C, S, E>;
  when(command: C): When<S, E>;
}

/** One command on a history, and what may be expected of it. */
export interface When<S, E extends DomainEvent> {
  /** The events decided are exactly these; answers them and the state they lead to. */
  then(expected: E[]): { events: E[]; state: S };
  /** The events decided match these (as toMatchObject does). */
  thenMatches(expected: object[]): { events: E[]; state: S };
  /** The state after the command matches this (as toMatchObject does); answers that state. */
  thenState(expected: object): S;
  /** The command is accepted and decides no event. */
  thenNothingHappened(): void;
  /** The command is refused with this error; `check` looks further into it. */
  thenThrows<T extends Error>(error: ErrorClass<T>, check?: (e: T) => void): void;
  /** The command breaks business rules on exactly these fields, in this order (a RegelOvertreding). */
  thenRefuses(...fields: string[]): void;
  /** The events and state, for what the expectations above do not say. */
  result(): { events: E[]; state: S };
}

/**
 * Given / when / then for a decider, after Emmett's DeciderSpecification. The history is given as
 * commands the decider accepted rather than as events, so every event in it is one the rules
 * really produce. Every event, given or decided, is checked against its schema as the store will.
 */
export function deciderSpec<C, S, E extends DomainEvent>(decider: Decider<C, S, E>): Given<C, S, E> {
  return given(decider, decider.initialState());
}

function given<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, state: S): Given<C, S, E> {
  return {
    state,
    // Folded now, outside any expectation: a history the rules refuse fails the test itself.
    given: (...commands) =>
      given(
        decider,
        commands.reduce((s, c) => decide(decider, s, c).state, state),
      ),
    when: (command) => when(() => decide(decider, state, command)),
  };
}

function when<S, E extends DomainEvent>(run: () => { events: E[]; state: S }): When<S, E> {
  return {
    then(expected) {
      const result = run();
      expect(result.events).toEqual(expected);
      return result;
    },
    thenMatches(expected) {
      const result = run();
      expect(result.events).toMatchObject(expected);
      return result;
    },
    thenState(expected) {
      const { state } = run();
      expect(state).toMatchObject(expected);
      return state;
    },
    thenNothingHappened() {
      expect(run().events).toEqual([]);
    },
    thenThrows(error, check) {
      expect(run).toThrow(error);
      if (check) check(thrownBy(run) as Parameters<typeof check>[0]);
    },
    thenRefuses(...fields) {
      const e = thrownBy(run);
      if (!(e instanceof RegelOvertreding)) throw e instanceof Error ? e : new Error('no RegelOvertreding thrown');
      expect(e.overtredingen.map((o) => o.field)).toEqual(fields);
    },
    result: run,
  };
}

function decide<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, state: S, command: C): { events: E[]; state: S } {
  const events = decider.decide(command, state);
  for (const e of events) encodeEvent(e);
  return { events, state: events.reduce((s, e) => decider.evolve(s, e), state) };
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}
