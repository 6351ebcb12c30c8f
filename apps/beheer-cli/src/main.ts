import { draai, gebruiksregels, type OpdrachtMetGebruik } from '@sd/cli';
import type { BeheerContext } from './context.js';
import { vergeetVerlopen } from './vergeet-verlopen.js';

/*
 * Beheer's command line: `npm run vergeet-verlopen -- [opties]` (the script names the command), or
 * `node dist/apps/beheer-cli/src/main.js vergeet-verlopen …` on a machine with only the built code.
 * Exit 0: done; 1: some of the work failed; 2: wrong usage or no connection, always one Dutch
 * sentence on stderr and never a stack trace: the plumbing of libs/cli, which apps/audit-cli shares.
 */

const OPDRACHTEN: Record<string, OpdrachtMetGebruik<BeheerContext>> = {
  'vergeet-verlopen': {
    opdracht: vergeetVerlopen,
    gebruik:
      'vergeet-verlopen --gemeente GM0000 [--peildatum JJJJ-MM-DD] [--uitvoeren]   cliënten over hun bewaartermijn tonen (proefdraai) of wissen',
  },
};

const HULP = `Gebruik: npm run vergeet-verlopen -- --gemeente GM0000 [--peildatum JJJJ-MM-DD] [--uitvoeren] [opties]
   of: node dist/apps/beheer-cli/src/main.js <opdracht> [opties]

Opdrachten:
${gebruiksregels(OPDRACHTEN)}

Zonder --uitvoeren is het een proefdraai: de lijst en wat er zou gebeuren, niets gewist.

Algemene opties:
  --url <url>          de projections-app (standaard http://localhost:3003)
  --intake-url <url>   de intake-app, die wist (standaard http://localhost:3001; achter de gateway dezelfde als --url)
  --token <jwt>        bearer-token met de rol beheer (of omgevingsvariabele SD_TOKEN)
  --gemeente GM0000    de gemeente; zonder token, tegen een server in dev-modus, ook die van een beheer-ontwikkeltoken
  --help               deze uitleg

Exitcode: 0 klaar, 1 niet elke cliënt gewist (opnieuw draaien is veilig), 2 verkeerd gebruik of geen verbinding.
`;

draai<BeheerContext>({
  rol: 'beheer',
  naam: 'beheer-cli',
  opdrachten: OPDRACHTEN,
  hulp: HULP,
  eigenUrls: { 'intake-url': 'http://localhost:3001' },
  context: (ctx, urls) => ({ ...ctx, intakeUrl: urls['intake-url'] }),
});
