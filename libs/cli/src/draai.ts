import { CliFout } from './cli-fout.js';
import type { CliContext, Opdracht } from './context.js';
import { devToken } from './dev-token.js';
import { splits } from './globale-opties.js';

export interface OpdrachtMetGebruik<C extends CliContext> {
  opdracht: Opdracht<C>;
  /** Its line in the help: the synopsis, then what it does. */
  gebruik: string;
}

/** What makes one CLI: its commands and help, the role it acts in, and any options of its own. */
export interface Cli<C extends CliContext> {
  /** The role its dev token asks for and a 403 names: 'auditor', 'beheer'. */
  rol: string;
  /** Its name, the dev token's subject (the actor in the processing log): 'audit-cli'. */
  naam: string;
  opdrachten: Record<string, OpdrachtMetGebruik<C>>;
  /** The whole --help text. */
  hulp: string;
  /** URL options of its own beside --url, with their defaults (beheer's intake-url): taken out and checked like --url. */
  eigenUrls?: Record<string, string>;
  /** Its context out of the common one and its own URLs; without it, the common one. */
  context?: (ctx: CliContext, urls: Record<string, string>) => C;
}

/** The commands' lines for the help text, one indented line each. */
export function gebruiksregels(opdrachten: Record<string, { gebruik: string }>): string {
  return Object.values(opdrachten)
    .map((o) => `  ${o.gebruik}`)
    .join('\n');
}

function eisUrl(optie: string, url: string): void {
  try {
    new URL(url);
  } catch {
    throw new CliFout(2, `${optie} ${JSON.stringify(url)} is geen geldige URL.`);
  }
}

/** The arguments to a command run: help, the command chosen, the URLs checked, the context built; its exit code. */
export async function voerUit<C extends CliContext>(cli: Cli<C>, argv: string[]): Promise<number> {
  const g = splits(argv, cli.eigenUrls);
  if (g.help || !g.opdracht) {
    process.stdout.write(cli.hulp);
    return g.help ? 0 : 2;
  }
  const gekozen = cli.opdrachten[g.opdracht];
  if (!gekozen)
    throw new CliFout(
      2,
      `Onbekende opdracht ${JSON.stringify(g.opdracht)}: kies uit ${Object.keys(cli.opdrachten).join(', ')} (zie --help).`,
    );
  eisUrl('--url', g.url);
  for (const [optie, url] of Object.entries(g.urls)) eisUrl(`--${optie}`, url);
  // One token per run, asked for only when a command needs it (verifieer-log works offline).
  let token: Promise<string> | undefined;
  const ctx: CliContext = {
    url: g.url,
    rol: cli.rol,
    token: () => (token ??= g.token !== undefined ? Promise.resolve(g.token) : devToken(g.url, g.gemeenten, cli)),
    uit: (regel) => void process.stdout.write(`${regel}\n`),
    meld: (regel) => void process.stderr.write(`${regel}\n`),
  };
  return gekozen.opdracht(g.args, cli.context ? cli.context(ctx, g.urls) : (ctx as C));
}

/** A parseArgs refusal (unknown option, missing value) is wrong usage too; anything else one sentence all the same. */
function alsZin(e: unknown): CliFout {
  if (e instanceof CliFout) return e;
  const code = (e as { code?: string }).code;
  if (code?.startsWith('ERR_PARSE_ARGS')) return new CliFout(2, `Verkeerd gebruik: ${(e as Error).message} (zie --help).`);
  return new CliFout(2, `Er ging iets onverwachts mis: ${e instanceof Error ? e.message : String(e)}`);
}

/**
 * The process around a CLI: runs the command on process.argv and exits with its code once stdout
 * is flushed. Exit 2 is wrong usage or no connection, always one Dutch sentence on stderr and never
 * a stack trace.
 */
export function draai<C extends CliContext>(cli: Cli<C>): void {
  process.stdout.on('error', () => undefined); // a closed pipe (| head) is no failure
  voerUit(cli, process.argv.slice(2)).then(
    (code) => process.stdout.write('', () => process.exit(code)),
    (e: unknown) => {
      const fout = alsZin(e);
      process.stderr.write(`${fout.message}\n`, () => process.exit(fout.code));
    },
  );
}
