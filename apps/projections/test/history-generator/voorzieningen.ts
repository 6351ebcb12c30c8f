/** A voorziening's commands in a client's script: toekenning, start of levering, beëindiging, correctie. */
import type { Am, Casus, Registratie, Vz } from './casus.js';
import { binnen, LAATSTE_DAG, maandeinde, max, min, plusDagen } from './kalender.js';
import { BEEINDIGINGSREDENEN, JEUGDWET, WMO } from './keuzes.js';

export function voorzieningCommandos({ post, tel }: Registratie) {
  async function kenVoorzieningToe(c: Casus, wet: 'wmo' | 'jeugdwet', besluitdatum: string, am?: Am): Promise<Vz> {
    const rng = c.rng;
    const productcategorie = rng.pick(wet === 'wmo' ? WMO : JEUGDWET);
    const leveringsvorm = rng.chance(0.25) ? 'pgb' : 'zin';
    const ingangsdatum = binnen(plusDagen(besluitdatum, rng.int(-14, 30)));
    let einddatum: string | undefined;
    if (rng.chance(0.35)) {
      einddatum = binnen(plusDagen(ingangsdatum, rng.int(0, 400)));
      if (rng.chance(0.5)) einddatum = min(maandeinde(einddatum), LAATSTE_DAG);
    }
    const body = {
      clientId: c.clientId,
      wet,
      productcategorie,
      leveringsvorm,
      besluitdatum,
      ingangsdatum,
      ...(einddatum ? { einddatum } : {}),
      ...(am && !am.ingetrokken ? { aanmeldingId: am.id } : {}),
    };
    const vz: Vz = {
      soort: 'voorziening',
      id: (await post('voorzieningen', '/voorzieningen', body)).voorzieningId as string,
      besluitdatum,
      ingetrokken: false,
      wet,
      productcategorie,
      leveringsvorm,
      ingangsdatum,
      einddatum: einddatum ?? null,
      reden: null,
      levering: null,
    };
    c.vz.push(vz);
    tel('voorzieningen');
    tel(`leveringsvorm:${leveringsvorm}`);
    return vz;
  }

  async function startLevering(c: Casus, vz: Vz): Promise<void> {
    if (vz.ingetrokken || vz.levering) return;
    let datum = binnen(plusDagen(max(vz.ingangsdatum, vz.besluitdatum), c.rng.int(0, 40)));
    if (vz.einddatum && datum > vz.einddatum) datum = vz.einddatum;
    await post('voorzieningen', `/voorzieningen/${vz.id}/start-levering`, { datum });
    vz.levering = datum;
    tel('leveringen');
  }

  /** A first beëindiging, or a second one that corrects it (another date and/or reden). */
  async function beeindigVoorziening(c: Casus, vz: Vz): Promise<void> {
    if (vz.ingetrokken) return;
    const rng = c.rng;
    const vanaf = max(vz.ingangsdatum, vz.levering ?? vz.ingangsdatum);
    let einddatum = rng.datum(vanaf, max(vanaf, min(plusDagen(vanaf, 500), LAATSTE_DAG)));
    if (rng.chance(0.45)) einddatum = min(maandeinde(einddatum), LAATSTE_DAG);
    let reden: string = rng.weighted(BEEINDIGINGSREDENEN);
    if (vz.reden === reden && vz.einddatum === einddatum) reden = reden === 'overig' ? 'volgens-plan' : 'overig';
    const tweede = vz.reden !== null;
    await post('voorzieningen', `/voorzieningen/${vz.id}/beeindiging`, { einddatum, reden });
    vz.einddatum = einddatum;
    vz.reden = reden;
    tel(tweede ? 'beeindigingen:tweede' : 'beeindigingen');
  }

  async function corrigeerVoorziening(c: Casus, vz: Vz): Promise<void> {
    if (vz.ingetrokken) return;
    const rng = c.rng;
    const body: Record<string, unknown> = {};
    const wat = rng.weighted([
      ['ingangsdatum', 3],
      ['einddatum', 3],
      ['productcategorie', 2],
      ['leveringsvorm', 2],
      ['productcategorie+leveringsvorm', 1],
    ] as const);
    let ingang = vz.ingangsdatum;
    let einde = vz.einddatum;
    if (wat === 'ingangsdatum') {
      ingang = binnen(plusDagen(vz.ingangsdatum, rng.pick([-1, 1]) * rng.int(1, 45)));
      if (einde !== null && ingang > einde) ingang = einde;
      if (ingang === vz.ingangsdatum) return;
      body.ingangsdatum = ingang;
    } else if (wat === 'einddatum') {
      const vanaf = max(ingang, vz.levering ?? ingang);
      if (einde !== null && rng.chance(0.35)) einde = null;
      else einde = rng.chance(0.5) ? min(maandeinde(rng.datum(vanaf, LAATSTE_DAG)), LAATSTE_DAG) : rng.datum(vanaf, LAATSTE_DAG);
      if (einde === vz.einddatum) return;
      body.einddatum = einde;
    }
    if (wat.includes('productcategorie')) {
      const andere = (vz.wet === 'wmo' ? WMO : JEUGDWET).filter((p) => p !== vz.productcategorie);
      body.productcategorie = rng.pick(andere);
    }
    if (wat.includes('leveringsvorm')) body.leveringsvorm = vz.leveringsvorm === 'zin' ? 'pgb' : 'zin';
    await post('voorzieningen', `/voorzieningen/${vz.id}/correctie`, { ...body, reden: 'Verkeerd overgenomen uit de beschikking' });
    vz.ingangsdatum = ingang;
    if (body.einddatum !== undefined) {
      vz.einddatum = einde;
      if (einde === null) vz.reden = null;
    }
    if (body.productcategorie) vz.productcategorie = body.productcategorie as string;
    if (body.leveringsvorm) vz.leveringsvorm = body.leveringsvorm as 'zin' | 'pgb';
    tel('correcties');
    tel(`correcties:voorziening:${wat}`);
  }

  return { kenVoorzieningToe, startLevering, beeindigVoorziening, corrigeerVoorziening };
}
