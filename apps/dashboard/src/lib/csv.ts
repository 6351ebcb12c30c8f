import Papa from 'papaparse';
import { celCsv } from './cel';
import type { Tabel } from './figuur';

/**
 * A figure's table as CSV the way Excel NL opens it (as the API's CSV): UTF-8 with a BOM,
 * semicolons, a decimal comma, a secret cell as `.`. Papa Parse does the quoting; a cell that
 * starts like a formula is escaped, since codes come from gemeenten.
 */
export function tabelNaarCsv(tabel: Tabel): string {
  const fields = tabel.kolommen.map((k) => k.kop);
  const data = tabel.rijen.map((r) => tabel.kolommen.map((k) => celCsv(r.cellen[k.sleutel] ?? null)));
  return `\uFEFF${Papa.unparse({ fields, data }, { delimiter: ';', newline: '\r\n', escapeFormulae: true })}`;
}

export function bestandsnaam(titel: string): string {
  return `${titel
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.csv`;
}

/** Offers the text as a download without a round trip (the figures are already here). */
export function downloadCsv(naam: string, inhoud: string): void {
  const url = URL.createObjectURL(new Blob([inhoud], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = naam;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
