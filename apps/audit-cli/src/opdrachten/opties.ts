import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliFout } from '@sd/cli';

/**
 * A command's own arguments, strictly: an unknown option is wrong usage. `--gemeente` is allowed
 * everywhere, because main leaves it in (it also picks the dev token's gemeente).
 */
export function leesOpties<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, gebruik: string) {
  try {
    return parseArgs({ args, options: { gemeente: { type: 'string' }, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliFout(2, `Verkeerd gebruik: ${(e as Error).message.split('\n')[0]} — ${gebruik}.`);
  }
}
