/**
 * What every command of the beheer CLI (`npm run vergeet-verlopen -- …`) gets: where the apps are, a
 * token, and where to write; the house style of apps/audit-cli. A command returns its exit code: 0
 * done (or nothing to do), 1 some of the work failed. Wrong usage or no connection is a `CliFout`
 * with code 2 and one clear Dutch sentence, which main prints without a stack trace.
 */
export interface CliContext {
  /** Base URL of the projections app (`--url`, default http://localhost:3003). */
  url: string;
  /** Base URL of the intake app (`--intake-url`, default http://localhost:3001; behind the gateway the same as --url). */
  intakeUrl: string;
  /** The bearer token: `--token`, else SD_TOKEN, else in dev mode a beheer dev token for `--gemeente`. */
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
