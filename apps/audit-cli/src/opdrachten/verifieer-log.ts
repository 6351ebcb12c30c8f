import { createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { KeyObject } from 'node:crypto';
import { ExportOnleesbaar, leesPubliekeSleutel, type Verificatie, verifieerExport } from '@sd/audit';
import { CliFout, type CliContext, type Opdracht } from '@sd/cli';
import { leesOpties } from './opties.js';

const GEBRUIK = 'verifieer-log <bestand> [--sleutel <publieke sleutel.pem>]';

/** The export's lines, parsed one at a time: the file is never held in memory. */
async function* regels(bestand: string): AsyncGenerator<unknown> {
  const lezer = createInterface({ input: createReadStream(bestand), crlfDelay: Infinity });
  let nummer = 0;
  for await (const regel of lezer) {
    nummer++;
    try {
      yield JSON.parse(regel);
    } catch {
      throw new ExportOnleesbaar(nummer, 'de regel is geen JSON');
    }
  }
}

async function sleutelUit(bestand: string): Promise<KeyObject> {
  let pem: string;
  try {
    pem = await readFile(bestand, 'utf8');
  } catch {
    throw new CliFout(2, `Het sleutelbestand ${bestand} is niet te lezen.`);
  }
  try {
    return leesPubliekeSleutel(pem);
  } catch {
    throw new CliFout(2, `${bestand} bevat geen publieke Ed25519-sleutel (PEM).`);
  }
}

function meldUitkomst(v: Verificatie, ctx: CliContext): number {
  if (v.sleutelBron === 'kop') {
    ctx.meld(
      `Let op: de checkpoints zijn gecontroleerd met de sleutel uit het bestand zelf (sleutel-id ${v.sleutelId}), die van dezelfde server komt als de log. Geef --sleutel met de publieke sleutel die u apart bewaart.`,
    );
  } else if (v.kopSleutelWijktAf) {
    ctx.meld(`Let op: de sleutel in het bestand is niet uw sleutel (sleutel-id ${v.sleutelId}); gecontroleerd is met de uwe.`);
  }
  const laatste =
    v.laatsteCheckpoint === null
      ? 'geen intact ondertekend checkpoint ervoor'
      : `laatste intacte ondertekende checkpoint op positie ${v.laatsteCheckpoint}`;
  if (v.breuk) {
    ctx.uit(`Log gebroken op positie ${v.breuk.positie} (regel ${v.breuk.regel}): ${v.breuk.uitleg}.`);
    ctx.uit(`${laatste[0].toUpperCase()}${laatste.slice(1)}.`);
  }
  if (v.checkpointFout && (!v.breuk || v.checkpointFout.positie < v.breuk.positie)) {
    ctx.uit(`Checkpoint klopt niet: ${v.checkpointFout.uitleg}.`);
    if (!v.breuk) ctx.uit(`${laatste[0].toUpperCase()}${laatste.slice(1)}.`);
  }
  if (!v.intact) return 1;

  const anderen = v.anderen ? ` (en ${v.anderen} van andere gemeenten)` : '';
  ctx.uit(`Log intact: ${v.events} events${anderen}, ${v.checkpoints} checkpoints geverifieerd, ${laatste}.`);
  if (v.laatsteCheckpoint === null) {
    ctx.meld(
      'Let op: geen enkel ondertekend checkpoint: de keten klopt in zichzelf, maar zonder handtekening bewijst dat niet dat hij niet opnieuw is doorgerekend.',
    );
  } else if (v.onbedekt > 0) {
    ctx.meld(
      `Let op: ${v.onbedekt} posities na checkpoint ${v.laatsteCheckpoint} zijn alleen door de keten gedekt, nog niet door een handtekening.`,
    );
  }
  if (v.laatstePositie !== null && v.laatstePositie < v.totPositie) {
    ctx.meld(`Let op: de laatste positie in het bestand is ${v.laatstePositie}, de kop noemt totPositie ${v.totPositie}.`);
  }
  return 0;
}

/** `verifieer-log <bestand> [--sleutel pem]`: the adapter around libs/audit's verifier. */
export const verifieerLog: Opdracht = async (args, ctx) => {
  const { values, positionals } = leesOpties(args, { sleutel: { type: 'string' } }, GEBRUIK);
  if (positionals.length !== 1) throw new CliFout(2, `Verkeerd gebruik: geef één exportbestand — ${GEBRUIK}.`);
  const [bestand] = positionals;
  try {
    await access(bestand);
  } catch {
    throw new CliFout(2, `Het bestand ${bestand} bestaat niet of is niet te lezen.`);
  }
  const sleutel = values.sleutel === undefined ? undefined : await sleutelUit(values.sleutel);
  try {
    return meldUitkomst(await verifieerExport(regels(bestand), sleutel), ctx);
  } catch (e) {
    if (e instanceof ExportOnleesbaar) throw new CliFout(2, `${bestand} is beschadigd op regel ${e.regel}: ${e.message}.`);
    throw e;
  }
};
