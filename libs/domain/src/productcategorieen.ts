import type { Wet } from './codes.js';

/**
 * The landelijke productcategorieën: iWmo codelijst WMO020 (01–18) and iJw codelijst JZ020 (40–55).
 * The 2015 Jeugdwet codes 31–38 are left out; a gemeente that still uses them adds them as its own.
 */
export const WMO_PRODUCTCATEGORIEEN: Readonly<Record<string, string>> = {
  '01': 'Hulp bij het huishouden',
  '02': 'Begeleiding',
  '03': 'Persoonlijke verzorging',
  '04': 'Kortdurend verblijf',
  '05': 'Woondiensten',
  '06': 'Overige ondersteuning gericht op het individu of huishouden/gezin',
  '07': 'Dagbesteding',
  '08': 'Vervoerdiensten',
  '09': 'Overige groepsgerichte ondersteuning',
  '10': 'Overige maatwerkarrangementen',
  '11': 'Rolstoelen',
  '12': 'Vervoervoorzieningen',
  '13': 'Woonvoorzieningen',
  '14': 'Overige hulpmiddelen',
  '15': 'Beschermd wonen',
  '16': 'Opvang',
  '17': 'Spoedopvang',
  '18': 'Overige beschermd wonen en opvang',
};

export const JEUGDWET_PRODUCTCATEGORIEEN: Readonly<Record<string, string>> = {
  '40': 'Persoonlijke verzorging',
  '41': 'Dagbehandeling',
  '42': 'Vervoerdiensten',
  '43': 'Jeugdhulp verblijf (incl. behandeling)',
  '44': 'Jeugdhulp verblijf (excl. behandeling)',
  '45': 'Jeugdhulp ambulant',
  '46': 'Jeugdhulp crisis',
  '47': 'Jeugdreclassering',
  '48': 'Jeugdbescherming',
  '49': 'Activiteiten in het preventief justitieel kader',
  '50': 'Maatwerkarrangementen jeugd',
  '51': 'Generalistische basis-ggz',
  '52': 'Specialistische ggz',
  '53': 'Kindergeneeskunde',
  '54': 'Jeugd-ggz',
  '55': 'Landelijk ingekochte zorg',
};

export interface Productcategorie {
  code: string;
  wet: Extract<Wet, 'wmo' | 'jeugdwet'>;
  naam: string;
}

// Sorted: object keys like '10' come before '01' in JavaScript's own key order.
const gesorteerd = (codes: Readonly<Record<string, string>>): [string, string][] =>
  Object.entries(codes).sort(([a], [b]) => a.localeCompare(b));

/** Both lists in code order, for code-list endpoints and report labels. */
export const PRODUCTCATEGORIEEN: readonly Productcategorie[] = [
  ...gesorteerd(WMO_PRODUCTCATEGORIEEN).map(([code, naam]) => ({ code, wet: 'wmo' as const, naam })),
  ...gesorteerd(JEUGDWET_PRODUCTCATEGORIEEN).map(([code, naam]) => ({ code, wet: 'jeugdwet' as const, naam })),
];

function isLandelijk(code: string): boolean {
  return Object.hasOwn(WMO_PRODUCTCATEGORIEEN, code) || Object.hasOwn(JEUGDWET_PRODUCTCATEGORIEEN, code);
}

/**
 * Whether a productcategorie fits the wet: a landelijke code of that wet, or one of the gemeente's
 * own codes. Own codes may not reuse a landelijke code (as iStandaarden requires), so a Jeugdwet
 * code never passes for the Wmo. The Participatiewet has no productcategorieën.
 */
export function past(wet: Wet, productcategorie: string, eigenCodes: readonly string[] = []): boolean {
  switch (wet) {
    case 'wmo':
      return Object.hasOwn(WMO_PRODUCTCATEGORIEEN, productcategorie) || eigen(productcategorie, eigenCodes);
    case 'jeugdwet':
      return Object.hasOwn(JEUGDWET_PRODUCTCATEGORIEEN, productcategorie) || eigen(productcategorie, eigenCodes);
    case 'participatiewet':
      return false;
  }
}

function eigen(code: string, eigenCodes: readonly string[]): boolean {
  return eigenCodes.includes(code) && !isLandelijk(code);
}
