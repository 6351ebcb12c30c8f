import { JEUGDWET_PRODUCTCATEGORIEEN, WMO_PRODUCTCATEGORIEEN } from '../../../../libs/domain/src/productcategorieen';

/**
 * Dutch names for the API's codes, in the words of the council reports. The productcategorie
 * names come from their one owner, libs/domain (the iWmo and iJw code lists); a gemeente's own
 * code shows as the code.
 */

export const WETTEN: Record<string, string> = { wmo: 'Wmo', jeugdwet: 'Jeugdwet', participatiewet: 'Participatiewet' };
export const LEVERINGSVORMEN: Record<string, string> = { zin: 'Zorg in natura', pgb: 'Pgb' };
export const GESLACHTEN: Record<string, string> = { man: 'Man', vrouw: 'Vrouw', onbekend: 'Onbekend' };

const REDENEN: Record<string, string> = {
  'volgens-plan': 'Volgens plan',
  'voortijdig-client': 'Voortijdig, door cliënt',
  'voortijdig-aanbieder': 'Voortijdig, door aanbieder',
  wlz: 'Naar de Wlz',
  'einde-ww': 'Einde WW',
  'huwelijk-samenwonen': 'Huwelijk of samenwonen',
  'verhuizing-buitenland': 'Verhuizing naar het buitenland',
  'geen-inlichtingen': 'Geen inlichtingen',
  'oorzaak-partner': 'Oorzaak bij partner',
  'deels-gegrond': 'Deels gegrond',
  'niet-ontvankelijk': 'Niet-ontvankelijk',
  pgb: 'Pgb',
  onbekend: 'Onbekend',
};

/** Any other code: its words, the first capitalised (`huishoudelijke-hulp` → `Huishoudelijke hulp`). */
export function codeNaam(code: string): string {
  if (REDENEN[code]) return REDENEN[code];
  const woorden = code.replace(/-/g, ' ');
  return woorden.charAt(0).toUpperCase() + woorden.slice(1);
}

export function wetNaam(code: string): string {
  return WETTEN[code] ?? codeNaam(code);
}

export const PRODUCTCATEGORIEEN: { wet: 'wmo' | 'jeugdwet'; code: string; naam: string }[] = [
  ...Object.entries(WMO_PRODUCTCATEGORIEEN).map(([code, naam]) => ({ wet: 'wmo' as const, code, naam })),
  ...Object.entries(JEUGDWET_PRODUCTCATEGORIEEN).map(([code, naam]) => ({ wet: 'jeugdwet' as const, code, naam })),
].sort((a, b) => a.code.localeCompare(b.code));

export function productcategorieNaam(code: string): string {
  const naam = WMO_PRODUCTCATEGORIEEN[code] ?? JEUGDWET_PRODUCTCATEGORIEEN[code];
  return naam ? `${code} ${naam}` : code;
}

/** `jeugdwet+wmo` → `Jeugdwet + Wmo`. */
export function combinatieNaam(combinatie: string): string {
  return combinatie.split('+').map(wetNaam).join(' + ');
}

export function leeftijdNaam(groep: string): string {
  return groep === 'onbekend' ? 'Onbekend' : `${groep.replace('-', '–')} jaar`;
}
