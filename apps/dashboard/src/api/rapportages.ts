import type { Effectief, Weergave } from '../lib/weergave';

/**
 * The parts of the reports' JSON the dashboard shows (the API's contract is
 * apps/projections/src/rapportages/rapportage.types.ts; an app does not import another app).
 * In publication mode a secret count is null and named in the `geheim` array of its object.
 */

export type RapportNaam = 'stand' | 'instroom-uitstroom' | 'wachtlijst' | 'stapeling' | 'bezwaren';
export type Aantal = number | null;

export interface Geheim {
  geheim?: string[];
}

export interface Meta {
  rapport: RapportNaam;
  kennisdatum: string;
  positie: number;
  filters: { gemeente?: string[]; regio?: string; wet?: string; productcategorie?: string; leveringsvorm?: string };
  publicatie: boolean;
}

export interface StandCijfers extends Geheim {
  voorzieningen: Aantal;
  clienten: Aantal;
  huishoudens: Aantal;
}

export interface StandPunt {
  peildatum: string;
  totaal: StandCijfers;
  perGemeente: (StandCijfers & { gemeente: string })[];
  perWet: (StandCijfers & { wet: string })[];
  perProductcategorie: (StandCijfers & { wet: string; productcategorie: string })[];
  perLeveringsvorm: (StandCijfers & { leveringsvorm: string })[];
  perRegeling: (StandCijfers & { regeling: string })[];
  perLeeftijdsgroep: (StandCijfers & { leeftijdsgroep: string })[];
  perGeslacht: (StandCijfers & { geslacht: string })[];
}

export interface StroomTotaal extends Geheim {
  beginstand: Aantal;
  instroom: Aantal;
  uitstroom: Aantal;
  eindstand: Aantal;
  instroomPerReden: Record<string, Aantal>;
  uitstroomPerReden: Record<string, Aantal>;
}

export interface StroomPunt {
  van: string;
  tot: string;
  totaal: StroomTotaal;
}

export interface WachtlijstCijfers extends Geheim {
  aanmeldingen: Aantal;
  aanmeldingenBovenNorm: Aantal;
  nietGestart: Aantal;
}

export interface WachtlijstPunt {
  peildatum: string;
  normen: Record<string, number>;
  totaal: WachtlijstCijfers;
  perGemeente: (WachtlijstCijfers & { gemeente: string })[];
  perWet: (WachtlijstCijfers & { wet: string })[];
  wachttijdVerdeling: ({ klasse: string; aanmeldingen: Aantal } & Geheim)[];
}

export interface StapelingCijfers extends Geheim {
  clienten: Record<string, Aantal>;
  huishoudens: Record<string, Aantal>;
  combinaties: Record<string, Aantal>;
}

export interface StapelingGemeente extends StapelingCijfers {
  gemeente: string;
  bevolking?: { jaar: number; inwoners: number; huishoudens: number };
  clientenPer1000Inwoners?: number | null;
  huishoudensPer1000Huishoudens?: number | null;
}

export interface StapelingPunt {
  peildatum?: string;
  totaal: StapelingCijfers;
  perGemeente: StapelingGemeente[];
}

export interface BezwarenCijfers extends Geheim {
  ontvangen: Aantal;
  afgehandeld: Aantal;
  perUitkomst: Record<string, Aantal>;
  perOnderwerp: Record<string, Aantal>;
  binnenTermijn: Aantal;
}

export interface BezwarenPunt {
  van: string;
  tot: string;
  totaal: BezwarenCijfers;
}

export type Rapport<P> = Meta & P;

/** GET /rapportages/reeks: the single report per interval, each point without its meta fields. */
export interface Reeks<P> extends Omit<Meta, 'rapport'> {
  rapport: RapportNaam;
  interval: string;
  van: string;
  tot: string;
  punten: P[];
}

export interface Regio {
  code: string;
  naam: string;
  gemeenten: string[];
}

/** The bezwaren report takes gemeente and wet only; the API refuses the other filters there. */
const ALLEEN_GEMEENTE_EN_WET: RapportNaam[] = ['bezwaren'];

/** The filters of a view as query parameters for one report. */
export function filterParams(w: Weergave, e: Effectief, rapport: RapportNaam): URLSearchParams {
  const q = new URLSearchParams();
  if (w.regio) q.set('regio', w.regio);
  else if (w.gemeente) q.set('gemeente', w.gemeente.replace(/\s+/g, '').toUpperCase());
  if (w.wet) q.set('wet', w.wet);
  if (!ALLEEN_GEMEENTE_EN_WET.includes(rapport)) {
    if (w.productcategorie) q.set('productcategorie', w.productcategorie);
    if (w.leveringsvorm) q.set('leveringsvorm', w.leveringsvorm);
  }
  if (w.kennisdatum) q.set('kennisdatum', w.kennisdatum);
  if (e.publicatie) q.set('publicatie', 'true');
  return q;
}

export interface Verzoek {
  /** Name of the answer in the page's data. */
  sleutel: string;
  pad: string;
  params: URLSearchParams;
}

export function enkelRapport(sleutel: string, rapport: RapportNaam, w: Weergave, e: Effectief): Verzoek {
  const params = filterParams(w, e, rapport);
  if (rapport === 'instroom-uitstroom' || rapport === 'bezwaren') {
    params.set('van', e.van);
    params.set('tot', e.tot);
  } else params.set('peildatum', e.peildatum);
  return { sleutel, pad: `/rapportages/${rapport}`, params };
}

export function reeks(sleutel: string, rapport: RapportNaam, w: Weergave, e: Effectief): Verzoek {
  const params = filterParams(w, e, rapport);
  params.set('rapport', rapport);
  params.set('van', e.van);
  params.set('tot', e.tot);
  params.set('interval', e.interval);
  return { sleutel, pad: '/rapportages/reeks', params };
}
