import { type CliOutput, runBuiltCli } from '@sd/testing';

/** The built audit CLI as an auditor runs it: `node dist/apps/audit-cli/src/main.js …`. */
export const cli = (args: string[], env?: Record<string, string>): Promise<CliOutput> => runBuiltCli('audit-cli/src/main.js', args, env);
