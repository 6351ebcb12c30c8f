import { stringify } from 'csv-stringify/sync';
import type { Rapport, RapportMeta } from './rapportage.types.js';

/*
 * CSV as Excel NL opens it: UTF-8 with a BOM, semicolons, Dutch column names, decimal comma.
 * First the metadata that makes the figure reproducible, then one table: the totaal row and the
 * breakdown rows, each named by its indeling and waarde. A secret cell (publication mode) is `.`.
 */

const KOLOMNAMEN: Record<string, string> = {
  voorzieningen: 'Voorzieningen',
  clienten: 'Cliënten',
  huishoudens: 'Huishoudens',
  beginstand: 'Beginstand',
  instroom: 'Instroom',
  uitstroom: 'Uitstroom',
  eindstand: 'Eindstand',
  aanmeldingen: 'Aanmeldingen',
  aanmeldingenBovenNorm: 'Aanmeldingen boven norm',
  nietGestart: 'Toegekend, niet gestart',
  ontvangen: 'Ontvangen',
  afgehandeld: 'Afgehandeld',
  binnenTermijn: 'Binnen termijn',
};

const INDELINGEN: Record<string, string> = {
  perGemeente: 'Gemeente',
  perWet: 'Wet',
  perProductcategorie: 'Productcategorie',
  perLeveringsvorm: 'Leveringsvorm',
  perRegeling: 'Regeling',
  perLeeftijdsgroep: 'Leeftijdsgroep',
  perGeslacht: 'Geslacht',
  wachttijdVerdeling: 'Wachttijd (dagen)',
  instroomPerReden: 'Instroomreden',
  uitstroomPerReden: 'Uitstroomreden',
  perUitkomst: 'Uitkomst',
  perOnderwerp: 'Onderwerp',
};

const SLEUTELS = ['gemeente', 'wet', 'productcategorie', 'leveringsvorm', 'regeling', 'leeftijdsgroep', 'geslacht', 'klasse'];

const cel = (v: unknown): string =>
  v === null ? '.' : typeof v === 'number' ? String(v).replace('.', ',') : String((v as string | boolean | undefined) ?? '');

/** A series as GET /rapportages/reeks answers it: the meta once, a report body per point. */
export type Reeks = RapportMeta & { interval: string; van: string; tot: string; punten: Record<string, unknown>[] };

export function naarCsv(rapport: Rapport): string {
  const tabel = rapport.rapport === 'stapeling' ? stapelingTabel(rapport) : cijferTabel(rapport);
  return '\uFEFF' + stringify([...metaRegels(rapport), [], ...tabel], { delimiter: ';', record_delimiter: '\r\n' });
}

/**
 * A series as one table: each point's rows (as in the single report's CSV) behind the columns that
 * name the point (Peildatum, or Van and Tot), so that a spreadsheet can pivot them.
 */
export function naarCsvReeks(reeks: Reeks): string {
  const perPeildatum = 'peildatum' in (reeks.punten[0] ?? {});
  const rijen: string[][] = [];
  reeks.punten.forEach((punt, i) => {
    const rapport = { ...reeks, ...punt } as unknown as Rapport;
    const [kop, ...tabel] = rapport.rapport === 'stapeling' ? stapelingTabel(rapport) : cijferTabel(rapport);
    const voor = perPeildatum ? [String(punt.peildatum)] : [String(punt.van), String(punt.tot)];
    if (i === 0) rijen.push([...(perPeildatum ? ['Peildatum'] : ['Van', 'Tot']), ...kop]);
    for (const r of tabel) rijen.push([...voor, ...r]);
  });
  const meta = metaRegels({ ...reeks, peildatum: undefined } as unknown as Rapport);
  meta.splice(1, 0, ['Interval', reeks.interval]);
  return '\uFEFF' + stringify([...meta, [], ...rijen], { delimiter: ';', record_delimiter: '\r\n' });
}

function metaRegels(rapport: Rapport): string[][] {
  return [
    ['Rapport', rapport.rapport],
    ...(['peildatum', 'van', 'tot'] as const)
      .filter((k) => k in rapport && (rapport as unknown as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k[0].toUpperCase() + k.slice(1), String((rapport as unknown as Record<string, unknown>)[k])]),
    ['Kennisdatum', rapport.kennisdatum],
    ['Positie', String(rapport.positie)],
    ['Gemeenten', rapport.filters.gemeente.join(',')],
    ...Object.entries(rapport.filters)
      .filter(([k]) => k !== 'gemeente')
      .map(([k, v]) => [k[0].toUpperCase() + k.slice(1), String(v)]),
    ['Publicatie', rapport.publicatie ? 'ja (0–7 geheim, afgerond op vijftallen)' : 'nee'],
  ];
}

function cijferTabel(rapport: Exclude<Rapport, { rapport: 'stapeling' }>): string[][] {
  const totaal = rapport.totaal as unknown as Record<string, unknown>;
  const kolommen = Object.keys(KOLOMNAMEN).filter((k) => k in totaal);
  const rijen: string[][] = [['Indeling', 'Waarde', ...kolommen.map((k) => KOLOMNAMEN[k])]];
  rijen.push(['Totaal', '', ...kolommen.map((k) => cel(totaal[k]))]);
  for (const [veld, naam] of Object.entries(INDELINGEN)) {
    const waarde = (rapport as unknown as Record<string, unknown>)[veld];
    if (!Array.isArray(waarde)) continue;
    for (const rij of waarde as Record<string, unknown>[]) {
      const sleutel = SLEUTELS.filter((k) => k in rij && !(veld === 'perProductcategorie' && k === 'wet'))
        .map((k) => (veld === 'perProductcategorie' ? `${String(rij.wet)} ${String(rij[k])}` : String(rij[k])))
        .join(' ');
      rijen.push([naam, sleutel, ...kolommen.map((k) => cel(rij[k]))]);
    }
  }
  // code → count maps of the totaal (redenen, uitkomsten, onderwerpen) in the first figure column
  for (const [veld, naam] of Object.entries(INDELINGEN)) {
    const map = totaal[veld];
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    for (const [code, aantal] of Object.entries(map)) rijen.push([naam, code, cel(aantal)]);
  }
  return rijen;
}

function stapelingTabel(rapport: Extract<Rapport, { rapport: 'stapeling' }>): string[][] {
  const rijen: string[][] = [['Gemeente', 'Eenheid', 'Indeling', 'Waarde', 'Aantal']];
  const blok = (
    gemeente: string,
    c: { clienten: Record<string, unknown>; huishoudens: Record<string, unknown>; combinaties: Record<string, unknown> },
  ) => {
    for (const [k, v] of Object.entries(c.clienten)) rijen.push([gemeente, 'Cliënten', 'Aantal voorzieningen', k, cel(v)]);
    for (const [k, v] of Object.entries(c.huishoudens)) rijen.push([gemeente, 'Huishoudens', 'Aantal voorzieningen', k, cel(v)]);
    for (const [k, v] of Object.entries(c.combinaties)) rijen.push([gemeente, 'Cliënten', 'Combinatie van wetten', k, cel(v)]);
  };
  blok('Totaal', rapport.totaal);
  for (const g of rapport.perGemeente) {
    blok(g.gemeente, g);
    if (g.clientenPer1000Inwoners !== undefined)
      rijen.push([g.gemeente, 'Cliënten', 'Per 1.000 inwoners', '', cel(g.clientenPer1000Inwoners)]);
    if (g.huishoudensPer1000Huishoudens !== undefined)
      rijen.push([g.gemeente, 'Huishoudens', 'Per 1.000 huishoudens', '', cel(g.huishoudensPer1000Huishoudens)]);
  }
  return rijen;
}
