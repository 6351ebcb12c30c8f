/**
 * What every command of the auditor's CLI (`npm run audit -- <command>`) gets: where the server is,
 * a token, and where to write. A command returns its exit code: 0 everything checks out, 1 it found a
 * difference or a break. Wrong usage or no connection is a `CliFout` with code 2 and one clear
 * sentence, which main prints without a stack trace.
 */
export interface CliContext {
  /** Base URL of the projections app (`--url`, default http://localhost:3003). */
  url: string;
  /** The bearer token: `--token`, else SD_TOKEN, else in dev mode an auditor dev token for `--gemeente`. */
  token(): Promise<string>;
  /** A line of the command's answer (stdout). */
  uit(regel: string): void;
  /** A line of progress or warning (stderr). */
  meld(regel: string): void;
}

export class CliFout extends Error {
  constructor(
    readonly code: 1 | 2,
    message: string,
  ) {
    super(message);
    this.name = 'CliFout';
  }
}

/** A command: its own arguments (after the command name), the context; the exit code. */
export type Opdracht = (args: string[], ctx: CliContext) => Promise<number>;
