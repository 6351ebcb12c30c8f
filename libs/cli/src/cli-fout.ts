/**
 * Wrong usage, no connection or a refusal: code 2 and one clear Dutch sentence, which the runner
 * (draai.ts) prints without a stack trace. Code 1 is a command's own verdict (a difference, a
 * failure it counted), for when it has to stop at once.
 */
export class CliFout extends Error {
  constructor(
    readonly code: 1 | 2,
    message: string,
  ) {
    super(message);
    this.name = 'CliFout';
  }
}
