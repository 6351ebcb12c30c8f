/**
 * A random but seeded case history, registered through REST only (the apps of test/stack.ts), for
 * holding the reports to the oracle.
 *
 * Every client gets its own PRNG (derived from the seed and its number) and its own sequential
 * script, so the history a seed gives is the same however the clients' requests interleave; the
 * clients run concurrently in a small pool. Each script mirrors the state of its streams (the
 * rules of the deciders) so that it only sends commands that must succeed; every request is
 * asserted to answer 2xx.
 *
 * Three phases, with a kennisdatum taken between them: phase 1 registers most of the history;
 * phases 2 and 3 are late registrations over the same past dates (late beëindigingen, second
 * beëindigingen, correcties, intrekkingen, late afrondingen and starts, new clients and items).
 * All dates lie in 2015-06-01 … 2016-12-31.
 */
import { BEZWAAR_UITKOMSTEN, INSTROOMREDENEN, JEUGDWET_PRODUCTCATEGORIEEN, UITSTROOMREDENEN, VERWIJZERS, WMO_PRODUCTCATEGORIEEN } from '@sd/domain';
import { Rng as SeededRng } from '@sd/testing';
import type { TestStack } from '../../../test/stack.js';

export interface HistoryOptions {
  seed: number;
  /** Number of clients over all three phases (about 80 % registered in phase 1). */
  clienten: number;
  /** CBS codes of the gemeenten the clients live in. */
  gemeenten: string[];
  /** Clients whose scripts run at the same time (default 8). */
  concurrency?: number;
}

export interface GeneratedHistory {
  /** k1 after phase 1, k2 after phase 2. */
  kennisdata: [Date, Date];
  /** The highest global position any command answered. */
  lastPositie: number;
  /** What was registered, by kind (and `requests` in all, `ms` the time it took). */
  counts: Record<string, number>;
}

// ---------------------------------------------------------------- PRNG and dates

/** The shared seeded PRNG, with dates. */
export class Rng extends SeededRng {
  /** A date in [van, tot]. */
  datum(van: string, tot: string): string {
    return plusDagen(van, this.int(0, dagnummer(tot) - dagnummer(van)));
  }
}

const DAG_MS = 86_400_000;
export const dagnummer = (d: string): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / DAG_MS;
export const plusDagen = (d: string, n: number): string => new Date((dagnummer(d) + n) * DAG_MS).toISOString().slice(0, 10);
/** The last day of the month of d. */
export const maandeinde = (d: string): string =>
  new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0)).toISOString().slice(0, 10);
const max = (a: string, b: string): string => (a > b ? a : b);
const min = (a: string, b: string): string => (a < b ? a : b);

export const EERSTE_DAG = '2015-06-01';
export const LAATSTE_DAG = '2016-12-31';
/** Every date of the history lies in [EERSTE_DAG, LAATSTE_DAG]. */
const binnen = (d: string): string => min(max(d, EERSTE_DAG), LAATSTE_DAG);

/** The month ends of 2015-06 … 2016-12. */
export const MAANDEINDEN: string[] = (() => {
  const lijst: string[] = [];
  for (let d = EERSTE_DAG; d <= LAATSTE_DAG; d = plusDagen(maandeinde(d), 1)) lijst.push(maandeinde(d));
  return lijst;
})();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- code lists

const WMO = Object.keys(WMO_PRODUCTCATEGORIEEN).sort();
const JEUGDWET = Object.keys(JEUGDWET_PRODUCTCATEGORIEEN).sort();
const REGELINGEN = [
  ['participatiewet', 55],
  ['ioaw', 12],
  ['ioaz', 8],
  ['bbz', 12],
  ['participatiewet-elders-verzorgd', 10],
] as const;
const BEEINDIGINGSREDENEN = [
  ['volgens-plan', 40],
  ['voortijdig-client', 15],
  ['voortijdig-aanbieder', 10],
  ['verhuizing', 10],
  ['overlijden', 10],
  ['wlz', 8],
  ['overig', 7],
] as const;
const AFRONDINGEN_ZONDER_BESLUIT = ['algemene-voorziening', 'doorverwezen', 'geen-ondersteuning', 'ingetrokken'] as const;
const ONDERWERPEN = [
  'huishoudelijke-hulp',
  'begeleiding-individueel',
  'beschermd-wonen',
  'pgb',
  'meerkostenregeling',
  'jeugdhulp',
  'levensonderhoud',
  'overig',
];
const NORM: Record<string, number> = { wmo: 42, jeugdwet: 56, participatiewet: 56 };

// ---------------------------------------------------------------- the mirrored state

type Wet = 'wmo' | 'jeugdwet' | 'participatiewet';

interface Besluit {
  soort: 'voorziening' | 'uitkering' | 'afwijzing';
  id: string;
  besluitdatum: string;
  ingetrokken: boolean;
}

interface Vz extends Besluit {
  soort: 'voorziening';
  wet: 'wmo' | 'jeugdwet';
  productcategorie: string;
  leveringsvorm: 'zin' | 'pgb';
  ingangsdatum: string;
  einddatum: string | null;
  reden: string | null;
  levering: string | null;
}

interface Uk extends Besluit {
  soort: 'uitkering';
  regeling: string;
  ingangsdatum: string;
  einddatum: string | null;
  reden: string | null;
}

interface Aw extends Besluit {
  soort: 'afwijzing';
}

interface Am {
  id: string;
  wet: Wet;
  ontvangenOp: string;
  afgerond: boolean;
  ingetrokken: boolean;
}

interface Bz {
  id: string;
  ontvangenOp: string;
  bekendmakingOp: string;
  adviescommissie: boolean;
  verdaagdOp: string | null;
  afgehandeld: boolean;
  ingetrokken: boolean;
}

interface Casus {
  nr: number;
  rng: Rng;
  /** The phase in which the client is registered. */
  fase: 1 | 2 | 3;
  gemeente: string;
  huishoudenId?: string;
  geboortedatum: string;
  geslacht: 'man' | 'vrouw' | 'onbekend';
  /** Set by forced coverage: the uitkomst its first bezwaar gets. */
  bezwaarUitkomst?: (typeof BEZWAAR_UITKOMSTEN)[number];
  clientId?: string;
  vz: Vz[];
  uk: Uk[];
  aw: Aw[];
  am: Am[];
  bz: Bz[];
}

/** Last day of the Awb beslistermijn: bekendmaking + 6 weeks bezwaartermijn + 6 (12 with a commissie) + 6 if verdaagd. */
function uiterlijkeBeslisdatum(b: Pick<Bz, 'bekendmakingOp' | 'adviescommissie'>, verdaagd: boolean): string {
  return plusDagen(b.bekendmakingOp, 7 * (6 + (b.adviescommissie ? 12 : 6) + (verdaagd ? 6 : 0)));
}

/** A BSN passing the elfproef, unique per (seed, number). */
function bsnVoor(seed: number, nr: number): string {
  for (let k = 0; ; k++) {
    const acht = String(10_000_000 + ((((seed % 1000) + 1000) % 1000) * 50_000 + nr * 7 + k) % 89_999_999).padStart(8, '0');
    let som = 0;
    for (let i = 0; i < 8; i++) som += Number(acht[i]) * (9 - i);
    const laatste = som % 11;
    if (laatste <= 9) return `${acht}${laatste}`;
  }
}

// ---------------------------------------------------------------- the generator

export async function generateHistory(stack: TestStack, opts: HistoryOptions): Promise<GeneratedHistory> {
  const started = Date.now();
  const concurrency = opts.concurrency ?? 8;
  const token = await stack.token('consulent', opts.gemeenten, 'history-generator');
  const counts: Record<string, number> = {};
  const tel = (wat: string) => (counts[wat] = (counts[wat] ?? 0) + 1);
  let lastPositie = 0;

  async function post(app: 'intake' | 'voorzieningen', path: string, body: object): Promise<Record<string, unknown>> {
    const res = await stack[app].http.post(path).set('Authorization', `Bearer ${token}`).send(body);
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`history generator: POST ${path} ${JSON.stringify(body)} → ${res.status} ${res.text}`);
    }
    tel('requests');
    if (typeof res.body.positie === 'number') lastPositie = Math.max(lastPositie, res.body.positie);
    return res.body as Record<string, unknown>;
  }

  // ---- the clients, in households (seeded by the master PRNG)
  const master = new Rng(opts.seed);
  const casussen: Casus[] = [];
  const volgendHuishouden = new Map<string, number>();
  while (casussen.length < opts.clienten) {
    const gemeente = master.pick(opts.gemeenten);
    const grootte = master.chance(0.3) ? master.int(2, 4) : 1;
    let huishoudenId: string | undefined;
    if (grootte > 1 || master.chance(0.4)) {
      // Numbered per gemeente, so `HH-1` exists in several gemeenten: different households.
      const n = (volgendHuishouden.get(gemeente) ?? 0) + 1;
      volgendHuishouden.set(gemeente, n);
      huishoudenId = `HH-${n}`;
    }
    for (let lid = 0; lid < grootte && casussen.length < opts.clienten; lid++) {
      const nr = casussen.length;
      const fase = nr < opts.clienten * 0.8 ? 1 : nr < opts.clienten * 0.92 ? 2 : 3;
      casussen.push({
        nr,
        rng: new Rng((Math.imul(opts.seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(nr + 1, 0x85ebca6b)) >>> 0),
        fase,
        gemeente,
        ...(huishoudenId ? { huishoudenId } : {}),
        geboortedatum: geboortedatum(master, lid > 0 && master.chance(0.5)),
        geslacht: master.weighted([['vrouw', 48], ['man', 48], ['onbekend', 4]] as const),
        vz: [],
        uk: [],
        aw: [],
        am: [],
        bz: [],
      });
    }
  }
  // Every bezwaar uitkomst at least once: the first five clients of phase 1 get a bezwaar with each.
  BEZWAAR_UITKOMSTEN.forEach((u, i) => {
    if (casussen[i]) casussen[i]!.bezwaarUitkomst = u;
  });

  function geboortedatum(rng: Rng, kind: boolean): string {
    // Some exactly on an age boundary (18, 27, 65, 75) at a month end of the history, or a day off.
    if (rng.chance(0.08)) {
      const peil = rng.pick(MAANDEINDEN);
      const jaren = rng.pick([18, 27, 65, 75]);
      const d = `${Number(peil.slice(0, 4)) - jaren}${peil.slice(4)}`;
      return plusDagen(d, rng.pick([0, 0, 1, -1]));
    }
    if (kind) return rng.datum('1999-01-01', '2014-12-31');
    return rng.weighted([
      [rng.datum('1999-01-01', '2014-12-31'), 20],
      [rng.datum('1952-01-01', '1998-12-31'), 50],
      [rng.datum('1920-01-01', '1951-12-31'), 30],
    ] as const);
  }

  // ---- commands, each mirroring the decider's rules so that it succeeds

  async function registreer(c: Casus): Promise<void> {
    const body = {
      bsn: bsnVoor(opts.seed, c.nr),
      geboortedatum: c.geboortedatum,
      geslacht: c.geslacht,
      gemeente: c.gemeente,
      ...(c.huishoudenId ? { huishoudenId: c.huishoudenId } : {}),
    };
    c.clientId = (await post('intake', '/clienten', body)).clientId as string;
    tel('clienten');
  }

  async function aanmelden(c: Casus, wet: Wet, ontvangenOp: string): Promise<Am> {
    const body = {
      clientId: c.clientId,
      wet,
      ontvangenOp,
      ...(c.rng.chance(0.7) ? { verwijzer: c.rng.pick(VERWIJZERS) } : {}),
    };
    const am: Am = { id: (await post('intake', '/aanmeldingen', body)).aanmeldingId as string, wet, ontvangenOp, afgerond: false, ingetrokken: false };
    c.am.push(am);
    tel('aanmeldingen');
    return am;
  }

  async function rondAf(am: Am, afgerondOp: string, uitkomst: string): Promise<void> {
    if (am.afgerond || am.ingetrokken || afgerondOp < am.ontvangenOp) throw new Error('generator: invalid afronding');
    await post('intake', `/aanmeldingen/${am.id}/afronding`, { afgerondOp, uitkomst });
    am.afgerond = true;
    tel('afrondingen');
  }

  async function trekAanmeldingIn(am: Am): Promise<void> {
    await post('intake', `/aanmeldingen/${am.id}/intrekking`, { reden: 'Aanmelding ten onrechte geregistreerd' });
    am.ingetrokken = true;
    tel('intrekkingen');
    tel('intrekkingen:aanmelding');
  }

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

  async function kenUitkeringToe(c: Casus, ingangsdatum: string): Promise<Uk> {
    const rng = c.rng;
    const regeling = rng.weighted(REGELINGEN);
    const metBesluitdatum = rng.chance(0.7);
    const besluitdatum = metBesluitdatum ? binnen(plusDagen(ingangsdatum, rng.int(-20, 20))) : ingangsdatum;
    const body = {
      clientId: c.clientId,
      regeling,
      ingangsdatum,
      instroomreden: rng.pick(INSTROOMREDENEN),
      ...(metBesluitdatum ? { besluitdatum } : {}),
    };
    const uk: Uk = {
      soort: 'uitkering',
      id: (await post('voorzieningen', '/uitkeringen', body)).uitkeringId as string,
      besluitdatum,
      ingetrokken: false,
      regeling,
      ingangsdatum,
      einddatum: null,
      reden: null,
    };
    c.uk.push(uk);
    tel('uitkeringen');
    tel(`regeling:${regeling}`);
    return uk;
  }

  async function beeindigUitkering(c: Casus, uk: Uk): Promise<void> {
    if (uk.ingetrokken) return;
    const rng = c.rng;
    let einddatum = rng.datum(uk.ingangsdatum, min(plusDagen(uk.ingangsdatum, 500), LAATSTE_DAG));
    if (rng.chance(0.5)) einddatum = min(maandeinde(einddatum), LAATSTE_DAG);
    let uitstroomreden: string = rng.pick(UITSTROOMREDENEN);
    if (uk.reden === uitstroomreden && uk.einddatum === einddatum) uitstroomreden = uitstroomreden === 'werk' ? 'overig' : 'werk';
    const tweede = uk.reden !== null;
    await post('voorzieningen', `/uitkeringen/${uk.id}/beeindiging`, { einddatum, uitstroomreden });
    uk.einddatum = einddatum;
    uk.reden = uitstroomreden;
    tel(tweede ? 'beeindigingen:tweede' : 'beeindigingen');
  }

  async function corrigeerUitkering(c: Casus, uk: Uk): Promise<void> {
    if (uk.ingetrokken) return;
    const rng = c.rng;
    const wat = rng.weighted([
      ['einddatum', uk.einddatum === null ? 0 : 3],
      ['ingangsdatum', 3],
      ['regeling', 3],
    ] as const);
    const body: Record<string, unknown> = {};
    if (wat === 'ingangsdatum') {
      let ingang = binnen(plusDagen(uk.ingangsdatum, rng.pick([-1, 1]) * rng.int(1, 45)));
      if (uk.einddatum !== null && ingang > uk.einddatum) ingang = uk.einddatum;
      if (ingang === uk.ingangsdatum) return;
      body.ingangsdatum = ingang;
    } else if (wat === 'regeling') {
      body.regeling = rng.pick(REGELINGEN.map(([r]) => r).filter((r) => r !== uk.regeling));
    } else {
      // Only an ended uitkering may have its einddatum corrected: moved, or removed (undoing the beëindiging).
      const einde = rng.chance(0.4) ? null : rng.datum(uk.ingangsdatum, LAATSTE_DAG);
      if (einde === uk.einddatum) return;
      body.einddatum = einde;
    }
    await post('voorzieningen', `/uitkeringen/${uk.id}/correctie`, { ...body, reden: 'Verkeerd overgenomen uit het besluit' });
    if (body.ingangsdatum) uk.ingangsdatum = body.ingangsdatum as string;
    if (body.regeling) uk.regeling = body.regeling as string;
    if (body.einddatum !== undefined) {
      uk.einddatum = body.einddatum as string | null;
      if (uk.einddatum === null) uk.reden = null;
    }
    tel('correcties');
    tel(`correcties:uitkering:${wat}`);
  }

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
    const aw: Aw = { soort: 'afwijzing', id: (await post('voorzieningen', '/afwijzingen', body)).afwijzingId as string, besluitdatum, ingetrokken: false };
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

  // ---- a traject: aanmelding → besluit → levering → beëindiging → bezwaar

  function kiesSoort(c: Casus, rng: Rng): 'wmo' | 'jeugdwet' | 'uitkering' | 'aanmelding' | 'afwijzing' {
    const jaren = 2016 - Number(c.geboortedatum.slice(0, 4));
    if (jaren < 18) return rng.weighted([['jeugdwet', 65], ['wmo', 15], ['aanmelding', 12], ['afwijzing', 8]] as const);
    if (jaren < 65) return rng.weighted([['wmo', 30], ['uitkering', 42], ['jeugdwet', 5], ['aanmelding', 13], ['afwijzing', 10]] as const);
    return rng.weighted([['wmo', 60], ['uitkering', 15], ['aanmelding', 15], ['afwijzing', 10]] as const);
  }

  async function traject(c: Casus, zwaar = false): Promise<void> {
    const rng = c.rng;
    const soort = zwaar ? rng.pick(['wmo', 'wmo', 'jeugdwet', 'uitkering'] as const) : kiesSoort(c, rng);
    const wet: Wet =
      soort === 'wmo' || soort === 'jeugdwet' ? soort : soort === 'uitkering' ? 'participatiewet' : rng.pick(['wmo', 'jeugdwet', 'participatiewet'] as const);
    // A heavy client gets its items in a narrow window, so they stack (stapeling 6+).
    let besluitVanaf = zwaar ? rng.datum('2015-10-01', '2016-01-31') : rng.datum(EERSTE_DAG, '2016-11-30');
    let am: Am | undefined;

    if (soort === 'aanmelding' || (!zwaar && rng.chance(0.6))) {
      let ontvangenOp: string;
      let wacht: number;
      if (rng.chance(0.15)) {
        // On the norm boundary: waiting exactly the norm (or one day more or less) at a month end.
        const peil = rng.pick(MAANDEINDEN.slice(2));
        ontvangenOp = plusDagen(peil, -(NORM[wet]! + rng.pick([0, 0, 1, -1])));
        wacht = dagnummer(peil) - dagnummer(ontvangenOp) + rng.int(1, 20);
      } else {
        ontvangenOp = rng.datum(EERSTE_DAG, '2016-12-20');
        wacht = rng.weighted([[rng.int(0, 30), 4], [rng.int(31, 70), 4], [rng.int(71, 150), 2]] as const);
      }
      am = await aanmelden(c, wet, ontvangenOp);
      const afgerondOp = binnen(plusDagen(ontvangenOp, wacht));
      if (soort === 'aanmelding') {
        const lot = rng.float();
        if (lot < 0.5) await rondAf(am, afgerondOp, rng.pick(AFRONDINGEN_ZONDER_BESLUIT));
        else if (lot < 0.6) await trekAanmeldingIn(am);
        // else: still open (perhaps afgerond later)
        return;
      }
      // Mostly afgerond with an aanvraag before the besluit; sometimes the afronding comes later or never.
      if (rng.chance(0.85)) await rondAf(am, afgerondOp, 'aanvraag');
      besluitVanaf = afgerondOp;
    }
    const besluitdatum = binnen(plusDagen(besluitVanaf, rng.int(0, 14)));

    if (soort === 'afwijzing') {
      const aw = await wijsAf(c, wet, besluitdatum, am);
      await misschienBezwaar(c, aw, 0.35);
      if (rng.chance(0.03)) await trekBesluitIn(aw);
      return;
    }
    if (soort === 'uitkering') {
      const uk = await kenUitkeringToe(c, besluitdatum);
      if (rng.chance(0.3)) await beeindigUitkering(c, uk);
      await misschienBezwaar(c, uk, 0.12);
      if (rng.chance(0.05)) await corrigeerUitkering(c, uk);
      if (rng.chance(0.03)) await trekBesluitIn(uk);
      return;
    }
    if (soort === 'wmo' || soort === 'jeugdwet') {
      const vz = await kenVoorzieningToe(c, soort, besluitdatum, am);
      if (rng.chance(0.8)) await startLevering(c, vz);
      if (rng.chance(zwaar ? 0.1 : 0.3)) await beeindigVoorziening(c, vz);
      await misschienBezwaar(c, vz, 0.12);
      if (rng.chance(0.05)) await corrigeerVoorziening(c, vz);
      if (rng.chance(0.03)) await trekBesluitIn(vz);
    }
  }

  async function nieuweTrajecten(c: Casus): Promise<void> {
    const zwaar = c.rng.chance(0.04);
    const n = zwaar ? c.rng.int(6, 8) : c.rng.weighted([[0, 3], [1, 22], [2, 30], [3, 22], [4, 13], [5, 10]] as const);
    for (let i = 0; i < n; i++) await traject(c, zwaar);
    if (c.bezwaarUitkomst) {
      // forced coverage: a besluit to object to
      const uk = await kenUitkeringToe(c, c.rng.datum('2015-09-01', '2016-06-30'));
      await misschienBezwaar(c, uk, 1);
    }
  }

  /** Late registrations about what the client already has; f scales how much happens. */
  async function lateActies(c: Casus, f: number): Promise<void> {
    const rng = c.rng;
    for (const am of c.am) {
      if (am.afgerond || am.ingetrokken) continue;
      if (rng.chance(0.4 * f)) {
        await rondAf(am, binnen(plusDagen(am.ontvangenOp, rng.int(0, 120))), rng.pick(['aanvraag', ...AFRONDINGEN_ZONDER_BESLUIT]));
      } else if (rng.chance(0.1 * f)) {
        await trekAanmeldingIn(am);
      }
    }
    for (const vz of c.vz) {
      if (vz.ingetrokken) continue;
      if (!vz.levering && rng.chance(0.5 * f)) await startLevering(c, vz);
      if (vz.reden === null ? rng.chance(0.3 * f) : rng.chance(0.25 * f)) await beeindigVoorziening(c, vz);
      if (rng.chance(0.15 * f)) await corrigeerVoorziening(c, vz);
      if (rng.chance(0.05 * f)) await misschienBezwaar(c, vz, 1);
      if (rng.chance(0.04 * f)) await trekBesluitIn(vz);
    }
    for (const uk of c.uk) {
      if (uk.ingetrokken) continue;
      if (uk.reden === null ? rng.chance(0.3 * f) : rng.chance(0.25 * f)) await beeindigUitkering(c, uk);
      if (rng.chance(0.15 * f)) await corrigeerUitkering(c, uk);
      if (rng.chance(0.04 * f)) await misschienBezwaar(c, uk, 1);
      if (rng.chance(0.04 * f)) await trekBesluitIn(uk);
    }
    for (const aw of c.aw) {
      if (rng.chance(0.06 * f)) await trekBesluitIn(aw);
    }
    for (const bz of c.bz) {
      if (bz.ingetrokken || bz.afgehandeld) continue;
      if (rng.chance(0.2 * f)) await verdaag(c, bz);
      if (rng.chance(0.5 * f)) await handelAf(c, bz);
      else if (rng.chance(0.05 * f)) await trekBezwaarIn(bz);
    }
  }

  async function fase(nr: 1 | 2 | 3): Promise<void> {
    await pool(casussen, concurrency, async (c) => {
      if (c.fase === nr) {
        await registreer(c);
        await nieuweTrajecten(c);
        if (nr === 1) await lateActies(c, 0.3);
      } else if (c.fase < nr) {
        await lateActies(c, nr === 2 ? 1 : 0.7);
        if (c.rng.chance(0.3)) await traject(c);
      }
    });
  }

  await fase(1);
  await sleep(20);
  const k1 = new Date();
  await sleep(20);
  await fase(2);
  await sleep(20);
  const k2 = new Date();
  await sleep(20);
  await fase(3);

  counts.ms = Date.now() - started;
  return { kennisdata: [k1, k2], lastPositie, counts };
}

/** Runs fn over the items with at most n at a time. */
async function pool<T>(items: readonly T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let volgende = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (volgende < items.length) await fn(items[volgende++]!);
    }),
  );
}
