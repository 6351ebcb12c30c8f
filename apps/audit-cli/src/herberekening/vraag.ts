import type { KopRegel } from '@sd/audit';
import { type HerberekeningVraag, isDatum, kennisdatumTijdstip, periodeGrenzen, type RapportNaam } from '@sd/herberekening';
import { CliFout } from '@sd/cli';

/*
 * A report question as the auditor types it (the API's own query names), turned into the same
 * question for the recomputation. Without --gemeente it is the export's gemeenten, asked of the API
 * as well: the export holds nothing else.
 */

export const RAPPORTEN: readonly RapportNaam[] = ['stand', 'instroom-uitstroom', 'wachtlijst', 'stapeling', 'bezwaren'];
const OP_PEILDATUM: readonly RapportNaam[] = ['stand', 'wachtlijst', 'stapeling'];
const OVER_PERIODE: readonly RapportNaam[] = ['instroom-uitstroom', 'bezwaren', 'stapeling'];
export const FILTERS = ['gemeente', 'wet', 'productcategorie', 'leveringsvorm', 'regeling'] as const;

export interface RapportVraag {
  rapport: RapportNaam;
  /** The API's query parameters (without minPositie). */
  params: Record<string, string>;
  vraag: HerberekeningVraag;
}

/** Checks the parameters and makes both forms of the question; wrong usage is a CliFout(2). */
export function rapportVraag(rapport: string, gegeven: Record<string, string>, kop: KopRegel): RapportVraag {
  if (!RAPPORTEN.includes(rapport as RapportNaam)) throw new CliFout(2, `onbekend rapport '${rapport}': kies uit ${RAPPORTEN.join(', ')}`);
  const r = rapport as RapportNaam;
  const params: Record<string, string> = { ...gegeven };
  const vraag: HerberekeningVraag = { rapport: r };
  if (params.peildatum !== undefined) {
    if (!OP_PEILDATUM.includes(r)) throw new CliFout(2, `${r} gaat over een periode: geef --periode of --van en --tot`);
    if (!isDatum(params.peildatum)) throw new CliFout(2, `--peildatum: geen datum JJJJ-MM-DD: ${params.peildatum}`);
    if (params.periode !== undefined || params.van !== undefined || params.tot !== undefined)
      throw new CliFout(2, 'geef een peildatum of een periode, niet beide');
    vraag.peildatum = params.peildatum;
  } else {
    if (!OVER_PERIODE.includes(r)) throw new CliFout(2, `${r} is per peildatum: geef --peildatum`);
    if (params.periode !== undefined) {
      const g = periodeGrenzen(params.periode);
      if (!g) throw new CliFout(2, `--periode: een maand 2016-05, kwartaal 2016-Q2, halfjaar 2016-H1 of jaar 2016, niet ${params.periode}`);
      Object.assign(vraag, g);
    } else {
      if (params.van === undefined || params.tot === undefined) throw new CliFout(2, `${r}: geef --periode, of --van en --tot`);
      if (!isDatum(params.van) || !isDatum(params.tot) || params.van > params.tot)
        throw new CliFout(2, `--van en --tot: twee datums JJJJ-MM-DD, van niet na tot`);
      Object.assign(vraag, { van: params.van, tot: params.tot });
    }
  }
  if (params.kennisdatum !== undefined) {
    const k = kennisdatumTijdstip(params.kennisdatum);
    if (!k) throw new CliFout(2, `--kennisdatum: een datum of een tijdstip met Z of offset, niet ${params.kennisdatum}`);
    vraag.kennisdatum = k;
  }
  params.gemeente ??= kop.gemeenten.join(',');
  vraag.gemeente = params.gemeente.split(',');
  const buiten = vraag.gemeente.filter((g) => !kop.gemeenten.includes(g));
  if (buiten.length) throw new CliFout(2, `de export bevat ${buiten.join(', ')} niet (wel ${kop.gemeenten.join(', ')})`);
  for (const f of FILTERS) if (f !== 'gemeente' && params[f] !== undefined) vraag[f] = params[f];
  if (r === 'bezwaren' && (vraag.productcategorie || vraag.leveringsvorm || vraag.regeling))
    throw new CliFout(2, 'bezwaren neemt alleen --gemeente en --wet');
  return { rapport: r, params, vraag };
}

/**
 * `--naam waarde` pairs and `--schakelaar`s; anything else is a positional argument. Unknown names
 * are wrong usage.
 */
export function leesArgumenten(
  args: string[],
  metWaarde: readonly string[],
  schakelaars: readonly string[],
): { waarden: Record<string, string>; aan: Set<string>; los: string[] } {
  const waarden: Record<string, string> = {};
  const aan = new Set<string>();
  const los: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      los.push(a);
      continue;
    }
    const naam = a.slice(2);
    if (schakelaars.includes(naam)) aan.add(naam);
    else if (metWaarde.includes(naam)) {
      const w = args[++i];
      if (w === undefined || w.startsWith('--')) throw new CliFout(2, `${a} heeft een waarde nodig`);
      waarden[naam] = w;
    } else throw new CliFout(2, `onbekende optie ${a}`);
  }
  return { waarden, aan, los };
}
