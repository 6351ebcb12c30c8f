/**
 * A seeded, realistic event history for the projections benchmark, made by the domain's own
 * deciders (so every event is one the apps would have appended) and encoded with `encodeEvent`
 * (so it passes the event schemas).
 *
 * Per client: a ClientGeregistreerd; aanmeldingen (most afgerond, some still open); for an
 * aanvraag one or more voorzieningen (wmo, jeugdwet) with levering, beëindigingen, second
 * beëindigingen, correcties and intrekkingen, or an uitkering (participatiewet), or an afwijzing;
 * bezwaren against some besluiten. About 30 % of the clients are the 2015 transition stock
 * (overgangsrecht: ingangsdatum 2015-01-01, no aanmelding). Business dates lie in 2015–2017.
 *
 * Every event also gets a registration day (when a consulent would have entered it: on the day,
 * in advance, or months late). Appends are ordered by that day, so the global order and the
 * recordedAt axis follow the registrations, and a kennisdatum taken halfway sees half of them.
 * Events of one stream registered within 60 days of the first of them go into one append (up to 8;
 * a consulent updating a dossier in one go), so 1M events need about 0.7M appends.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type DomainEvent, encodeEvent } from '@sd/contracts';
import {
  aanmeldingDecider,
  aanmeldingStreamId,
  afwijzingDecider,
  afwijzingStreamId,
  bevolkingDecider,
  bevolkingStreamId,
  bezwaarDecider,
  bezwaarStreamId,
  clientDecider,
  clientIdVoor,
  clientStreamId,
  type Decider,
  uitkeringDecider,
  uitkeringStreamId,
  voorzieningDecider,
  voorzieningStreamId,
  type BesluitFeit,
  type ClientFeit,
} from '@sd/domain';
import type { NewEvent } from '@sd/event-store';
import { Rng } from '@sd/testing';

// ---------------------------------------------------------------- PRNG

// ---------------------------------------------------------------- dates as day numbers

const DAG_MS = 86_400_000;
export const dag = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAG_MS;
const ISO_CACHE = new Map<number, string>();
export const iso = (d: number): string => {
  let s = ISO_CACHE.get(d);
  if (s === undefined) {
    s = new Date(d * DAG_MS).toISOString().slice(0, 10);
    ISO_CACHE.set(d, s);
  }
  return s;
};

export const EERSTE = dag('2015-01-01');
export const LAATSTE = dag('2017-12-31');

// ---------------------------------------------------------------- code lists

/** Ten gemeenten of different sizes (CBS codes) with their share of the clients. */
export const GEMEENTEN: readonly (readonly [string, number])[] = [
  ['GM0014', 7], // Groningen
  ['GM0034', 6], // Almere
  ['GM0080', 4], // Leeuwarden
  ['GM0193', 5], // Zwolle
  ['GM0202', 6], // Arnhem
  ['GM0268', 6], // Nijmegen
  ['GM0344', 11], // Utrecht
  ['GM0363', 24], // Amsterdam
  ['GM0599', 19], // Rotterdam
  ['GM0772', 12], // Eindhoven
];

const WMO: readonly (readonly [string, number])[] = [
  ['01', 30],
  ['02', 18],
  ['03', 6],
  ['04', 2],
  ['05', 2],
  ['06', 3],
  ['07', 9],
  ['08', 4],
  ['09', 1],
  ['10', 1],
  ['11', 5],
  ['12', 8],
  ['13', 4],
  ['14', 3],
  ['15', 3],
  ['16', 1],
  ['17', 0.5],
  ['18', 0.5],
];
const JEUGD: readonly (readonly [string, number])[] = [
  ['40', 2],
  ['41', 6],
  ['42', 3],
  ['43', 4],
  ['44', 3],
  ['45', 40],
  ['46', 2],
  ['47', 3],
  ['48', 4],
  ['49', 0.5],
  ['50', 2],
  ['51', 8],
  ['52', 14],
  ['53', 1],
  ['54', 6],
  ['55', 1.5],
];
const REGELINGEN = [
  ['participatiewet', 70],
  ['ioaw', 8],
  ['ioaz', 4],
  ['bbz', 8],
  ['participatiewet-elders-verzorgd', 10],
] as const;
const INSTROOM = [
  ['einde-ww', 35],
  ['einde-werk', 20],
  ['statushouder', 15],
  ['scheiding', 12],
  ['overig', 18],
] as const;
const UITSTROOM = [
  ['werk', 40],
  ['overlijden', 4],
  ['huwelijk-samenwonen', 8],
  ['verhuizing', 12],
  ['verhuizing-buitenland', 3],
  ['geen-inlichtingen', 6],
  ['pensioen', 8],
  ['studie', 4],
  ['arbeidsongeschiktheid', 3],
  ['oorzaak-partner', 4],
  ['overig', 8],
] as const;
const BEEINDIGING = [
  ['volgens-plan', 40],
  ['voortijdig-client', 15],
  ['voortijdig-aanbieder', 10],
  ['verhuizing', 10],
  ['overlijden', 10],
  ['wlz', 8],
  ['overig', 7],
] as const;
const VERWIJZER_JEUGD = [
  ['huisarts', 45],
  ['medisch-specialist', 8],
  ['gecertificeerde-instelling', 10],
  ['gemeentelijke-toegang', 20],
  ['ouders-jeugdige', 8],
  ['onderwijs', 5],
  ['veilig-thuis', 4],
] as const;
const AFRONDING = [
  ['aanvraag', 68],
  ['algemene-voorziening', 12],
  ['doorverwezen', 9],
  ['geen-ondersteuning', 7],
  ['ingetrokken', 4],
] as const;
const BEZWAAR_UITKOMST = [
  ['ongegrond', 50],
  ['gegrond', 12],
  ['deels-gegrond', 10],
  ['ingetrokken', 20],
  ['niet-ontvankelijk', 8],
] as const;
const ONDERWERP: Record<string, string> = {
  '01': 'huishoudelijke-hulp',
  '02': 'begeleiding-individueel',
  '07': 'begeleiding-groep',
  '15': 'beschermd-wonen',
  '12': 'vervoer',
  '13': 'woonvoorziening',
  '11': 'hulpmiddelen',
  '14': 'hulpmiddelen',
};

// ---------------------------------------------------------------- output

export interface Append {
  /** Registration moment: day number plus a random fraction (the sort key). */
  reg: number;
  streamId: string;
  streamType: string;
  gemeente: string;
  /** The stream's version before this append (0: 'no-stream'). */
  versie: number;
  events: NewEvent[];
  correlationId: string;
  requestHash: string;
}

export interface History {
  appends: Append[];
  events: number;
  clients: number;
  households: number;
  perType: Record<string, number>;
  perGemeente: Record<string, number>;
  /** Commands the deciders refused (the generator tried something the rules forbid): skipped. */
  refused: number;
}

// ---------------------------------------------------------------- streams

interface Pending {
  e: DomainEvent;
  reg: number;
}

class Stroom<C, S, E extends DomainEvent> {
  state: S;
  readonly pending: Pending[] = [];
  private lastReg = -Infinity;

  constructor(
    readonly id: string,
    readonly type: string,
    readonly gemeente: string,
    private readonly decider: Decider<C, S, E>,
    private readonly gen: Bouwer,
  ) {
    this.state = decider.initialState();
  }

  /** Runs a command; false (and nothing appended) when the decider refuses it. */
  doe(command: C, reg: number): boolean {
    let out: E[];
    try {
      out = this.decider.decide(command, this.state);
    } catch {
      this.gen.refused++;
      return false;
    }
    this.lastReg = Math.max(this.lastReg, reg);
    for (const e of out) {
      this.state = this.decider.evolve(this.state, e);
      this.pending.push({ e, reg: this.lastReg });
    }
    return true;
  }
}

type AnyStroom = Stroom<never, unknown, DomainEvent>;

// ---------------------------------------------------------------- generator

class Bouwer {
  refused = 0;
  private readonly streams: AnyStroom[] = [];
  private bsnTeller = 10_000_000;
  private readonly sleutel = 'bench-pseudoniem-sleutel';

  constructor(
    private readonly rng: Rng,
    private readonly venster: number,
  ) {}

  stroom<C, S, E extends DomainEvent>(id: string, type: string, gemeente: string, decider: Decider<C, S, E>): Stroom<C, S, E> {
    const s = new Stroom(id, type, gemeente, decider, this);
    this.streams.push(s);
    return s;
  }

  bsn(): string {
    for (;;) {
      const acht = String(this.bsnTeller++).padStart(8, '0');
      let som = 0;
      for (let i = 0; i < 8; i++) som += Number(acht[i]) * (9 - i);
      const laatste = som % 11;
      if (laatste <= 9) return `${acht}${laatste}`;
    }
  }

  clientId(gemeente: string, bsn: string): string {
    return clientIdVoor(gemeente, bsn, this.sleutel);
  }

  /** Turns every stream's events into appends (a stream's registrations within `venster` days per append). */
  *appends(): Generator<Append> {
    for (const s of this.streams) {
      let versie = 0;
      let i = 0;
      while (i < s.pending.length) {
        const first = s.pending[i];
        let j = i + 1;
        while (j < s.pending.length && j - i < 8 && s.pending[j].reg - first.reg <= this.venster) j++;
        const groep = s.pending.slice(i, j);
        yield {
          reg: groep[groep.length - 1].reg + this.rng.float() * 0.999,
          streamId: s.id,
          streamType: s.type,
          gemeente: s.gemeente,
          versie,
          events: groep.map((p) => ({ ...encodeEvent(p.e), eventId: randomUUID() })),
          correlationId: randomUUID(),
          requestHash: createHash('sha256').update(`${s.id}:${versie}`).digest('base64url'),
        };
        versie += groep.length;
        i = j;
      }
      s.pending.length = 0;
    }
    this.streams.length = 0;
  }
}

type Profiel = 'jeugd' | 'wmo-oud' | 'wmo' | 'pw';

interface ClientCtx {
  gen: Bouwer;
  rng: Rng;
  gemeente: string;
  clientId: string;
  feit: ClientFeit;
  profiel: Profiel;
}

/** Delay between a fact and its registration: mostly days, sometimes in advance, sometimes months late. */
function registratie(rng: Rng, d: number, soort: 'normaal' | 'einde'): number {
  if (soort === 'einde') {
    const r = rng.float();
    if (r < 0.35) return d - rng.int(1, 45); // registered in advance
    if (r < 0.85) return d + rng.skewed(0, 21);
    return d + rng.int(30, 300); // late
  }
  return rng.chance(0.93) ? d + rng.skewed(0, 10) : d + rng.int(20, 200);
}

function bezwaar(c: ClientCtx, besluit: BesluitFeit, besluitId: string, onderwerp: string, vanaf: number): void {
  const { rng, gen } = c;
  const ontvangen = Math.max(vanaf, dag(besluit.besluitdatum)) + rng.int(3, 42);
  if (ontvangen > LAATSTE || ontvangen < EERSTE) return;
  const bezwaarId = randomUUID();
  const s = gen.stroom(bezwaarStreamId(bezwaarId), 'bezwaar', c.gemeente, bezwaarDecider);
  const ok = s.doe(
    {
      type: 'RegistreerBezwaar',
      bezwaarId,
      besluitId,
      ontvangenOp: iso(ontvangen),
      onderwerp,
      adviescommissie: rng.chance(0.3),
      besluit,
    },
    registratie(rng, ontvangen, 'normaal'),
  );
  if (!ok) return;
  let laatste = ontvangen;
  if (rng.chance(0.15)) {
    const verdaagd = ontvangen + rng.int(10, 40);
    if (verdaagd <= LAATSTE && s.doe({ type: 'VerdaagBezwaar', verdaagdOp: iso(verdaagd) }, registratie(rng, verdaagd, 'normaal'))) {
      laatste = verdaagd;
    }
  }
  if (rng.chance(0.88)) {
    const af = laatste + rng.skewed(14, 220);
    if (af <= LAATSTE) {
      s.doe({ type: 'HandelBezwaarAf', afgehandeldOp: iso(af), uitkomst: rng.weighted(BEZWAAR_UITKOMST) }, registratie(rng, af, 'normaal'));
    }
  }
  if (rng.chance(0.01)) s.doe({ type: 'TrekBezwaarIn', reden: 'dubbel geregistreerd' }, registratie(rng, ontvangen + 20, 'normaal'));
}

/** A voorziening from toekenning to (perhaps) beëindiging. */
function voorziening(
  c: ClientCtx,
  wet: 'wmo' | 'jeugdwet',
  besluitdatum: number,
  ingangsdatum: number,
  opties: { aanmeldingId?: string; overgang?: boolean; productcategorie?: string },
): void {
  const { rng, gen } = c;
  if (besluitdatum > LAATSTE || ingangsdatum > LAATSTE) return;
  const voorzieningId = randomUUID();
  const productcategorie = opties.productcategorie ?? rng.weighted(wet === 'wmo' ? WMO : JEUGD);
  const s = gen.stroom(voorzieningStreamId(voorzieningId), 'voorziening', c.gemeente, voorzieningDecider);
  const gepland = rng.chance(wet === 'jeugdwet' ? 0.5 : 0.15) ? ingangsdatum + rng.int(90, 730) : undefined;
  const regToekenning = opties.overgang ? EERSTE + rng.int(1, 50) : registratie(rng, besluitdatum, 'normaal');
  const ok = s.doe(
    {
      type: 'KenVoorzieningToe',
      voorzieningId,
      clientId: c.clientId,
      wet,
      productcategorie,
      leveringsvorm: rng.chance(0.12) ? 'pgb' : 'zin',
      besluitdatum: iso(besluitdatum),
      ingangsdatum: iso(ingangsdatum),
      ...(gepland !== undefined ? { einddatum: iso(gepland) } : {}),
      ...(opties.aanmeldingId ? { aanmeldingId: opties.aanmeldingId, aanmelding: { clientId: c.clientId, ingetrokken: false } } : {}),
      client: c.feit,
      eigenProductcategorieen: [],
    },
    regToekenning,
  );
  if (!ok) return;

  let start: number | null = null;
  if (rng.chance(0.9)) {
    start = opties.overgang ? ingangsdatum : ingangsdatum + rng.skewed(0, 60);
    if (gepland !== undefined && start > gepland) start = ingangsdatum;
    if (start <= LAATSTE) {
      if (!s.doe({ type: 'StartLevering', datum: iso(start) }, Math.max(regToekenning, registratie(rng, start, 'normaal')))) start = null;
    } else start = null;
  }

  let einde: number | null = gepland ?? null;
  if (rng.chance(gepland !== undefined ? 0.4 : 0.75)) {
    const max = gepland !== undefined ? gepland - 1 : ingangsdatum + rng.int(120, 900);
    const e = Math.max(start ?? ingangsdatum, ingangsdatum + rng.int(30, Math.max(31, max - ingangsdatum)));
    if (e <= LAATSTE && (gepland === undefined || e < gepland)) {
      if (s.doe({ type: 'BeeindigVoorziening', einddatum: iso(e), reden: rng.weighted(BEEINDIGING) }, registratie(rng, e, 'einde'))) {
        einde = e;
        if (rng.chance(0.04)) {
          // A second beëindiging corrects the first (another date), months later.
          const e2 = Math.max(start ?? ingangsdatum, e + rng.int(-60, 60));
          if (e2 !== e) s.doe({ type: 'BeeindigVoorziening', einddatum: iso(e2), reden: rng.weighted(BEEINDIGING) }, e + rng.int(20, 200));
        }
      }
    }
  }

  if (rng.chance(0.05)) {
    const r = rng.float();
    const reg = regToekenning + rng.int(5, 250);
    if (r < 0.4 && einde !== null) {
      s.doe(
        {
          type: 'CorrigeerVoorziening',
          einddatum: iso(Math.max(start ?? ingangsdatum, einde + rng.int(-30, 30))),
          reden: 'verkeerde einddatum',
          eigenProductcategorieen: [],
        },
        reg,
      );
    } else if (r < 0.7) {
      s.doe(
        {
          type: 'CorrigeerVoorziening',
          leveringsvorm: rng.chance(0.5) ? 'pgb' : 'zin',
          reden: 'verkeerde leveringsvorm',
          eigenProductcategorieen: [],
        },
        reg,
      );
    } else {
      s.doe(
        {
          type: 'CorrigeerVoorziening',
          productcategorie: rng.weighted(wet === 'wmo' ? WMO : JEUGD),
          reden: 'verkeerde productcategorie',
          eigenProductcategorieen: [],
        },
        reg,
      );
    }
  }
  const ingetrokken = rng.chance(0.01);
  if (ingetrokken) s.doe({ type: 'TrekVoorzieningIn', reden: 'foutieve registratie' }, regToekenning + rng.int(1, 60));

  // Herindicatie: an ended voorziening often continues under a new besluit from the next day.
  if (!ingetrokken && einde !== null && einde < LAATSTE && rng.chance(0.45)) {
    voorziening(c, wet, Math.max(besluitdatum, einde - rng.int(0, 30)), einde + 1, {
      productcategorie: rng.chance(0.8) ? productcategorie : undefined,
    });
  }

  if (rng.chance(0.05)) {
    bezwaar(
      c,
      { soort: 'voorziening', gemeente: c.gemeente, besluitdatum: iso(besluitdatum), ingetrokken: false, wet, clientId: c.clientId },
      voorzieningId,
      ONDERWERP[productcategorie] ?? (wet === 'jeugdwet' ? 'jeugdhulp' : 'overig'),
      besluitdatum,
    );
  }
}

function uitkering(c: ClientCtx, besluitdatum: number, ingangsdatum: number, overgang: boolean): number | null {
  const { rng, gen } = c;
  if (besluitdatum > LAATSTE) return null;
  const uitkeringId = randomUUID();
  const s = gen.stroom(uitkeringStreamId(uitkeringId), 'uitkering', c.gemeente, uitkeringDecider);
  const reg = overgang ? EERSTE + rng.int(1, 60) : registratie(rng, besluitdatum, 'normaal');
  const ok = s.doe(
    {
      type: 'KenUitkeringToe',
      uitkeringId,
      clientId: c.clientId,
      regeling: rng.weighted(REGELINGEN),
      ingangsdatum: iso(ingangsdatum),
      besluitdatum: iso(besluitdatum),
      instroomreden: rng.weighted(INSTROOM),
      client: c.feit,
    },
    reg,
  );
  if (!ok) return null;
  let einde: number | null = null;
  if (rng.chance(0.65)) {
    const e = Math.max(ingangsdatum, besluitdatum) + rng.int(60, 900);
    if (
      e <= LAATSTE &&
      s.doe({ type: 'BeeindigUitkering', einddatum: iso(e), uitstroomreden: rng.weighted(UITSTROOM) }, registratie(rng, e, 'einde'))
    ) {
      einde = e;
      if (rng.chance(0.04))
        s.doe(
          {
            type: 'BeeindigUitkering',
            einddatum: iso(Math.max(ingangsdatum, e + rng.int(-45, 45))),
            uitstroomreden: rng.weighted(UITSTROOM),
          },
          e + rng.int(20, 200),
        );
    }
  }
  if (rng.chance(0.04)) {
    const r = rng.float();
    const regC = reg + rng.int(5, 250);
    if (r < 0.5) s.doe({ type: 'CorrigeerUitkering', regeling: rng.weighted(REGELINGEN), reden: 'verkeerde regeling' }, regC);
    else if (einde !== null)
      s.doe(
        {
          type: 'CorrigeerUitkering',
          einddatum: rng.chance(0.3) ? null : iso(Math.max(ingangsdatum, einde + rng.int(-30, 30))),
          reden: 'verkeerde einddatum',
        },
        Math.max(regC, einde + 5),
      );
    else
      s.doe(
        {
          type: 'CorrigeerUitkering',
          ingangsdatum: iso(ingangsdatum + rng.int(-20, 20)),
          reden: 'verkeerde ingangsdatum',
        },
        regC,
      );
  }
  if (rng.chance(0.01)) s.doe({ type: 'TrekUitkeringIn', reden: 'foutieve registratie' }, reg + rng.int(1, 60));
  if (rng.chance(0.05)) {
    bezwaar(
      c,
      {
        soort: 'uitkering',
        gemeente: c.gemeente,
        besluitdatum: iso(besluitdatum),
        ingetrokken: false,
        wet: 'participatiewet',
        clientId: c.clientId,
      },
      uitkeringId,
      rng.chance(0.5) ? 'bijstand' : 'terugvordering',
      besluitdatum,
    );
  }
  return einde;
}

/** One aanmelding and what follows from it. */
function casus(c: ClientCtx, wet: 'wmo' | 'jeugdwet' | 'participatiewet', ontvangen: number): void {
  const { rng, gen } = c;
  if (ontvangen > LAATSTE) return;
  const aanmeldingId = randomUUID();
  const s = gen.stroom(aanmeldingStreamId(aanmeldingId), 'aanmelding', c.gemeente, aanmeldingDecider);
  const ok = s.doe(
    {
      type: 'OntvangAanmelding',
      aanmeldingId,
      clientId: c.clientId,
      wet,
      ontvangenOp: iso(ontvangen),
      ...(rng.chance(0.7)
        ? {
            verwijzer:
              wet === 'jeugdwet' ? rng.weighted(VERWIJZER_JEUGD) : rng.pick(['huisarts', 'gemeentelijke-toegang', 'overig'] as const),
          }
        : {}),
      client: c.feit,
    },
    registratie(rng, ontvangen, 'normaal'),
  );
  if (!ok) return;
  if (rng.chance(0.01)) {
    s.doe({ type: 'TrekAanmeldingIn', reden: 'dubbel geregistreerd' }, ontvangen + rng.int(1, 30));
    return;
  }
  if (!rng.chance(0.9)) return; // stays open (on the wachtlijst)
  const afgerond = ontvangen + (rng.chance(0.8) ? rng.skewed(3, 70) : rng.int(40, 200));
  if (afgerond > LAATSTE) return;
  const uitkomst = rng.weighted(AFRONDING);
  if (!s.doe({ type: 'RondAanmeldingAf', afgerondOp: iso(afgerond), uitkomst }, registratie(rng, afgerond, 'normaal'))) return;
  if (uitkomst !== 'aanvraag') return;
  const besluit = afgerond + rng.skewed(0, 28);
  if (besluit > LAATSTE) return;
  if (rng.chance(0.1)) {
    const afwijzingId = randomUUID();
    const a = gen.stroom(afwijzingStreamId(afwijzingId), 'afwijzing', c.gemeente, afwijzingDecider);
    const pc = wet === 'participatiewet' ? undefined : rng.weighted(wet === 'wmo' ? WMO : JEUGD);
    const gelukt = a.doe(
      {
        type: 'WijsAanvraagAf',
        afwijzingId,
        clientId: c.clientId,
        wet,
        ...(pc ? { productcategorie: pc } : {}),
        besluitdatum: iso(besluit),
        reden: 'geen noodzaak vastgesteld',
        aanmeldingId,
        aanmelding: { clientId: c.clientId, ingetrokken: false },
        client: c.feit,
        eigenProductcategorieen: [],
      },
      registratie(rng, besluit, 'normaal'),
    );
    if (gelukt && rng.chance(0.25)) {
      bezwaar(
        c,
        { soort: 'afwijzing', gemeente: c.gemeente, besluitdatum: iso(besluit), ingetrokken: false, wet, clientId: c.clientId },
        afwijzingId,
        'afwijzing',
        besluit,
      );
    }
    return;
  }
  if (wet === 'participatiewet') {
    uitkering(c, besluit, Math.max(ontvangen, besluit - rng.int(0, 30)), false);
    return;
  }
  const aantal = rng.weighted([
    [1, 62],
    [2, 28],
    [3, 8],
    [4, 2],
  ] as const);
  for (let i = 0; i < aantal; i++) {
    const ingang = Math.max(ontvangen, besluit + rng.int(-14, 30));
    voorziening(c, wet, besluit, ingang, { aanmeldingId: i === 0 ? aanmeldingId : undefined });
  }
}

/** One client's whole history. */
function client(gen: Bouwer, rng: Rng, gemeente: string, huishoudenId: string | undefined): void {
  const profiel = rng.weighted([
    ['jeugd', 30],
    ['wmo-oud', 27],
    ['wmo', 18],
    ['pw', 25],
  ] as const);
  const geboorte =
    profiel === 'jeugd'
      ? dag('2000-01-01') + rng.int(0, 17 * 365)
      : profiel === 'wmo-oud'
        ? dag('1920-01-01') + rng.int(0, 30 * 365)
        : profiel === 'wmo'
          ? dag('1950-01-01') + rng.int(0, 45 * 365)
          : dag('1955-01-01') + rng.int(0, 42 * 365);
  const bsn = gen.bsn();
  const clientId = gen.clientId(gemeente, bsn);
  const overgang = rng.chance(0.3);
  const entry = overgang ? EERSTE : EERSTE + rng.int(0, LAATSTE - EERSTE - 60);
  const cs = gen.stroom(clientStreamId(clientId), 'client', gemeente, clientDecider);
  cs.doe(
    {
      type: 'RegistreerClient',
      clientId,
      bsn,
      geboortedatum: iso(geboorte),
      geslacht: rng.weighted([
        ['man', 48],
        ['vrouw', 51],
        ['onbekend', 1],
      ] as const),
      gemeente,
      ...(huishoudenId ? { huishoudenId } : {}),
    },
    overgang ? EERSTE + rng.int(0, 20) : entry - rng.int(0, 3),
  );
  const c: ClientCtx = {
    gen,
    rng,
    gemeente,
    clientId,
    feit: { gemeente, ...(huishoudenId ? { huishoudenId } : {}) },
    profiel,
  };
  const wet = profiel === 'jeugd' ? 'jeugdwet' : profiel === 'pw' ? 'participatiewet' : 'wmo';

  if (overgang) {
    // The 2015 transition: existing care continues from 2015-01-01, decided late in 2014.
    if (wet === 'participatiewet') {
      uitkering(c, EERSTE - rng.int(30, 900), EERSTE - rng.int(30, 900), true);
    } else {
      const n = rng.weighted([
        [1, 60],
        [2, 30],
        [3, 10],
      ] as const);
      for (let i = 0; i < n; i++) voorziening(c, wet, EERSTE - rng.int(10, 90), EERSTE, { overgang: true });
    }
  } else {
    casus(c, wet, entry);
  }
  // Further aanmeldingen later on (sometimes under another wet: stapeling).
  let t = entry;
  while (rng.chance(0.63)) {
    t += rng.int(45, 400);
    if (t > LAATSTE - 30) break;
    const andere = profiel === 'pw' && rng.chance(0.35) ? 'wmo' : profiel === 'wmo' && rng.chance(0.2) ? 'participatiewet' : wet;
    casus(c, andere, t);
  }
}

export interface HistoryOptions {
  clients: number;
  seed: number;
  /** Events of one stream registered within this many days of its first go into one append (default 60). */
  venster?: number;
  /** Called every 1,000 clients. */
  voortgang?: (klaar: number) => void;
}

/** Generates every client's history and returns the appends in registration order. */
export function generateHistory(opts: HistoryOptions): History {
  const rng = new Rng(opts.seed);
  const gen = new Bouwer(rng, opts.venster ?? 60);
  const appends: Append[] = [];
  const perType: Record<string, number> = {};
  const perGemeente: Record<string, number> = {};
  let events = 0;

  // Population figures per gemeente and year, for the per-1,000 figures of stapeling.
  const totaal = GEMEENTEN.reduce((s, [, w]) => s + w, 0);
  for (const [gemeente, w] of GEMEENTEN) {
    const s = gen.stroom(bevolkingStreamId(gemeente), 'bevolking', gemeente, bevolkingDecider);
    const inwoners = Math.round((opts.clients * (w / totaal)) / 0.06);
    for (const jaar of [2015, 2016, 2017]) {
      s.doe(
        { type: 'StelBevolkingVast', gemeente, jaar, inwoners: inwoners + (jaar - 2015) * 1000, huishoudens: Math.round(inwoners / 2.1) },
        dag(`${jaar}-01-01`) + rng.int(0, 40),
      );
    }
  }

  // Households: about 55 % of the clients share one with others (1–5 members).
  const huishoudens = new Map<string, number>();
  const open = new Map<string, string[]>();
  for (let i = 0; i < opts.clients; i++) {
    const gemeente = rng.weighted(GEMEENTEN);
    let huishoudenId: string | undefined;
    if (rng.chance(0.55)) {
      const lijst = open.get(gemeente) ?? [];
      open.set(gemeente, lijst);
      if (lijst.length > 0 && rng.chance(0.5)) {
        const k = rng.int(Math.max(0, lijst.length - 50), lijst.length - 1);
        huishoudenId = lijst[k]!;
        const n = (huishoudens.get(`${gemeente}:${huishoudenId}`) ?? 0) + 1;
        huishoudens.set(`${gemeente}:${huishoudenId}`, n);
        if (n >= 5 || rng.chance(0.4)) lijst.splice(k, 1);
      } else {
        huishoudenId = `HH-${gemeente.slice(2)}-${String(i).padStart(7, '0')}`;
        huishoudens.set(`${gemeente}:${huishoudenId}`, 1);
        lijst.push(huishoudenId);
      }
    }
    client(gen, rng, gemeente, huishoudenId);
    if ((i + 1) % 1000 === 0 || i === opts.clients - 1) {
      for (const a of gen.appends()) {
        appends.push(a);
        events += a.events.length;
        perGemeente[a.gemeente] = (perGemeente[a.gemeente] ?? 0) + a.events.length;
        for (const e of a.events) perType[e.type] = (perType[e.type] ?? 0) + 1;
      }
      opts.voortgang?.(i + 1);
    }
  }
  appends.sort((a, b) => a.reg - b.reg);
  const singles = opts.clients - [...huishoudens.values()].reduce((s, n) => s + n, 0);
  return { appends, events, clients: opts.clients, households: huishoudens.size + singles, perType, perGemeente, refused: gen.refused };
}
