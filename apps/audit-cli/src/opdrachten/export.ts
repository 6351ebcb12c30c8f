import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CliFout, geenVerbinding, type Opdracht, voortgang, type VoortgangVorm } from '@sd/cli';
import { haal } from '../http.js';
import { leesOpties } from './opties.js';

const GEBRUIK = 'export --gemeente GM0000 [--tot-positie N] --uit <bestand>';
const GEMEENTE = /^GM\d{4}(,GM\d{4})*$/;

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** The download's progress over the positions; totPositie is known once the kop has passed. */
const VOORTGANG: VoortgangVorm<{ regels: number; mb: string }> = {
  balk: 'export |{bar}| positie {value}/{total} · {regels} regels · {mb}',
  regel: (positie, totPositie, { regels, mb: grootte }) =>
    `export: positie ${positie}${totPositie ? ` van ${totPositie}` : ''}, ${regels} regels, ${grootte}`,
};

/**
 * Counts what passes on its way to the file, without holding it: bytes, lines, the position of the
 * last line of each chunk (for the progress bar) and the kop's totPositie. Remembers whether the
 * stream ended on a line end: an NDJSON download that does not was cut off.
 */
class Teller extends Transform {
  bytes = 0;
  regels = 0;
  positie = 0;
  totPositie: number | null = null;
  eindigtOpRegel = false;

  constructor(private readonly melden: (t: Teller) => void) {
    super();
  }

  override _transform(stuk: Buffer, _codering: BufferEncoding, klaar: (e?: Error | null, data?: Buffer) => void) {
    this.bytes += stuk.length;
    for (let i = stuk.indexOf(10); i !== -1; i = stuk.indexOf(10, i + 1)) this.regels++;
    this.eindigtOpRegel = stuk[stuk.length - 1] === 10;
    const staart = stuk.subarray(Math.max(0, stuk.length - 4096)).toString('utf8');
    if (this.totPositie === null) {
      const kop = /"totPositie":(\d+)/.exec(stuk.subarray(0, 65536).toString('utf8'));
      if (kop) this.totPositie = Number(kop[1]);
    }
    const posities = [...staart.matchAll(/"positie":(\d+)/g)];
    if (posities.length) this.positie = Math.max(this.positie, Number(posities.at(-1)![1]));
    this.melden(this);
    klaar(null, stuk);
  }
}

/** `export --gemeente … [--tot-positie N] --uit <bestand>`: GET /audit/export streamed to a file. */
export const exporteer: Opdracht = async (args, ctx) => {
  const { values, positionals } = leesOpties(args, { 'tot-positie': { type: 'string' }, uit: { type: 'string' } }, GEBRUIK);
  if (positionals.length || !values.gemeente || !values.uit)
    throw new CliFout(2, `Verkeerd gebruik: geef --gemeente en --uit — ${GEBRUIK}.`);
  if (!GEMEENTE.test(values.gemeente)) throw new CliFout(2, `--gemeente ${values.gemeente} is geen CBS-code zoals GM0005.`);
  const tot = values['tot-positie'];
  if (tot !== undefined && !/^\d+$/.test(tot)) throw new CliFout(2, `--tot-positie ${tot} is geen positie (een geheel getal).`);

  const query = new URLSearchParams({ gemeente: values.gemeente, ...(tot !== undefined ? { totPositie: tot } : {}) });
  const res = await haal(ctx, `/audit/export?${query.toString()}`, `de export van ${values.gemeente}`);
  if (!res.body) throw new CliFout(2, 'De server stuurde een lege export.');

  const balk = voortgang(VOORTGANG, (regel) => ctx.meld(regel));
  const teller = new Teller((t) => balk.zet(t.positie, t.totPositie, { regels: t.regels, mb: mb(t.bytes) }));
  try {
    await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), teller, createWriteStream(values.uit));
    if (teller.bytes > 0 && !teller.eindigtOpRegel) throw new Error('afgebroken midden in een regel');
  } catch (e) {
    balk.stop();
    await rm(values.uit, { force: true });
    if ((e as { code?: string }).code === 'ENOENT' || (e as { code?: string }).code === 'EACCES') {
      throw new CliFout(2, `${values.uit} is niet te schrijven.`);
    }
    const reden = (e as { cause?: { code?: string } }).cause?.code ? geenVerbinding(ctx.url, e).message : 'de verbinding viel weg.';
    throw new CliFout(2, `De export is niet compleet binnengekomen en is niet bewaard: ${reden}`);
  }
  balk.stop();
  ctx.meld(`Export van ${values.gemeente} bewaard in ${values.uit}: ${teller.regels} regels, ${mb(teller.bytes)}.`);
  return 0;
};
