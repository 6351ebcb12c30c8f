import { parseArgs } from 'node:util';
import { isKalenderdatum } from '@sd/domain';
import { CliFout, geenVerbinding, haal, traceHeader, uitleg, volgTrace, voortgang, type VoortgangVorm, weigering } from '@sd/cli';
import type { BeheerContext, BeheerOpdracht } from './context.js';

const GEBRUIK = 'vergeet-verlopen --gemeente GM0000 [--peildatum JJJJ-MM-DD] [--uitvoeren]';

/** GET /beheer/bewaartermijnen/verlopen (apps/projections bewaartermijnen.controller.ts). */
interface Pagina {
  peildatum: string;
  gemeente: string;
  termijnen: Record<string, number>;
  aantal: number;
  clienten: { clientId: string; laatsteEinde: string; wet: string; verlooptOp: string }[];
  volgende?: string;
}

/**
 * What the erasure says, the same on every run: with the same Idempotency-Key, a different body
 * would be refused (422) instead of answered as the retry it is.
 */
export const VERGEET_BODY = {
  grondslag: 'bewaartermijn-verstreken',
  toelichting: 'Bewaartermijn verstreken (npm run vergeet-verlopen).',
} as const;

/** Derived from the clientId alone, so a rerun after a crash appends nothing twice. */
export const idempotencyKey = (clientId: string) => `vergeet-verlopen-${clientId}`;

type Uitkomst = 'gewist' | 'al-gewist' | { mislukt: string };

type Stand = { gewist: number; alGewist: number; mislukt: number };

/** Erasure progress, client by client; the last line is the end of the run. */
const VOORTGANG: VoortgangVorm<Stand> = {
  balk: 'vergeten |{bar}| {value}/{total} · gewist {gewist} · al gewist {alGewist} · mislukt {mislukt} · {eta_formatted}',
  regel: (klaar, totaal, { gewist, alGewist, mislukt }) =>
    `vergeten: ${klaar} van ${totaal} (gewist ${gewist}, al gewist ${alGewist}, mislukt ${mislukt})`,
};

/**
 * `vergeet-verlopen --gemeente G [--peildatum D] [--uitvoeren]`: the clients of G past their
 * bewaartermijn on D (default: today), listed; with --uitvoeren each erased through POST
 * /clienten/{id}/vergeten on the intake app, one after the other, with progress. Already erased (409)
 * counts as done. Exit 0 when every one is erased (or on a dry run), 1 when some failed.
 */
export const vergeetVerlopen: BeheerOpdracht = async (args, ctx) => {
  const opties = lees(args);
  const token = await ctx.token();
  const lijst = await alleVerlopen(ctx, opties.gemeente, opties.peildatum);
  const termijnen = Object.entries(lijst.termijnen)
    .map(([wet, jaren]) => `${wet} ${jaren}`)
    .join(', ');
  const kop = `Bewaartermijnen van ${lijst.gemeente} (${termijnen} jaar), peildatum ${lijst.peildatum}`;
  if (lijst.clienten.length === 0) {
    ctx.uit(`${kop}: geen cliënten over hun bewaartermijn.`);
    return 0;
  }
  ctx.uit(`${kop}: ${lijst.clienten.length} cliënt${lijst.clienten.length === 1 ? '' : 'en'} over hun bewaartermijn.`);
  ctx.uit(['clientId'.padEnd(36), 'wet'.padEnd(15), 'laatste einde', 'verloopt op'].join('  '));
  for (const k of lijst.clienten) ctx.uit([k.clientId, k.wet.padEnd(15), k.laatsteEinde.padEnd(13), k.verlooptOp].join('  '));
  if (!opties.uitvoeren) {
    ctx.uit(
      `Proefdraai: niets gewist. Met --uitvoeren wordt elk van deze ${lijst.clienten.length} gewist ` +
        `(POST /clienten/{id}/vergeten, grondslag ${VERGEET_BODY.grondslag}).`,
    );
    return 0;
  }
  return voerUit(ctx, token, lijst.clienten);
};

function lees(args: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { gemeente: { type: 'string' }, peildatum: { type: 'string' }, uitvoeren: { type: 'boolean' } },
      strict: true,
    }));
  } catch (e) {
    throw new CliFout(2, `Verkeerd gebruik: ${(e as Error).message.split('\n')[0]} — ${GEBRUIK}.`);
  }
  if (!values.gemeente || !/^GM\d{4}$/.test(values.gemeente))
    throw new CliFout(2, `Verkeerd gebruik: geef één gemeente als --gemeente GM0000 — ${GEBRUIK}.`);
  if (values.peildatum !== undefined && !isKalenderdatum(values.peildatum))
    throw new CliFout(2, `--peildatum ${JSON.stringify(values.peildatum)} is geen bestaande datum JJJJ-MM-DD.`);
  return { gemeente: values.gemeente, peildatum: values.peildatum, uitvoeren: values.uitvoeren === true };
}

/** Every page of the list, before anything is erased: the run works on what the dry run showed. */
async function alleVerlopen(ctx: BeheerContext, gemeente: string, peildatum?: string): Promise<Pagina> {
  const query = new URLSearchParams({ gemeente, limit: '5000', ...(peildatum ? { peildatum } : {}) });
  const wat = `de verlopen bewaartermijnen van ${gemeente}`;
  const haalPagina = async () => (await (await haal(ctx, `/beheer/bewaartermijnen/verlopen?${query.toString()}`, wat)).json()) as Pagina;
  const eerste = await haalPagina();
  let pagina = eerste;
  while (pagina.volgende) {
    query.set('na', pagina.volgende);
    // The peildatum of the first page, also when it was today's and midnight passes meanwhile.
    query.set('peildatum', eerste.peildatum);
    pagina = await haalPagina();
    eerste.clienten.push(...pagina.clienten);
  }
  return eerste;
}

async function voerUit(ctx: BeheerContext, token: string, clienten: Pagina['clienten']): Promise<number> {
  const stand: Stand = { gewist: 0, alGewist: 0, mislukt: 0 };
  const fouten: string[] = [];
  const balk = voortgang(VOORTGANG, (regel) => ctx.meld(regel));
  balk.zet(0, clienten.length, stand); // the bar from the start, before the first erasure
  const begin = Date.now();
  try {
    for (const [i, k] of clienten.entries()) {
      const uitkomst = await vergeet(ctx, token, k.clientId);
      if (uitkomst === 'gewist') stand.gewist++;
      else if (uitkomst === 'al-gewist') stand.alGewist++;
      else {
        stand.mislukt++;
        fouten.push(`mislukt: ${k.clientId}: ${uitkomst.mislukt}`);
      }
      balk.zet(i + 1, clienten.length, stand);
    }
  } finally {
    balk.stop();
  }
  for (const f of fouten) ctx.uit(f);
  const seconden = ((Date.now() - begin) / 1000).toFixed(1);
  ctx.uit(
    `Klaar in ${seconden} s: ${stand.gewist} gewist, ${stand.alGewist} al gewist, ${stand.mislukt} mislukt (van ${clienten.length}).` +
      (stand.mislukt ? ' Opnieuw draaien is veilig: wat al gewist is, wordt niet nog eens gewist.' : ''),
  );
  return stand.mislukt ? 1 : 0;
}

/** One erasure. No connection, no token or no such route stops the run (CliFout); anything else is this client's failure. */
async function vergeet(ctx: BeheerContext, token: string, clientId: string): Promise<Uitkomst> {
  let res: Response;
  try {
    res = await fetch(new URL(`/clienten/${clientId}/vergeten`, ctx.intakeUrl), {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Idempotency-Key': idempotencyKey(clientId),
        ...traceHeader(ctx),
      },
      body: JSON.stringify(VERGEET_BODY),
    });
  } catch (e) {
    throw geenVerbinding(ctx.intakeUrl, e, '--intake-url');
  }
  volgTrace(ctx, res);
  if (res.ok) return 'gewist';
  if (res.status === 409) return 'al-gewist';
  if (res.status === 401 || res.status === 403) throw await weigering(res, `het wissen van cliënten`, ctx.rol);
  const reden = await uitleg(res);
  // Express's own 404 for a path it has no route for: this intake app cannot erase at all.
  if (res.status === 404 && /^Cannot POST/.test(reden))
    throw new CliFout(
      2,
      `${ctx.intakeUrl} kent POST /clienten/{id}/vergeten niet (404): is --intake-url de intake-app, en kan die al wissen?`,
    );
  return { mislukt: `${res.status}${reden ? ` ${reden}` : ''}` };
}
