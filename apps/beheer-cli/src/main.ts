import { parseArgs } from 'node:util';
import { CliFout, type CliContext, type Opdracht } from './context.js';
import { devToken } from './http.js';
import { vergeetVerlopen } from './vergeet-verlopen.js';

/*
 * Beheer's command line: `npm run vergeet-verlopen -- [opties]` (the script names the command), or
 * `node dist/apps/beheer-cli/src/main.js vergeet-verlopen …` on a machine with only the built code.
 * Exit 0: done; 1: some of the work failed; 2: wrong usage or no connection, always one Dutch
 * sentence on stderr and never a stack trace. The house style of apps/audit-cli.
 */

const OPDRACHTEN: Record<string, { opdracht: Opdracht; gebruik: string }> = {
  'vergeet-verlopen': {
    opdracht: vergeetVerlopen,
    gebruik:
      'vergeet-verlopen --gemeente GM0000 [--peildatum JJJJ-MM-DD] [--uitvoeren]   cliënten over hun bewaartermijn tonen (proefdraai) of wissen',
  },
};

const HULP = `Gebruik: npm run vergeet-verlopen -- --gemeente GM0000 [--peildatum JJJJ-MM-DD] [--uitvoeren] [opties]
   of: node dist/apps/beheer-cli/src/main.js <opdracht> [opties]

Opdrachten:
${Object.values(OPDRACHTEN)
  .map((o) => `  ${o.gebruik}`)
  .join('\n')}

Zonder --uitvoeren is het een proefdraai: de lijst en wat er zou gebeuren, niets gewist.

Algemene opties:
  --url <url>          de projections-app (standaard http://localhost:3003)
  --intake-url <url>   de intake-app, die wist (standaard http://localhost:3001; achter de gateway dezelfde als --url)
  --token <jwt>        bearer-token met de rol beheer (of omgevingsvariabele SD_TOKEN)
  --gemeente GM0000    de gemeente; zonder token, tegen een server in dev-modus, ook die van een beheer-ontwikkeltoken
  --help               deze uitleg

Exitcode: 0 klaar, 1 niet elke cliënt gewist (opnieuw draaien is veilig), 2 verkeerd gebruik of geen verbinding.
`;

const GLOBAAL = {
  url: { type: 'string' },
  'intake-url': { type: 'string' },
  token: { type: 'string' },
  gemeente: { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** The global options out of the arguments; `--gemeente` stays in too, for the command. */
function splits(argv: string[]) {
  const { values, tokens } = parseArgs({ args: argv, options: GLOBAAL, strict: false, allowPositionals: true, tokens: true });
  const weg = new Set<number>();
  for (const t of tokens) {
    if (t.kind !== 'option' || !['url', 'intake-url', 'token', 'help'].includes(t.name)) continue;
    weg.add(t.index);
    if (t.value !== undefined && !t.inlineValue) weg.add(t.index + 1);
  }
  const rest = argv.filter((_, i) => !weg.has(i));
  const naam = rest.findIndex((a) => !a.startsWith('-'));
  const tekst = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    url: tekst(values.url) ?? 'http://localhost:3003',
    intakeUrl: tekst(values['intake-url']) ?? 'http://localhost:3001',
    token: tekst(values.token) ?? (process.env.SD_TOKEN || undefined),
    gemeenten: typeof values.gemeente === 'string' ? values.gemeente.split(',') : [],
    help: values.help === true,
    opdracht: naam < 0 ? undefined : rest[naam],
    args: naam < 0 ? rest : rest.filter((_, i) => i !== naam),
  };
}

function eisUrl(optie: string, url: string): void {
  try {
    new URL(url);
  } catch {
    throw new CliFout(2, `${optie} ${JSON.stringify(url)} is geen geldige URL.`);
  }
}

async function main(argv: string[]): Promise<number> {
  const g = splits(argv);
  if (g.help || !g.opdracht) {
    process.stdout.write(HULP);
    return g.help ? 0 : 2;
  }
  const gekozen = OPDRACHTEN[g.opdracht];
  if (!gekozen)
    throw new CliFout(2, `Onbekende opdracht ${JSON.stringify(g.opdracht)}: kies uit ${Object.keys(OPDRACHTEN).join(', ')} (zie --help).`);
  eisUrl('--url', g.url);
  eisUrl('--intake-url', g.intakeUrl);
  let token: Promise<string> | undefined;
  const ctx: CliContext = {
    url: g.url,
    intakeUrl: g.intakeUrl,
    token: () => (token ??= g.token !== undefined ? Promise.resolve(g.token) : devToken(g.url, g.gemeenten)),
    uit: (regel) => void process.stdout.write(`${regel}\n`),
    meld: (regel) => void process.stderr.write(`${regel}\n`),
  };
  return gekozen.opdracht(g.args, ctx);
}

/** A parseArgs refusal (unknown option, missing value) is wrong usage too. */
function alsZin(e: unknown): CliFout {
  if (e instanceof CliFout) return e;
  const code = (e as { code?: string }).code;
  if (code?.startsWith('ERR_PARSE_ARGS')) return new CliFout(2, `Verkeerd gebruik: ${(e as Error).message} (zie --help).`);
  return new CliFout(2, `Er ging iets onverwachts mis: ${e instanceof Error ? e.message : String(e)}`);
}

process.stdout.on('error', () => undefined); // a closed pipe (| head) is no failure
main(process.argv.slice(2)).then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (e: unknown) => {
    const fout = alsZin(e);
    process.stderr.write(`${fout.message}\n`, () => process.exit(fout.code));
  },
);
