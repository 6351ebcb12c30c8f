import type { Geheim } from '../api/rapportages';
import { aantal, type Cel } from './cel';
import { datumNl, type Interval, intervalNaam } from './datum';
import type { Kolom, Rij, Tabel } from './figuur';

/** Builders shared by the pages: API rows and series points to the rows of a figure. */

type Obj = Geheim;

/** One row per breakdown row of a report (perWet, perGemeente, …), the counts named by the columns. */
export function uitsplitsing<T extends Obj>(
  eerste: Kolom,
  rijen: T[],
  code: (r: T) => string,
  naam: (r: T) => string,
  kolommen: Kolom[],
  publicatie: boolean,
): Tabel {
  return {
    kolommen: [eerste, ...kolommen],
    rijen: rijen.map((r) => ({
      sleutel: code(r),
      cellen: { [eerste.sleutel]: naam(r), ...Object.fromEntries(kolommen.map((k) => [k.sleutel, aantal(r, k.sleutel, publicatie)])) },
    })),
  };
}

/** A map of code → count (uitstroomPerReden, combinaties, …) as rows. */
export function kaartRijen(
  eerste: Kolom,
  kolom: Kolom,
  obj: Obj | undefined,
  veld: string,
  naam: (code: string) => string,
  publicatie: boolean,
  codes?: readonly string[],
): Tabel {
  const kaart = ((obj as Record<string, unknown> | undefined)?.[veld] ?? {}) as Record<string, unknown>;
  return {
    kolommen: [eerste, kolom],
    rijen: (codes ?? Object.keys(kaart).sort()).map((code) => ({
      sleutel: code,
      cellen: { [eerste.sleutel]: naam(code), [kolom.sleutel]: aantal(obj, `${veld}.${code}`, publicatie) },
    })),
  };
}

/** The first column of a series: the peildatum of a point, or the name of a period's interval. */
export const PEILDATUM_KOLOM: Kolom = { sleutel: 'peildatum', kop: 'Peildatum' };
export const PERIODE_KOLOM: Kolom = { sleutel: 'periode', kop: 'Periode' };

export function peilReeks<P extends { peildatum: string }>(punten: P[], kolommen: Kolom[], cellen: (p: P) => Record<string, Cel>): Tabel {
  return {
    kolommen: [PEILDATUM_KOLOM, ...kolommen],
    rijen: punten.map((p): Rij => ({ sleutel: p.peildatum, cellen: { peildatum: datumNl(p.peildatum), ...cellen(p) } })),
  };
}

export function periodeReeks<P extends { van: string }>(
  punten: P[],
  interval: Interval,
  kolommen: Kolom[],
  cellen: (p: P) => Record<string, Cel>,
): Tabel {
  return {
    kolommen: [PERIODE_KOLOM, ...kolommen],
    rijen: punten.map((p): Rij => ({ sleutel: p.van, cellen: { periode: intervalNaam(p.van, interval), ...cellen(p) } })),
  };
}

/** The row of `rijen` whose key field has this value (a breakdown holds only values that occur). */
export function rijMet<T extends object>(rijen: T[], veld: keyof T, waarde: string): T | undefined {
  return rijen.find((r) => r[veld] === waarde);
}

/** Count columns: the same words as the API's CSV. */
export const K = {
  voorzieningen: { sleutel: 'voorzieningen', kop: 'Voorzieningen' },
  clienten: { sleutel: 'clienten', kop: 'Cliënten' },
  huishoudens: { sleutel: 'huishoudens', kop: 'Huishoudens' },
  beginstand: { sleutel: 'beginstand', kop: 'Beginstand' },
  instroom: { sleutel: 'instroom', kop: 'Instroom' },
  uitstroom: { sleutel: 'uitstroom', kop: 'Uitstroom' },
  eindstand: { sleutel: 'eindstand', kop: 'Eindstand' },
  aanmeldingen: { sleutel: 'aanmeldingen', kop: 'Open aanmeldingen' },
  aanmeldingenBovenNorm: { sleutel: 'aanmeldingenBovenNorm', kop: 'Boven de norm' },
  nietGestart: { sleutel: 'nietGestart', kop: 'Toegekend, niet gestart' },
  ontvangen: { sleutel: 'ontvangen', kop: 'Ontvangen' },
  afgehandeld: { sleutel: 'afgehandeld', kop: 'Afgehandeld' },
  binnenTermijn: { sleutel: 'binnenTermijn', kop: 'Binnen de Awb-termijn' },
} satisfies Record<string, Kolom>;
