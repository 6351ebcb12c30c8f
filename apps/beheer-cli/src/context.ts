import type { CliContext, Opdracht } from '@sd/cli';

/**
 * What beheer's commands get beside what every CLI's do (libs/cli): the intake app, which erases.
 * A command returns 0 when done (or nothing to do), 1 when some of the work failed.
 */
export interface BeheerContext extends CliContext {
  /** Base URL of the intake app (`--intake-url`, default http://localhost:3001; behind the gateway the same as --url). */
  intakeUrl: string;
}

export type BeheerOpdracht = Opdracht<BeheerContext>;
