/** The code lists of DESIGN section 2. Reports group by these codes. */
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

export const AFRONDING_UITKOMSTEN = [
  'aanvraag',
  'algemene-voorziening',
  'doorverwezen',
  'geen-ondersteuning',
  'ingetrokken',
] as const;
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

/** Gemeenten are identified by their CBS code. */
export const GEMEENTE_CODE = /^GM\d{4}$/;

/** The gemeente's own household key: 1–64 letters, digits, `-` and `_`. */
export const HUISHOUDEN_ID = /^[A-Za-z0-9_-]{1,64}$/;
