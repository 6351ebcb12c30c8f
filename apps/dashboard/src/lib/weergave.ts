import { beginVanInterval, eindeVanInterval, type Interval, isInterval, STANDAARD_AANTAL, vandaag, verschuif } from './datum';

/**
 * The whole state of a view lives in the URL query, under exactly these names, so that a link
 * reproduces the view. Nothing personal ever goes in it: only codes, dates and the mode.
 */
export const PARAMETERS = [
  'gemeente',
  'regio',
  'wet',
  'productcategorie',
  'leveringsvorm',
  'peildatum',
  'van',
  'tot',
  'interval',
  'kennisdatum',
  'publicatie',
] as const;
export type Parameter = (typeof PARAMETERS)[number];
export type Weergave = Partial<Record<Parameter, string>>;

export const PAGINAS = [
  { pad: '', titel: 'Overzicht' },
  { pad: 'stand', titel: 'Stand' },
  { pad: 'instroom-uitstroom', titel: 'Instroom en uitstroom' },
  { pad: 'wachtlijst', titel: 'Wachtlijst' },
  { pad: 'stapeling', titel: 'Stapeling' },
  { pad: 'bezwaren', titel: 'Bezwaren' },
] as const;
export type Pagina = (typeof PAGINAS)[number]['pad'];

export const BASIS = '/dashboard/';

export function leesWeergave(zoek: string): Weergave {
  const q = new URLSearchParams(zoek);
  const w: Weergave = {};
  for (const p of PARAMETERS) {
    const v = q.get(p)?.trim();
    if (v) w[p] = v;
  }
  return w;
}

/** The query string of a view, its parameters always in the same order. */
export function zoekString(w: Weergave): string {
  const q = new URLSearchParams();
  for (const p of PARAMETERS) if (w[p]) q.set(p, w[p]);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function paginaUitPad(pad: string): Pagina | 'aangemeld' | null {
  if (!pad.startsWith(BASIS) && pad !== BASIS.slice(0, -1)) return null;
  const rest = pad.slice(BASIS.length).replace(/\/+$/, '');
  if (rest === 'aangemeld') return 'aangemeld';
  return PAGINAS.find((p) => p.pad === rest)?.pad ?? null;
}

export function href(pagina: Pagina, w: Weergave): string {
  return `${BASIS}${pagina}${zoekString(w)}`;
}

/** Pages over a period per interval default to quarters; the others to months. */
const PERIODE_PAGINAS: Pagina[] = ['instroom-uitstroom', 'bezwaren'];

/** What a view shows when its URL leaves a choice open. */
export interface Effectief {
  peildatum: string;
  van: string;
  tot: string;
  interval: Interval;
  publicatie: boolean;
}

export function effectief(w: Weergave, pagina: Pagina, nu = new Date()): Effectief {
  const interval: Interval = isInterval(w.interval) ? w.interval : PERIODE_PAGINAS.includes(pagina) ? 'kwartaal' : 'maand';
  const peildatum = w.peildatum ?? w.tot ?? vandaag(nu);
  // Dates that are not dates go to the API as they are: its answer names the field.
  const geldig = /^\d{4}-\d{2}-\d{2}$/.test(peildatum);
  const tot = w.tot ?? (geldig ? eindeVanInterval(peildatum, interval) : peildatum);
  const van =
    w.van ?? (/^\d{4}-\d{2}-\d{2}$/.test(tot) ? verschuif(beginVanInterval(tot, interval), interval, 1 - STANDAARD_AANTAL[interval]) : tot);
  return { peildatum, van, tot, interval, publicatie: w.publicatie === 'true' };
}
