import { type CliContext, draai, gebruiksregels, type OpdrachtMetGebruik } from '@sd/cli';
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
 * sentence on stderr and never a stack trace. The plumbing is libs/cli's, shared with apps/beheer-cli.
 */

const OPDRACHTEN: Record<string, OpdrachtMetGebruik<CliContext>> = {
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
${gebruiksregels(OPDRACHTEN)}

Algemene opties:
  --url <url>          de projections-app (standaard http://localhost:3003)
  --token <jwt>        bearer-token met de rol auditor (of omgevingsvariabele SD_TOKEN)
  --gemeente GM0000    zonder token, tegen een server in dev-modus: een auditor-ontwikkeltoken voor deze gemeente(n)
  --help               deze uitleg

Exitcode: 0 alles klopt, 1 verschil of breuk gevonden, 2 verkeerd gebruik of geen verbinding.
`;

draai({ rol: 'auditor', naam: 'audit-cli', opdrachten: OPDRACHTEN, hulp: HULP });
