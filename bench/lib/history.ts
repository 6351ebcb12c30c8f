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
 * A longer history (`jaren` > 3, the benchmarks' scale mode) starts earlier and still ends on
 * 2017-12-31: the same clients per year over more years, so the caseload on a date stays what it is
 * in 3 years while the history grows. Its transition stock is that of three years of clients, on its
 * first day; its clients leave after at most 5 years, ending what still runs (a 3-year history cuts
 * them off at its end instead); population figures for every year. It is generated and handed out in
 * pieces (`HistoryStream`), so it is never in memory at once. With 3 years the history is what it
 * always was.
 *
 * Every event also gets a registration day (when a consulent would have entered it: on the day,
 * in advance, or months late). Appends are ordered by that day, so the global order and the
 * recordedAt axis follow the registrations, and a kennisdatum taken halfway sees half of them.
 * Events of one stream registered within 60 days of the first of them go into one append (up to 8;
 * a consulent updating a dossier in one go), so 1M events need about 0.7M appends.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type AanmeldingEvent, type DomainEvent, encodeEvent, type UitkeringEvent, type VoorzieningEvent } from '@sd/contracts';
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
  clientStreamId,
  type Decider,
  uitkeringDecider,
  uitkeringStreamId,
  voorzieningDecider,
  voorzieningStreamId,
  type AanmeldingCommand,
  type AanmeldingState,
  type BesluitFeit,
  type ClientFeit,
  type UitkeringCommand,
  type UitkeringState,
  type VoorzieningCommand,
  type VoorzieningState,
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
const VERTREK = [
  ['verhuizing', 40],
  ['overlijden', 30],
  ['wlz', 20],
  ['overig', 10],
] as const;
/** How an aanmelding still open ends in a long history (see `casus`). */
const VERTREK_AFRONDING = [
  ['ingetrokken', 50],
  ['geen-ondersteuning', 30],
  ['doorverwezen', 20],
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
  /** The stream's last append in the history (after it the stream's version is final). */
  laatste: boolean;
  events: NewEvent[];
  correlationId: string;
  requestHash: string;
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
  /** Voorzieningen and uitkeringen running at the end of PEILDATUM_CASELOAD (as the stand counts them), in their final state. */
  readonly lopend = { voorzieningen: 0, uitkeringen: 0, wachtendeAanmeldingen: 0, wachtendeVoorzieningen: 0 };
  private readonly streams: AnyStroom[] = [];
  private bsnTeller = 10_000_000;

  constructor(
    private readonly rng: Rng,
    private readonly venster: number,
    /** The history's first day. */
    readonly begin: number,
    /** Clients leave after at most VERBLIJF days (a history longer than 3 years). */
    readonly vertrek: boolean,
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

  /** A clientId fixed by gemeente and BSN, so the same seed gives the same history (the apps make random ones). */
  clientId(gemeente: string, bsn: string): string {
    const h = createHash('sha256').update(`bench:${gemeente}:${bsn}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** Turns every stream's events into appends (a stream's registrations within `venster` days per append). */
  *appends(): Generator<Append> {
    for (const s of this.streams) {
      this.telLopend(s);
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
          laatste: j === s.pending.length,
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

  /** Counts the stream, in its final state, if it runs or waits at the end of PEILDATUM_CASELOAD (as the stand and the wachtlijst count). */
  private telLopend(s: AnyStroom): void {
    const p = PEILDATUM_CASELOAD;
    if (s.type === 'aanmelding') {
      const a = s.state as AanmeldingState;
      if (a.status === 'ontvangen' && !a.ingetrokken && a.ontvangenOp <= p && (a.afronding === null || a.afronding.afgerondOp > p))
        this.lopend.wachtendeAanmeldingen++;
      return;
    }
    if (s.type !== 'voorziening' && s.type !== 'uitkering') return;
    const st = s.state as VoorzieningState | UitkeringState;
    if (st.status !== 'toegekend' || st.ingetrokken || (st.einddatum !== null && st.einddatum <= p)) return;
    if (st.ingangsdatum <= p) {
      if (s.type === 'voorziening') this.lopend.voorzieningen++;
      else this.lopend.uitkeringen++;
    }
    if ('leveringGestartOp' in st && st.besluitdatum <= p && (st.leveringGestartOp === null || st.leveringGestartOp > p)) {
      this.lopend.wachtendeVoorzieningen++;
    }
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
  /** The client's last day in the history: LAATSTE, or (in a long history) the day it leaves. */
  laatste: number;
  /** Its voorzieningen and uitkeringen. */
  items: ItemStroom[];
  aanmeldingen: Stroom<AanmeldingCommand, AanmeldingState, AanmeldingEvent>[];
}

type ItemStroom =
  | { soort: 'voorziening'; s: Stroom<VoorzieningCommand, VoorzieningState, VoorzieningEvent> }
  | { soort: 'uitkering'; s: Stroom<UitkeringCommand, UitkeringState, UitkeringEvent> };

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
  if (ontvangen > c.laatste || ontvangen < gen.begin) return;
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
    if (verdaagd <= c.laatste && s.doe({ type: 'VerdaagBezwaar', verdaagdOp: iso(verdaagd) }, registratie(rng, verdaagd, 'normaal'))) {
      laatste = verdaagd;
    }
  }
  if (rng.chance(0.88)) {
    const af = laatste + rng.skewed(14, 220);
    if (af <= c.laatste) {
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
  if (besluitdatum > c.laatste || ingangsdatum > c.laatste) return;
  const voorzieningId = randomUUID();
  const productcategorie = opties.productcategorie ?? rng.weighted(wet === 'wmo' ? WMO : JEUGD);
  const s = gen.stroom(voorzieningStreamId(voorzieningId), 'voorziening', c.gemeente, voorzieningDecider);
  c.items.push({ soort: 'voorziening', s });
  const gepland = rng.chance(wet === 'jeugdwet' ? 0.5 : 0.15) ? ingangsdatum + rng.int(90, 730) : undefined;
  const regToekenning = opties.overgang ? gen.begin + rng.int(1, 50) : registratie(rng, besluitdatum, 'normaal');
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
    if (start <= c.laatste) {
      if (!s.doe({ type: 'StartLevering', datum: iso(start) }, Math.max(regToekenning, registratie(rng, start, 'normaal')))) start = null;
    } else start = null;
  }

  let einde: number | null = gepland ?? null;
  if (rng.chance(gepland !== undefined ? 0.4 : 0.75)) {
    const max = gepland !== undefined ? gepland - 1 : ingangsdatum + rng.int(120, 900);
    const e = Math.max(start ?? ingangsdatum, ingangsdatum + rng.int(30, Math.max(31, max - ingangsdatum)));
    if (e <= c.laatste && (gepland === undefined || e < gepland)) {
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
  if (!ingetrokken && einde !== null && einde < c.laatste && rng.chance(0.45)) {
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
  if (besluitdatum > c.laatste) return null;
  const uitkeringId = randomUUID();
  const s = gen.stroom(uitkeringStreamId(uitkeringId), 'uitkering', c.gemeente, uitkeringDecider);
  c.items.push({ soort: 'uitkering', s });
  const reg = overgang ? gen.begin + rng.int(1, 60) : registratie(rng, besluitdatum, 'normaal');
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
      e <= c.laatste &&
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
  if (ontvangen > c.laatste) return;
  const aanmeldingId = randomUUID();
  const s = gen.stroom(aanmeldingStreamId(aanmeldingId), 'aanmelding', c.gemeente, aanmeldingDecider);
  c.aanmeldingen.push(s);
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
  if (!rng.chance(0.9)) {
    // Stays open (on the wachtlijst). In a long history not for ever: it is closed after a wait as
    // long as the open ones of 2015–2017 have had by mid-2016, or when the client leaves.
    if (gen.vertrek) {
      const dicht = ontvangen + rng.int(30, OPEN_MAX);
      if (dicht <= c.laatste)
        s.doe(
          { type: 'RondAanmeldingAf', afgerondOp: iso(dicht), uitkomst: rng.weighted(VERTREK_AFRONDING) },
          registratie(rng, dicht, 'normaal'),
        );
    }
    return;
  }
  const afgerond = ontvangen + (rng.chance(0.8) ? rng.skewed(3, 70) : rng.int(40, 200));
  if (afgerond > c.laatste) return;
  const uitkomst = rng.weighted(AFRONDING);
  if (!s.doe({ type: 'RondAanmeldingAf', afgerondOp: iso(afgerond), uitkomst }, registratie(rng, afgerond, 'normaal'))) return;
  if (uitkomst !== 'aanvraag') return;
  const besluit = afgerond + rng.skewed(0, 28);
  if (besluit > c.laatste) return;
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

/** One client's whole history, entering with `lichting` (or, as transition stock, on the history's first day). */
function client(gen: Bouwer, rng: Rng, gemeente: string, huishoudenId: string | undefined, lichting: Lichting): void {
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
  const overgang = rng.chance(lichting.overgangskans);
  const entry = overgang ? gen.begin : lichting.van + rng.int(0, lichting.tot - lichting.van);
  const cs = gen.stroom(clientStreamId(clientId), 'client', gemeente, clientDecider);
  cs.doe(
    {
      type: 'RegistreerClient',
      clientId,
      bsn,
      geboortedatum: iso(geboorte + lichting.verschuiving),
      geslacht: rng.weighted([
        ['man', 48],
        ['vrouw', 51],
        ['onbekend', 1],
      ] as const),
      gemeente,
      ...(huishoudenId ? { huishoudenId } : {}),
    },
    overgang ? gen.begin + rng.int(0, 20) : entry - rng.int(0, VOORLOOP),
  );
  const c: ClientCtx = {
    gen,
    rng,
    gemeente,
    clientId,
    feit: { gemeente, ...(huishoudenId ? { huishoudenId } : {}) },
    profiel,
    // In a long history a client leaves after at most VERBLIJF days, as a client of a 3-year
    // history is cut off by its end: otherwise open-ended care would pile up over the decades.
    laatste: gen.vertrek ? Math.min(LAATSTE, entry + rng.int(60, VERBLIJF)) : LAATSTE,
    items: [],
    aanmeldingen: [],
  };
  const wet = profiel === 'jeugd' ? 'jeugdwet' : profiel === 'pw' ? 'participatiewet' : 'wmo';

  if (overgang) {
    // The transition (2015: the decentralisation): existing care continues from the history's first
    // day, decided before it.
    if (wet === 'participatiewet') {
      uitkering(c, gen.begin - rng.int(30, 900), gen.begin - rng.int(30, 900), true);
    } else {
      const n = rng.weighted([
        [1, 60],
        [2, 30],
        [3, 10],
      ] as const);
      for (let i = 0; i < n; i++) voorziening(c, wet, gen.begin - rng.int(10, 90), gen.begin, { overgang: true });
    }
  } else {
    casus(c, wet, entry);
  }
  // Further aanmeldingen later on (sometimes under another wet: stapeling).
  let t = entry;
  while (rng.chance(0.63)) {
    t += rng.int(45, 400);
    if (t > c.laatste - 30) break;
    const andere = profiel === 'pw' && rng.chance(0.35) ? 'wmo' : profiel === 'wmo' && rng.chance(0.2) ? 'participatiewet' : wet;
    casus(c, andere, t);
  }
  if (c.laatste < LAATSTE) vertrek(c);
}

/** The client leaves (moves away, dies, goes to the Wlz) on its last day: what still runs or waits ends then. */
function vertrek(c: ClientCtx): void {
  const { rng } = c;
  const einde = iso(c.laatste);
  for (const s of c.aanmeldingen) {
    const a = s.state;
    if (a.status !== 'ontvangen' || a.ingetrokken || a.afronding !== null) continue;
    s.doe(
      { type: 'RondAanmeldingAf', afgerondOp: a.ontvangenOp > einde ? a.ontvangenOp : einde, uitkomst: rng.weighted(VERTREK_AFRONDING) },
      registratie(rng, c.laatste, 'normaal'),
    );
  }
  for (const item of c.items) {
    const st = item.s.state;
    if (st.status !== 'toegekend' || st.ingetrokken || (st.einddatum !== null && st.einddatum <= einde)) continue;
    const einddatum = st.ingangsdatum > einde ? st.ingangsdatum : einde;
    const reg = registratie(rng, c.laatste, 'einde');
    if (item.soort === 'voorziening') item.s.doe({ type: 'BeeindigVoorziening', einddatum, reden: rng.weighted(VERTREK) }, reg);
    else item.s.doe({ type: 'BeeindigUitkering', einddatum, uitstroomreden: rng.weighted(UITSTROOM) }, reg);
  }
}

// ---------------------------------------------------------------- the history

/** Clients entering in [van, tot] (day numbers, both inclusive), generated one after the other. */
interface Lichting {
  van: number;
  tot: number;
  clients: number;
  /** The chance that a client of this lichting is transition stock (entering on the history's first day). */
  overgangskans: number;
  /** Days added to the birth dates, so that ages at entry are distributed as in 2015–2017. */
  verschuiving: number;
}

/** In a history longer than 3 years a client leaves at most this many days after it entered (see `client`). */
const VERBLIJF = 5 * 365;

/** In a history longer than 3 years an aanmelding that stays open is closed at most this many days after it came in (see `casus`). */
const OPEN_MAX = 1065; // 35 months

/** The share of transition stock in three years of clients (the 2015 decentralisation). */
const OVERGANG = 0.3;

/** Years of history for a number of events: 3 per 1,000,000 events, at least 3 (2015–2017). */
export const jarenVoor = (events: number): number => Math.max(3, Math.round((3 * events) / 1_000_000));

/** The first day of a history of `jaren` years: it always ends on 2017-12-31. */
export const beginVan = (jaren: number): number => dag(`${2018 - jaren}-01-01`);

/** The items running at the end of this day are the caseload check of the seed summary (a peildatum the reports ask). */
export const PEILDATUM_CASELOAD = '2016-06-30';

/**
 * A client is registered at most this many days before it enters; nothing else of its history is
 * registered before its entry. So once every client entering before day d has been generated, the
 * appends registered before d - VOORLOOP are final: no later client adds one before them.
 */
const VOORLOOP = 3;

/**
 * The first registration day of the history's last three years (2015–2017, the years the reports
 * ask about): kennisdata are taken among the events registered from here on.
 */
export const KENNIS_VANAF = EERSTE - VOORLOOP;

/**
 * The clients in lichtingen by entry date. A history of 3 years is one lichting (entries uniform over
 * 2015-01-01 … 2017-11-01, 30 % transition stock), as it always was. A longer one has a lichting per
 * quarter (so that little is held in memory at once) with the same density of new clients per day,
 * and the transition stock of three years of that density (not 30 % of all) in the first quarter.
 */
function lichtingen(clients: number, jaren: number, begin: number): Lichting[] {
  const eind = LAATSTE - 60; // the last entry: something can still happen after it
  const overgang = OVERGANG * ((3 * clients) / jaren); // expected transition stock
  const nieuw = clients - overgang;
  const kwartaal = (k: number) => Date.UTC(2018 - jaren, 3 * k, 1) / DAG_MS; // the first day of the k-th quarter
  const vakken: [number, number][] =
    jaren === 3
      ? [[begin, eind]]
      : Array.from({ length: 4 * jaren }, (_, k): [number, number] => [kwartaal(k), Math.min(eind, kwartaal(k + 1) - 1)]).filter(
          ([van, tot]) => van <= tot,
        );
  const dagen = vakken.reduce((t, [van, tot]) => t + tot - van + 1, 0);
  const uit: Lichting[] = [];
  let verstreken = 0;
  let gehad = 0;
  for (const [van, tot] of vakken) {
    verstreken += tot - van + 1;
    const totNu = Math.round(overgang + (nieuw * verstreken) / dagen); // cumulative, so the lichtingen add up to `clients`
    const n = totNu - gehad;
    gehad = totNu;
    const jaar = new Date(van * DAG_MS).getUTCFullYear();
    const blok = 2015 + 3 * Math.floor((jaar - 2015) / 3);
    uit.push({
      van,
      tot,
      clients: n,
      overgangskans: uit.length === 0 && n > 0 ? OVERGANG * ((3 * clients) / jaren / n) : 0,
      verschuiving: dag(`${blok}-01-01`) - EERSTE,
    });
  }
  return uit;
}

export interface HistoryOptions {
  clients: number;
  seed: number;
  /** Years of history, always ending on 2017-12-31 (default 3: 2015–2017). See `jarenVoor`. */
  jaren?: number;
  /** Events of one stream registered within this many days of its first go into one append (default 60). */
  venster?: number;
  /** Called every 1,000 clients. */
  voortgang?: (klaar: number) => void;
}

export interface HistoryStats {
  events: number;
  appendCount: number;
  /** Appends of more than one event. */
  multiEventAppends: number;
  clients: number;
  households: number;
  perType: Record<string, number>;
  perGemeente: Record<string, number>;
  /** Commands the deciders refused (the generator tried something the rules forbid): skipped. */
  refused: number;
  jaren: number;
  /** The first and the last day of the business dates. */
  van: string;
  tot: string;
  /**
   * At the end of `peildatum`, in the final state: voorzieningen and uitkeringen running (as the stand
   * counts them), and what waits (as the wachtlijst counts: aanmeldingen not afgerond, toegekende
   * voorzieningen not started and not ended).
   */
  lopend: { peildatum: string; voorzieningen: number; uitkeringen: number; wachtendeAanmeldingen: number; wachtendeVoorzieningen: number };
}

/** The caseload check for a summary line: what runs and what waits on the peildatum. */
export function caseload(l: HistoryStats['lopend']): string {
  const n = (x: number) => x.toLocaleString('en');
  return `on ${l.peildatum} ${n(l.voorzieningen)} voorzieningen and ${n(l.uitkeringen)} uitkeringen running, ${n(l.wachtendeAanmeldingen)} aanmeldingen and ${n(l.wachtendeVoorzieningen)} voorzieningen waiting`;
}

export interface History extends HistoryStats {
  appends: Append[];
}

/**
 * The history as a stream: `stukken()` hands out the appends in registration order in pieces, while
 * it generates, so a long history is never in memory at once. The lichtingen are generated in order
 * of entry; after each, the appends registered before the next lichting's first registration are
 * final and go out, sorted (a stable sort, so the pieces together are exactly the sort of the whole).
 * `stats` is complete once `stukken()` has run to the end.
 */
export class HistoryStream {
  readonly stats: HistoryStats;
  private readonly jaren: number;
  private readonly begin: number;

  constructor(private readonly opts: HistoryOptions) {
    this.jaren = opts.jaren ?? 3;
    if (!Number.isInteger(this.jaren) || this.jaren < 1) throw new RangeError('jaren must be a whole number of at least 1');
    this.begin = beginVan(this.jaren);
    this.stats = {
      events: 0,
      appendCount: 0,
      multiEventAppends: 0,
      clients: opts.clients,
      households: 0,
      perType: {},
      perGemeente: {},
      refused: 0,
      jaren: this.jaren,
      van: iso(this.begin),
      tot: iso(LAATSTE),
      lopend: { peildatum: PEILDATUM_CASELOAD, voorzieningen: 0, uitkeringen: 0, wachtendeAanmeldingen: 0, wachtendeVoorzieningen: 0 },
    };
  }

  /** Pieces of appends in registration order (some empty: one piece per 1,000 clients). */
  *stukken(): Generator<Append[]> {
    const { opts, stats } = this;
    const rng = new Rng(opts.seed);
    const gen = new Bouwer(rng, opts.venster ?? 60, this.begin, this.jaren > 3);
    let pool: Append[] = [];
    /** Every append not yet handed out is registered at or after this. */
    let grens = -Infinity;
    const verzamel = () => {
      for (const a of gen.appends()) {
        if (a.reg < grens) throw new Error(`an append registered on ${iso(Math.floor(a.reg))} came after the pieces up to ${iso(grens)}`);
        pool.push(a);
        stats.events += a.events.length;
        stats.appendCount++;
        if (a.events.length > 1) stats.multiEventAppends++;
        stats.perGemeente[a.gemeente] = (stats.perGemeente[a.gemeente] ?? 0) + a.events.length;
        for (const e of a.events) stats.perType[e.type] = (stats.perType[e.type] ?? 0) + 1;
      }
      stats.refused = gen.refused;
      Object.assign(stats.lopend, gen.lopend);
    };

    // Population figures per gemeente and year, for the per-1,000 figures of stapeling: the
    // population of three years of clients, as in 2015–2017.
    const drieJaar = (3 * opts.clients) / this.jaren;
    const totaal = GEMEENTEN.reduce((s, [, w]) => s + w, 0);
    for (const [gemeente, w] of GEMEENTEN) {
      const s = gen.stroom(bevolkingStreamId(gemeente), 'bevolking', gemeente, bevolkingDecider);
      const inwoners = Math.round((drieJaar * (w / totaal)) / 0.06);
      for (let jaar = 2018 - this.jaren; jaar <= 2017; jaar++) {
        s.doe(
          {
            type: 'StelBevolkingVast',
            gemeente,
            jaar,
            // 1,000 more every year; before 2015 fewer, but at least half
            inwoners: jaar >= 2015 ? inwoners + (jaar - 2015) * 1000 : Math.max(Math.round(inwoners / 2), inwoners + (jaar - 2015) * 1000),
            huishoudens: Math.round(inwoners / 2.1),
          },
          dag(`${jaar}-01-01`) + rng.int(0, 40),
        );
      }
    }

    // Households: about 55 % of the clients share one with others (1–5 members).
    const huishoudens = new Map<string, number>();
    const open = new Map<string, string[]>();
    const alle = lichtingen(opts.clients, this.jaren, this.begin);
    let i = 0;
    for (const [l, lichting] of alle.entries()) {
      const einde = i + lichting.clients;
      for (; i < einde; i++) {
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
        client(gen, rng, gemeente, huishoudenId, lichting);
        if ((i + 1) % 1000 === 0 || i === einde - 1) {
          verzamel();
          opts.voortgang?.(i + 1);
          if (i < einde - 1) yield [];
        }
      }
      // Every client entering before the next lichting is made: what is registered before its first
      // registration is final.
      const volgende = alle[l + 1];
      if (lichting.clients === 0) verzamel();
      grens = volgende ? volgende.van - VOORLOOP : Infinity;
      const uit = pool.filter((a) => a.reg < grens).sort((a, b) => a.reg - b.reg);
      pool = pool.filter((a) => a.reg >= grens);
      yield uit;
    }
    const singles = opts.clients - [...huishoudens.values()].reduce((s, n) => s + n, 0);
    stats.households = huishoudens.size + singles;
  }
}

/** Generates every client's history and returns the appends in registration order (all in memory: for small histories). */
export function generateHistory(opts: HistoryOptions): History {
  const stroom = new HistoryStream(opts);
  const appends: Append[] = [];
  for (const stuk of stroom.stukken()) for (const a of stuk) appends.push(a);
  return { ...stroom.stats, appends };
}
