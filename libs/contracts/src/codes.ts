/*
 * The code lists of DESIGN section 2, owned here and re-exported by @sd/domain (its codes.ts): the
 * event schemas check against them, and @sd/domain already imports @sd/contracts, so the other way
 * round would be an import cycle. A list is part of the contract of every schema version that uses
 * it: a new code widens those versions (stored events stay valid), a code taken out would make
 * stored events unreadable. A version that must not widen gets a frozen list of its own.
 */
export const WETTEN = ['wmo', 'jeugdwet', 'participatiewet'] as const;
export type Wet = (typeof WETTEN)[number];

export const LEVERINGSVORMEN = ['zin', 'pgb'] as const;
export type Leveringsvorm = (typeof LEVERINGSVORMEN)[number];

export const REGELINGEN = ['participatiewet', 'ioaw', 'ioaz', 'bbz', 'participatiewet-elders-verzorgd'] as const;
export type Regeling = (typeof REGELINGEN)[number];

export const GESLACHTEN = ['man', 'vrouw', 'onbekend'] as const;
export type Geslacht = (typeof GESLACHTEN)[number];

export const VERWIJZERS = [
  'huisarts',
  'medisch-specialist',
  'gecertificeerde-instelling',
  'gemeentelijke-toegang',
  'ouders-jeugdige',
  'onderwijs',
  'veilig-thuis',
  'overig',
] as const;
export type Verwijzer = (typeof VERWIJZERS)[number];

export const AFRONDING_UITKOMSTEN = ['aanvraag', 'algemene-voorziening', 'doorverwezen', 'geen-ondersteuning', 'ingetrokken'] as const;
export type AfrondingUitkomst = (typeof AFRONDING_UITKOMSTEN)[number];

export const BEEINDIGING_REDENEN = [
  'volgens-plan',
  'voortijdig-client',
  'voortijdig-aanbieder',
  'verhuizing',
  'overlijden',
  'wlz',
  'overig',
] as const;
export type BeeindigingReden = (typeof BEEINDIGING_REDENEN)[number];

export const INSTROOMREDENEN = ['einde-ww', 'einde-werk', 'statushouder', 'scheiding', 'overig'] as const;
export type Instroomreden = (typeof INSTROOMREDENEN)[number];

export const UITSTROOMREDENEN = [
  'werk',
  'overlijden',
  'huwelijk-samenwonen',
  'verhuizing',
  'verhuizing-buitenland',
  'geen-inlichtingen',
  'pensioen',
  'studie',
  'arbeidsongeschiktheid',
  'oorzaak-partner',
  'overig',
] as const;
export type Uitstroomreden = (typeof UITSTROOMREDENEN)[number];

export const BEZWAAR_UITKOMSTEN = ['gegrond', 'deels-gegrond', 'ongegrond', 'ingetrokken', 'niet-ontvankelijk'] as const;
export type BezwaarUitkomst = (typeof BEZWAAR_UITKOMSTEN)[number];

/** Why a client's personal data is erased (AVG art. 17 lid 1: no longer needed, at the person's request, unlawfully processed). */
export const VERGETEN_GRONDSLAGEN = ['bewaartermijn-verstreken', 'verzoek-betrokkene', 'onrechtmatig-verwerkt'] as const;
export type VergetenGrondslag = (typeof VERGETEN_GRONDSLAGEN)[number];
