/**
 * The decider pattern (as in Emmett): business rules are two pure functions.
 * `decide` turns a command and the current state into new events (or refuses with a
 * RegelOvertreding); `evolve` folds one event into the state. No I/O happens in either.
 */
import type { DomainEvent } from '@sd/contracts';

export type { DomainEvent };
export interface Decider<Command, State, Event extends DomainEvent> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState();
  for (const e of events) state = decider.evolve(state, e);
  return state;
}

/** One broken rule, tied to the request field it is about. */
export interface Overtreding {
  field: string;
  message: string;
}

/** A command breaks a business rule: answered with 422 and each field named. */
export class RegelOvertreding extends Error {
  readonly overtredingen: Overtreding[];
  constructor(overtredingen: Overtreding[] | Overtreding) {
    const list = Array.isArray(overtredingen) ? overtredingen : [overtredingen];
    super(list.map((o) => `${o.field}: ${o.message}`).join('; '));
    this.name = 'RegelOvertreding';
    this.overtredingen = list;
  }
}

/** The command conflicts with what already exists: answered with 409. */
export class Conflict extends Error {
  constructor(
    message: string,
    /** Extra, non-personal members for the problem body (e.g. the existing clientId). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'Conflict';
  }
}

/** The thing a command is about does not exist: answered with 404. */
export class NietGevonden extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NietGevonden';
  }
}

/**
 * The caller may not act for this gemeente: answered with 403. Thrown by the one gemeente check
 * (eisGemeente in libs/auth, on a command's metadata), never by a decider.
 */
export class GeenToegang extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeenToegang';
  }
}
