import type { KopRegel } from '@sd/audit';
import { leesExport, maandeinde, Oracle, periodeGrenzen, type RapportNaam } from '@sd/herberekening';
import { CliFout, type Opdracht } from '@sd/cli';
import { type Haal, haalVia, vergelijkMetApi } from '../herberekening/tegen-api.js';
import { leesArgumenten, rapportVraag } from '../herberekening/vraag.js';
import { verschilRegels } from '../herberekening/weergave.js';

const GEBRUIK = 'verifieer-leesmodellen --gemeente <code> --uit <export> [--peildata D,D,…] [--perioden 2016-05,2016-Q2,…]';

/** At most this many points in the default spread. */
const STANDAARD_PUNTEN = 8;

/**
 * The default spread: quarter ends (and quarters) from the first to the last date the export's
 * registrations mention, thinned evenly to at most STANDAARD_PUNTEN.
 */
export function standaardSpreiding(oracle: Oracle): { peildata: string[]; perioden: string[] } {
  const bereik = oracle.datumBereik();
  if (!bereik) return { peildata: [new Date().toISOString().slice(0, 10)], perioden: [new Date().toISOString().slice(0, 4)] };
  const kwartalen: string[] = [];
  for (let j = Number(bereik.van.slice(0, 4)); j <= Number(bereik.tot.slice(0, 4)); j++)
    for (let q = 1; q <= 4; q++) {
      const { van, tot } = periodeGrenzen(`${j}-Q${q}`)!;
      if (tot >= bereik.van && van <= bereik.tot) kwartalen.push(`${j}-Q${q}`);
    }
  const stap = Math.max(1, Math.ceil(kwartalen.length / STANDAARD_PUNTEN));
  const perioden = kwartalen.filter((_, i) => i % stap === 0 || i === kwartalen.length - 1);
  return { peildata: perioden.map((p) => maandeinde(periodeGrenzen(p)!.tot)), perioden };
}

export interface Uitslag {
  rapport: RapportNaam;
  wanneer: string;
  vergeleken: number;
  verschillen: number;
  regels: string[];
  nietVergeleken: string[];
}

/** Every report for every peildatum or period, the API against the recomputation. */
export async function verifieer(
  oracle: Oracle,
  kop: KopRegel,
  gemeente: string,
  punten: { peildata: string[]; perioden: string[] },
  haal: Haal,
): Promise<Uitslag[]> {
  const vragen: { rapport: RapportNaam; params: Record<string, string> }[] = [];
  for (const peildatum of punten.peildata)
    for (const rapport of ['stand', 'wachtlijst', 'stapeling'] as const) vragen.push({ rapport, params: { peildatum, gemeente } });
  for (const periode of punten.perioden)
    for (const rapport of ['instroom-uitstroom', 'bezwaren', 'stapeling'] as const) vragen.push({ rapport, params: { periode, gemeente } });
  const uit: Uitslag[] = [];
  for (const { rapport, params } of vragen) {
    const v = rapportVraag(rapport, params, kop);
    const { herberekening, vergelijking } = await vergelijkMetApi(oracle, kop, v, haal);
    uit.push({
      rapport,
      wanneer: params.peildatum ?? params.periode,
      vergeleken: vergelijking.vergeleken,
      verschillen: vergelijking.verschillen.length,
      regels: verschilRegels(vergelijking.verschillen),
      nietVergeleken: herberekening.nietHerberekenbaar.map((n) => `${n.pad} (${n.reden})`),
    });
  }
  return uit;
}

/**
 * `verifieer-leesmodellen`: every report, for a spread of peildata and periods, from the API against
 * the recomputation from the export; a certificate-like summary; exit 0 when all are equal.
 */
export const verifieerLeesmodellen: Opdracht = async (args, ctx) => {
  const { waarden, los } = leesArgumenten(args, ['gemeente', 'uit', 'peildata', 'perioden'], []);
  if (los.length || !waarden.gemeente || !waarden.uit) throw new CliFout(2, `gebruik: ${GEBRUIK}`);
  const invoer = await leesExport(waarden.uit).catch((e: Error) => {
    throw new CliFout(2, `${waarden.uit}: ${e.message}`);
  });
  const oracle = new Oracle(invoer.events);
  const standaard = standaardSpreiding(oracle);
  const punten = {
    peildata: waarden.peildata?.split(',') ?? standaard.peildata,
    perioden: waarden.perioden?.split(',') ?? standaard.perioden,
  };
  const uitslagen = await verifieer(oracle, invoer.kop, waarden.gemeente, punten, haalVia(ctx));
  const fout = uitslagen.filter((u) => u.verschillen > 0);
  ctx.uit(`Verificatie leesmodellen ${waarden.gemeente} tegen de export tot positie ${invoer.kop.totPositie} (${invoer.kop.gemaakt})`);
  for (const u of uitslagen) {
    ctx.uit(
      `  ${u.rapport.padEnd(18)} ${u.wanneer.padEnd(10)} ${u.verschillen ? `verschilt (${u.verschillen} van ${u.vergeleken} cijfers)` : `gelijk (${u.vergeleken} cijfers)`}`,
    );
    u.regels.slice(0, 10).forEach((r) => ctx.uit(`    ${r.trim()}`));
  }
  const nietVergeleken = [...new Set(uitslagen.flatMap((u) => u.nietVergeleken.map((n) => `${u.rapport}.${n}`)))];
  if (nietVergeleken.length) ctx.uit(`Niet vergeleken: ${nietVergeleken.join('; ')}`);
  ctx.uit(
    fout.length
      ? `Uitslag: ${fout.length} van ${uitslagen.length} rapporten verschillen van de herberekening.`
      : `Uitslag: alle ${uitslagen.length} rapporten gelijk aan de herberekening uit de export.`,
  );
  return fout.length ? 1 : 0;
};
