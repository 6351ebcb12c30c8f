/**
 * What every command of a CLI gets: where the server is, a token, and where to write. A command
 * returns its exit code: 0 done (everything checks out), 1 it found a difference or some of the
 * work failed. Wrong usage or no connection is a `CliFout` with code 2.
 */
export interface CliContext {
  /** Base URL of the projections app (`--url`, default http://localhost:3003). */
  url: string;
  /** The role the token is for ('auditor', 'beheer'): a 403 names it. */
  rol: string;
  /** The bearer token: `--token`, else SD_TOKEN, else in dev mode a dev token with `rol` for `--gemeente`. */
  token(): Promise<string>;
  /** A line of the command's answer (stdout). */
  uit(regel: string): void;
  /** A line of progress or warning (stderr). */
  meld(regel: string): void;
}

/** A command: its own arguments (after the command name), the context; the exit code. */
export type Opdracht<C extends CliContext = CliContext> = (args: string[], ctx: C) => Promise<number>;
