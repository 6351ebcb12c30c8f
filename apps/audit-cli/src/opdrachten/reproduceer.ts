import { readFile } from 'node:fs/promises';
import { CliFout, type Opdracht } from '@sd/cli';
import { haal } from '../http.js';
import { leesOpties } from './opties.js';
import { verschillen } from './rapport-verschil.js';

const GEBRUIK = 'reproduceer <rapport.json>';
const RAPPORTEN = ['stand', 'instroom-uitstroom', 'wachtlijst', 'stapeling', 'bezwaren'];
const FILTERS = ['wet', 'productcategorie', 'leveringsvorm', 'regeling'] as const;

/** A report as the API published it (apps/projections rapportage.types.ts, RapportMeta and its period), or a series of one. */
interface Gepubliceerd {
  rapport: string;
  kennisdatum: string;
  positie: number;
  publicatie: boolean;
  filters: { gemeente: string[]; regio?: string } & Partial<Record<(typeof FILTERS)[number], string>>;
  peildatum?: string;
  van?: string;
  tot?: string;
  interval?: string;
  punten?: unknown[];
}

function alsRapport(json: unknown): Gepubliceerd | null {
  const r = json as Partial<Gepubliceerd> | null;
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return null;
  if (!RAPPORTEN.includes(r.rapport as string) || typeof r.kennisdatum !== 'string' || !Number.isSafeInteger(r.positie)) return null;
  if (typeof r.publicatie !== 'boolean' || typeof r.filters !== 'object' || r.filters === null || !Array.isArray(r.filters.gemeente))
    return null;
  if (typeof r.peildatum !== 'string' && (typeof r.van !== 'string' || typeof r.tot !== 'string')) return null;
  return r as Gepubliceerd;
}

/** The same question again: the report's period, filters and publication mode, as known at its kennisdatum. */
function vraagVan(r: Gepubliceerd): string {
  const q = new URLSearchParams();
  const reeks = typeof r.interval === 'string' && Array.isArray(r.punten);
  if (reeks) q.set('rapport', r.rapport);
  if (r.peildatum !== undefined) q.set('peildatum', r.peildatum);
  if (r.van !== undefined) q.set('van', r.van);
  if (r.tot !== undefined) q.set('tot', r.tot);
  if (reeks) q.set('interval', r.interval!);
  if (r.filters.regio) q.set('regio', r.filters.regio);
  else if (r.filters.gemeente.length) q.set('gemeente', r.filters.gemeente.join(','));
  for (const f of FILTERS) if (r.filters[f] !== undefined) q.set(f, r.filters[f]);
  if (r.publicatie) q.set('publicatie', 'true');
  q.set('kennisdatum', r.kennisdatum);
  q.set('minPositie', String(r.positie));
  return `/rapportages/${reeks ? 'reeks' : r.rapport}?${q.toString()}`;
}

const toon = (v: unknown) => (v === undefined ? '(ontbreekt)' : JSON.stringify(v));

/** `reproduceer <rapport.json>`: asks for a published report again as it was known then; `identiek` or every figure that differs. */
export const reproduceer: Opdracht = async (args, ctx) => {
  const { positionals } = leesOpties(args, {}, GEBRUIK);
  if (positionals.length !== 1) throw new CliFout(2, `Verkeerd gebruik: geef één rapportbestand — ${GEBRUIK}.`);
  const [bestand] = positionals;
  let tekst: string;
  try {
    tekst = await readFile(bestand, 'utf8');
  } catch {
    throw new CliFout(2, `Het bestand ${bestand} bestaat niet of is niet te lezen.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(tekst);
  } catch {
    throw new CliFout(2, `${bestand} is geen JSON.`);
  }
  const oud = alsRapport(json);
  if (!oud) {
    throw new CliFout(
      2,
      `${bestand} is geen rapport zoals de API het publiceert (rapport, kennisdatum, positie, filters, publicatie en peildatum of van/tot).`,
    );
  }
  const res = await haal(ctx, vraagVan(oud), `het rapport ${oud.rapport}`);
  const nieuw = (await res.json()) as Record<string, unknown>;
  // positie is where the read model stood when it answered, not part of the figure.
  const { positie: _oud, ...oudeCijfers } = oud as unknown as Record<string, unknown>;
  const { positie: _nieuw, ...nieuweCijfers } = nieuw;
  const lijst = verschillen(oudeCijfers, nieuweCijfers);
  const wat = `${oud.rapport} ${oud.peildatum ? `per ${oud.peildatum}` : `over ${oud.van} t/m ${oud.tot}`}, zoals bekend op ${oud.kennisdatum}`;
  if (lijst.length === 0) {
    ctx.uit(`identiek: ${wat}`);
    return 0;
  }
  ctx.uit(`${lijst.length} ${lijst.length === 1 ? 'cijfer wijkt' : 'cijfers wijken'} af (${wat}):`);
  for (const v of lijst) ctx.uit(`  ${v.pad}: ${toon(v.oud)} in het bestand, ${toon(v.nieuw)} nu`);
  await meldVergeten(ctx, oud, lijst);
  return 1;
};

/** Figures that a client's erasure changes: their geslacht, age and household count as onbekend since. */
const PERSOONSKENMERK = /(^|\.)(perGeslacht|perLeeftijdsgroep)\[|\.huishoudens$/;

/**
 * Clients forgotten after the publication (AVG art. 17) change the breakdowns by geslacht, age and
 * household of a report as known back then too: say how many, and whether that covers every difference.
 */
async function meldVergeten(ctx: Parameters<Opdracht>[1], oud: Gepubliceerd, lijst: { pad: string }[]): Promise<void> {
  const q = new URLSearchParams({ naPositie: String(oud.positie) });
  if (oud.filters.gemeente.length) q.set('gemeente', oud.filters.gemeente.join(','));
  const { aantal } = (await (await haal(ctx, `/audit/vergeten?${q.toString()}`, 'het aantal vergeten cliënten')).json()) as {
    aantal: number;
  };
  if (aantal === 0) return;
  const verklaard = lijst.every((v) => PERSOONSKENMERK.test(v.pad));
  ctx.uit(
    `${aantal} ${aantal === 1 ? 'cliënt is' : 'cliënten zijn'} na de publicatie vergeten (AVG art. 17): hun geslacht, leeftijd en huishouden tellen sindsdien als onbekend. ` +
      (verklaard
        ? 'Alle verschillen zitten in die uitsplitsingen en kunnen daardoor komen.'
        : 'Niet alle verschillen zitten in die uitsplitsingen: die komen niet van het vergeten.'),
  );
}
