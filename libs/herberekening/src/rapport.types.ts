/**
 * The JSON shape of the five reports (DESIGN section 4 and 5), and the choices the design leaves
 * open, made once here for the SQL, the oracle (this library) and the CSV alike:
 *
 * - Items are voorzieningen (wet wmo or jeugdwet) and uitkeringen (wet participatiewet, with a
 *   regeling). An item, aanmelding or bezwaar whose registration was ingetrokken counts nowhere.
 *   Afwijzingen are besluiten but no items.
 * - As known at kennisdatum k: each stream folded over its events with recordedAt <= k (a stream
 *   whose first event is later does not exist at k).
 * - A household is `<gemeente>:<huishoudenId>` of the client, or the client alone without one.
 * - A filter on an attribute excludes whatever lacks it: `productcategorie` and `leveringsvorm`
 *   exclude uitkeringen and aanmeldingen, `regeling` excludes voorzieningen and aanmeldingen;
 *   `wet` applies to items, aanmeldingen (their wet) and bezwaren (the wet of the besluit).
 *   The bezwaren report takes `gemeente` and `wet` only.
 * - Breakdown rows (`perX` arrays) exist for each value present in the filtered population (for
 *   in/uitstroom: any of the four figures non-zero), sorted ascending by their key field(s).
 *   Reden maps (`instroomPerReden`, `perUitkomst`, …) hold only codes that occur.
 *   Stapeling distributions always hold all six classes `1`…`5`, `6+`.
 * - Age (leeftijdsgroep) is in whole years at the peildatum.
 * - Uitstroom reden: a voorziening's beëindigingsreden, `volgens-plan` when its einddatum was set
 *   at toekenning or by correctie without a beëindiging; an uitkering's uitstroomreden.
 *   Instroom reden: an uitkering's instroomreden; a voorziening has none: `onbekend`.
 * - Wachtlijst part 2 (nietGestart) counts voorzieningen only: an uitkering has no levering. Every count is a plain number,
 * except in publication mode, where a secret count is `null` and its name is listed in the
 * `geheim` array of the object it stands in.
 */

export interface RapportFilters {
  /** Gemeente codes asked for (or all the caller may see). */
  gemeente: string[];
  /** The regio asked for, whose gemeenten are `gemeente`. */
  regio?: string;
  wet?: string;
  productcategorie?: string;
  leveringsvorm?: string;
  regeling?: string;
}

export interface RapportMeta {
  rapport: 'stand' | 'instroom-uitstroom' | 'wachtlijst' | 'stapeling' | 'bezwaren';
  /** ISO instant: only events recorded at or before it count. */
  kennisdatum: string;
  /** The last global position the read model had applied when answering. */
  positie: number;
  filters: RapportFilters;
  publicatie: boolean;
}

export type Aantal = number | null;

/** In publication mode: names of the counts in this object that are secret (shown as null). */
export interface Geheim {
  geheim?: string[];
}

// ---------- stand ----------

export interface StandCijfers extends Geheim {
  voorzieningen: Aantal;
  clienten: Aantal;
  huishoudens: Aantal;
}

export const LEEFTIJDSGROEPEN = ['0-17', '18-26', '27-64', '65-74', '75+'] as const;

export interface StandRapport extends RapportMeta {
  rapport: 'stand';
  peildatum: string;
  totaal: StandCijfers;
  perGemeente: (StandCijfers & { gemeente: string })[];
  perWet: (StandCijfers & { wet: string })[];
  /** Voorzieningen only (an uitkering has no productcategorie). */
  perProductcategorie: (StandCijfers & { wet: string; productcategorie: string })[];
  /** Voorzieningen only. */
  perLeveringsvorm: (StandCijfers & { leveringsvorm: string })[];
  /** Uitkeringen only. */
  perRegeling: (StandCijfers & { regeling: string })[];
  /** Age of the client at the end of the peildatum. */
  perLeeftijdsgroep: (StandCijfers & { leeftijdsgroep: string })[];
  perGeslacht: (StandCijfers & { geslacht: string })[];
}

// ---------- instroom-uitstroom ----------

export interface StroomCijfers extends Geheim {
  beginstand: Aantal;
  instroom: Aantal;
  uitstroom: Aantal;
  eindstand: Aantal;
}

export interface StroomTotaal extends StroomCijfers {
  /** instroomreden → count; items without one (voorzieningen) under `onbekend`. */
  instroomPerReden: Record<string, Aantal>;
  /** beëindigingsreden / uitstroomreden → count; a planned einddatum counts as `volgens-plan`. */
  uitstroomPerReden: Record<string, Aantal>;
}

export interface InstroomUitstroomRapport extends RapportMeta {
  rapport: 'instroom-uitstroom';
  van: string;
  tot: string;
  /** beginstand is the stand per `van` − 1 day, eindstand the stand per `tot`. */
  totaal: StroomTotaal;
  perGemeente: (StroomCijfers & { gemeente: string })[];
  perWet: (StroomCijfers & { wet: string })[];
  perProductcategorie: (StroomCijfers & { wet: string; productcategorie: string })[];
  perLeveringsvorm: (StroomCijfers & { leveringsvorm: string })[];
  perRegeling: (StroomCijfers & { regeling: string })[];
}

// ---------- wachtlijst ----------

export interface WachtlijstCijfers extends Geheim {
  /** Aanmeldingen received on or before the peildatum and not afgerond by its end. */
  aanmeldingen: Aantal;
  /** Of those, the ones whose wachttijd (peildatum − ontvangenOp, days) is strictly above the norm of their wet. */
  aanmeldingenBovenNorm: Aantal;
  /** Toegekende voorzieningen (besluit on or before the peildatum) whose levering has not started and that have not ended. */
  nietGestart: Aantal;
}

export const WACHTTIJD_KLASSEN = ['0-14', '15-28', '29-42', '43-56', '57-91', '92+'] as const;

export interface WachtlijstRapport extends RapportMeta {
  rapport: 'wachtlijst';
  peildatum: string;
  /** Norm in days per wet (configurable). */
  normen: Record<string, number>;
  totaal: WachtlijstCijfers;
  perGemeente: (WachtlijstCijfers & { gemeente: string })[];
  perWet: (WachtlijstCijfers & { wet: string })[];
  /** Aanmeldingen on the wachtlijst per wachttijd class (days). */
  wachttijdVerdeling: ({ klasse: string; aanmeldingen: Aantal } & Geheim)[];
}

// ---------- stapeling ----------

export const STAPEL_KLASSEN = ['1', '2', '3', '4', '5', '6+'] as const;

export interface StapelingCijfers {
  /** Number of items (voorzieningen and uitkeringen) → number of clients having that many. */
  clienten: Record<string, Aantal>;
  huishoudens: Record<string, Aantal>;
  /** Sorted wetten joined by `+` → number of clients. */
  combinaties: Record<string, Aantal>;
  geheim?: string[];
}

export interface StapelingGemeente extends StapelingCijfers {
  gemeente: string;
  /** Only when population figures for the gemeente and the year of the peildatum (or `tot`) are loaded. */
  bevolking?: { jaar: number; inwoners: number; huishoudens: number };
  /** Clients with an item per 1,000 inwoners; households with an item per 1,000 huishoudens (one decimal). */
  clientenPer1000Inwoners?: number | null;
  huishoudensPer1000Huishoudens?: number | null;
}

export interface StapelingRapport extends RapportMeta {
  rapport: 'stapeling';
  /** Either a peildatum, or a period `van`–`tot` (every item active on at least one day of it). */
  peildatum?: string;
  van?: string;
  tot?: string;
  totaal: StapelingCijfers;
  perGemeente: StapelingGemeente[];
}

// ---------- bezwaren ----------

export interface BezwarenCijfers extends Geheim {
  /** Bezwaren with ontvangenOp in the period. */
  ontvangen: Aantal;
  /** Bezwaren with afgehandeldOp in the period. */
  afgehandeld: Aantal;
  /** Of the afgehandelde: uitkomst → count. */
  perUitkomst: Record<string, Aantal>;
  /** Of the ontvangen: onderwerp → count. */
  perOnderwerp: Record<string, Aantal>;
  /** Of the afgehandelde: afgehandeld on or before the last day of the Awb beslistermijn. */
  binnenTermijn: Aantal;
}

export interface BezwarenRapport extends RapportMeta {
  rapport: 'bezwaren';
  van: string;
  tot: string;
  totaal: BezwarenCijfers;
  perGemeente: (BezwarenCijfers & { gemeente: string })[];
}

export type Rapport = StandRapport | InstroomUitstroomRapport | WachtlijstRapport | StapelingRapport | BezwarenRapport;
