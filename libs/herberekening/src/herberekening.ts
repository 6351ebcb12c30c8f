import type { NietHerberekenbaar, Oracle, RapportNaam } from './oracle.js';
import type { OracleFilters } from './vraag.js';

/** One report to recompute: a peildatum (stand, wachtlijst, stapeling) or a period (the others, stapeling). */
export interface HerberekeningVraag extends OracleFilters {
  rapport: RapportNaam;
  peildatum?: string;
  van?: string;
  tot?: string;
}

export interface Herberekening {
  rapport: RapportNaam;
  /** The report without meta fields and without the figures listed in `nietHerberekenbaar`. */
  cijfers: Record<string, unknown>;
  nietHerberekenbaar: NietHerberekenbaar[];
}

function periode(v: HerberekeningVraag): { van: string; tot: string } {
  if (v.van === undefined || v.tot === undefined) throw new Error(`${v.rapport}: een periode (van en tot) is nodig`);
  return { van: v.van, tot: v.tot };
}

function peildatum(v: HerberekeningVraag): string {
  if (v.peildatum === undefined) throw new Error(`${v.rapport}: een peildatum is nodig`);
  return v.peildatum;
}

/** The report as the oracle computes it from its input, with what that input cannot give left out and named. */
export function herbereken(oracle: Oracle, v: HerberekeningVraag): Herberekening {
  const { rapport, peildatum: _p, van: _v, tot: _t, ...filters } = v;
  let cijfers: object;
  switch (rapport) {
    case 'stand':
      cijfers = oracle.stand({ ...filters, peildatum: peildatum(v) });
      break;
    case 'wachtlijst':
      cijfers = oracle.wachtlijst({ ...filters, peildatum: peildatum(v) });
      break;
    case 'stapeling':
      cijfers = oracle.stapeling(v.peildatum !== undefined ? { ...filters, peildatum: v.peildatum } : { ...filters, ...periode(v) });
      break;
    case 'instroom-uitstroom':
      cijfers = oracle.instroomUitstroom({ ...filters, ...periode(v) });
      break;
    case 'bezwaren':
      cijfers = oracle.bezwaren({ ...filters, ...periode(v) });
      break;
  }
  const nietHerberekenbaar = oracle.nietHerberekenbaar(rapport);
  const uit: Record<string, unknown> = { ...cijfers };
  // The paths are top-level breakdowns (VERBORGEN_NODIG), so deleting the key leaves out the whole figure.
  for (const n of nietHerberekenbaar) delete uit[n.pad];
  return { rapport, cijfers: uit, nietHerberekenbaar };
}
