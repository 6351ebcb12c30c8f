import { parseArgs } from 'node:util';
import { CliFout, type CliContext, type Opdracht } from './context.js';
import { devToken } from './http.js';
import { dossier } from './opdrachten/dossier.js';
import { exporteer } from './opdrachten/export.js';
import { herbereken } from './opdrachten/herbereken.js';
import { reproduceer } from './opdrachten/reproduceer.js';
import { verifieerLeesmodellen } from './opdrachten/verifieer-leesmodellen.js';
import { verifieerLog } from './opdrachten/verifieer-log.js';

/*
 * The auditor's command line: `npm run audit -- <opdracht> [opties]`, or `node
 * dist/apps/audit-cli/src/main.js …` on a machine with only the built code. Exit 0: everything
 * checks out; 1: a difference or a break; 2: wrong usage or no connection, always one Dutch
 * sentence on stderr and never a stack trace.
 */

const OPDRACHTEN: Record<string, { opdracht: Opdracht; gebruik: string }> = {
  dossier: { opdracht: dossier, gebruik: 'dossier <streamId> [--json]   een zaak naspelen: elk event met wie, wanneer en de stand erna' },
  export: { opdracht: exporteer, gebruik: 'export --gemeente GM0000 [--tot-positie N] --uit <bestand>   de verzegelde log downloaden' },
  'verifieer-log': {
    opdracht: verifieerLog,
    gebruik: 'verifieer-log <bestand> [--sleutel <publieke sleutel.pem>]   de keten en checkpoints narekenen',
  },
  reproduceer: {
    opdracht: reproduceer,
    gebruik: 'reproduceer <rapport.json>   een gepubliceerd cijfer opnieuw opvragen zoals het toen bekend was',
  },
  herbereken: {
    opdracht: herbereken,
    gebruik:
      'herbereken <stand|instroom-uitstroom|wachtlijst|stapeling|bezwaren> [--peildatum D | --periode P | --van D --tot D] [--kennisdatum T] [filters] --uit <export> [--vergelijk] [--json]   een rapport uit de export alleen',
  },
  'verifieer-leesmodellen': {
    opdracht: verifieerLeesmodellen,
    gebruik:
      'verifieer-leesmodellen --gemeente GM0000 --uit <export> [--peildata D,…] [--perioden P,…]   elk rapport van de server tegen de herberekening',
  },
};

const HULP = `Gebruik: npm run audit -- <opdracht> [opties]

Opdrachten:
${Object.values(OPDRACHTEN)
  .map((o) => `  ${o.gebruik}`)
  .join('\n')}

Algemene opties:
  --url <url>          de projections-app (standaard http://localhost:3003)
  --token <jwt>        bearer-token met de rol auditor (of omgevingsvariabele SD_TOKEN)
  --gemeente GM0000    zonder token, tegen een server in dev-modus: een auditor-ontwikkeltoken voor deze gemeente(n)
  --help               deze uitleg

Exitcode: 0 alles klopt, 1 verschil of breuk gevonden, 2 verkeerd gebruik of geen verbinding.
`;

const GLOBAAL = {
  url: { type: 'string' },
  token: { type: 'string' },
  gemeente: { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** The global options out of the arguments; `--gemeente` stays in too, for `export`. */
function splits(argv: string[]) {
  const { values, tokens } = parseArgs({ args: argv, options: GLOBAAL, strict: false, allowPositionals: true, tokens: true });
  const weg = new Set<number>();
  for (const t of tokens) {
    if (t.kind !== 'option' || !['url', 'token', 'help'].includes(t.name)) continue;
    weg.add(t.index);
    if (t.value !== undefined && !t.inlineValue) weg.add(t.index + 1);
  }
  const rest = argv.filter((_, i) => !weg.has(i));
  const naam = rest.findIndex((a) => !a.startsWith('-'));
  return {
    url: typeof values.url === 'string' ? values.url : 'http://localhost:3003',
    token: typeof values.token === 'string' ? values.token : process.env.SD_TOKEN || undefined,
    gemeenten: typeof values.gemeente === 'string' ? values.gemeente.split(',') : [],
    help: values.help === true,
    opdracht: naam < 0 ? undefined : rest[naam],
    args: naam < 0 ? rest : rest.filter((_, i) => i !== naam),
  };
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
  try {
    new URL(g.url);
  } catch {
    throw new CliFout(2, `--url ${JSON.stringify(g.url)} is geen geldige URL.`);
  }
  let token: Promise<string> | undefined;
  const ctx: CliContext = {
    url: g.url,
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
