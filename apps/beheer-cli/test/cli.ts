import { type CliOutput, runBuiltCli } from '@sd/testing';

/** The built beheer CLI as beheer runs it: `node dist/apps/beheer-cli/src/main.js …`. */
export const cli = (args: string[], env?: Record<string, string>): Promise<CliOutput> => runBuiltCli('beheer-cli/src/main.js', args, env);
