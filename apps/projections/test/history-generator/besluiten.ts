/**
 * Besluiten and bezwaren in a client's script: an afwijzing, the intrekking of any besluit, and a
 * bezwaar against a besluit with its verdaging, afhandeling or intrekking.
 */
import { BEZWAAR_UITKOMSTEN } from '@sd/domain';
import type { Am, Aw, Besluit, Bz, Casus, Registratie, Uk, Vz, Wet } from './casus.js';
import { binnen, LAATSTE_DAG, max, min, plusDagen } from './kalender.js';
import { JEUGDWET, ONDERWERPEN, WMO } from './keuzes.js';

/** Last day of the Awb beslistermijn: bekendmaking + 6 weeks bezwaartermijn + 6 (12 with a commissie) + 6 if verdaagd. */
function uiterlijkeBeslisdatum(b: Pick<Bz, 'bekendmakingOp' | 'adviescommissie'>, verdaagd: boolean): string {
  return plusDagen(b.bekendmakingOp, 7 * (6 + (b.adviescommissie ? 12 : 6) + (verdaagd ? 6 : 0)));
}

export function besluitCommandos({ post, tel }: Registratie) {
  async function wijsAf(c: Casus, wet: Wet, besluitdatum: string, am?: Am): Promise<Aw> {
    const rng = c.rng;
    const body = {
      clientId: c.clientId,
      wet,
      besluitdatum,
      reden: 'Geen beperking in de zelfredzaamheid vastgesteld',
      ...(wet !== 'participatiewet' && rng.chance(0.6) ? { productcategorie: rng.pick(wet === 'wmo' ? WMO : JEUGDWET) } : {}),
      ...(am && !am.ingetrokken ? { aanmeldingId: am.id } : {}),
    };
    const aw: Aw = {
      soort: 'afwijzing',
      id: (await post('voorzieningen', '/afwijzingen', body)).afwijzingId as string,
      besluitdatum,
      ingetrokken: false,
    };
    c.aw.push(aw);
    tel('afwijzingen');
    return aw;
  }

  async function trekBesluitIn(besluit: Vz | Uk | Aw): Promise<void> {
    if (besluit.ingetrokken) return;
    const pad = { voorziening: 'voorzieningen', uitkering: 'uitkeringen', afwijzing: 'afwijzingen' }[besluit.soort];
    await post('voorzieningen', `/${pad}/${besluit.id}/intrekking`, { reden: 'Dubbel geregistreerd' });
    besluit.ingetrokken = true;
    tel('intrekkingen');
    tel(`intrekkingen:${besluit.soort}`);
  }

  async function maakBezwaar(c: Casus, besluit: Besluit): Promise<Bz | null> {
    if (besluit.ingetrokken) return null;
    const rng = c.rng;
    const bekendmakingOp = rng.chance(0.4) ? binnen(plusDagen(besluit.besluitdatum, rng.int(0, 5))) : besluit.besluitdatum;
    const ontvangenOp = binnen(plusDagen(besluit.besluitdatum, rng.int(3, 45)));
    const adviescommissie = rng.chance(0.3);
    const body = {
      besluitId: besluit.id,
      ontvangenOp,
      onderwerp: rng.pick(ONDERWERPEN),
      ...(adviescommissie ? { adviescommissie } : rng.chance(0.2) ? { adviescommissie: false } : {}),
      ...(bekendmakingOp !== besluit.besluitdatum || rng.chance(0.2) ? { bekendmakingOp } : {}),
    };
    const bz: Bz = {
      id: (await post('voorzieningen', '/bezwaren', body)).bezwaarId as string,
      ontvangenOp,
      bekendmakingOp,
      adviescommissie,
      verdaagdOp: null,
      afgehandeld: false,
      ingetrokken: false,
    };
    c.bz.push(bz);
    tel('bezwaren');
    if (adviescommissie) tel('bezwaren:adviescommissie');
    return bz;
  }

  async function verdaag(c: Casus, bz: Bz): Promise<void> {
    if (bz.ingetrokken || bz.afgehandeld || bz.verdaagdOp) return;
    // Awb 7:10 lid 3: only while the beslistermijn runs.
    const uiterlijk = min(uiterlijkeBeslisdatum(bz, false), LAATSTE_DAG);
    if (uiterlijk < bz.ontvangenOp) return;
    const verdaagdOp = c.rng.datum(bz.ontvangenOp, uiterlijk);
    await post('voorzieningen', `/bezwaren/${bz.id}/verdaging`, { verdaagdOp });
    bz.verdaagdOp = verdaagdOp;
    tel('verdagingen');
  }

  async function handelAf(c: Casus, bz: Bz, uitkomst?: string): Promise<void> {
    if (bz.ingetrokken || bz.afgehandeld) return;
    const rng = c.rng;
    const vanaf = bz.verdaagdOp ?? bz.ontvangenOp;
    const uiterlijk = uiterlijkeBeslisdatum(bz, bz.verdaagdOp !== null);
    // Some exactly on the last day of the termijn or the day after; the rest around it.
    const rond = rng.weighted([
      [uiterlijk, 1],
      [plusDagen(uiterlijk, 1), 1],
      [plusDagen(uiterlijk, rng.int(-60, 30)), 6],
    ] as const);
    const afgehandeldOp = binnen(max(vanaf, rond));
    const u = uitkomst ?? rng.pick(BEZWAAR_UITKOMSTEN);
    await post('voorzieningen', `/bezwaren/${bz.id}/afhandeling`, { afgehandeldOp, uitkomst: u });
    bz.afgehandeld = true;
    tel('afhandelingen');
    tel(`uitkomst:${u}`);
  }

  async function trekBezwaarIn(bz: Bz): Promise<void> {
    if (bz.ingetrokken) return;
    await post('voorzieningen', `/bezwaren/${bz.id}/intrekking`, { reden: 'Hoort bij een ander besluit' });
    bz.ingetrokken = true;
    tel('intrekkingen');
    tel('intrekkingen:bezwaar');
  }

  /** Maybe a bezwaar against the besluit, maybe verdaagd, maybe afgehandeld right away. */
  async function misschienBezwaar(c: Casus, besluit: Besluit, kans: number): Promise<void> {
    const gedwongen = c.bezwaarUitkomst;
    if (!gedwongen && !c.rng.chance(kans)) return;
    const bz = await maakBezwaar(c, besluit);
    if (!bz) return;
    if (c.rng.chance(0.25)) await verdaag(c, bz);
    if (gedwongen) {
      c.bezwaarUitkomst = undefined;
      await handelAf(c, bz, gedwongen);
    } else if (c.rng.chance(0.65)) {
      await handelAf(c, bz);
    }
  }

  return { wijsAf, trekBesluitIn, maakBezwaar, verdaag, handelAf, trekBezwaarIn, misschienBezwaar };
}
