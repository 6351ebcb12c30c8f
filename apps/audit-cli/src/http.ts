import { type CliContext, haal as haalOp } from '@sd/cli';

/**
 * GET on the projections app as the auditor asks: what is asked for is named by its path (a stream,
 * a report, an export), so a 404 says that it does not exist rather than that the server refused.
 */
export const haal = (ctx: CliContext, pad: string, wat: string): Promise<Response> => haalOp(ctx, pad, wat, { bestaatNiet: true });
