/**
 * The oracle for the reports: an independent, brute-force computation of the five reports straight
 * from the event log, to hold the SQL reporting engine to DESIGN section 4 and to the choices made
 * in `src/rapportages/rapportage.types.ts`.
 *
 * No SQL, no Nest, no read models: every stream is folded with its own domain decider over the
 * events recorded at or before the kennisdatum, and each definition is a plain loop over the
 * folded states. It is meant to be obviously correct, not fast (a fold per kennisdatum is cached;
 * everything else is recomputed per call).
 *
 * The answers are the report objects of rapportage.types.ts without the meta fields
 * (`rapport`, `kennisdatum`, `positie`, `filters`, `publicatie`), never in publication mode.
 */
import { decodeEvent, type DomainEvent } from '@sd/contracts';
import {
  aanmeldingDecider,
  bezwaarDecider,
  clientDecider,
  uitkeringDecider,
  voorzieningDecider,
  type AanmeldingState,
  type BezwaarState,
  type ClientState,
  type UitkeringState,
  type VoorzieningState,
} from '@sd/domain';
import type { RecordedEvent } from '@sd/event-store';
import {
  LEEFTIJDSGROEPEN,
  STAPEL_KLASSEN,
  WACHTTIJD_KLASSEN,
  type BezwarenCijfers,
  type BezwarenRapport,
  type InstroomUitstroomRapport,
  type RapportMeta,
  type StandCijfers,
  type StandRapport,
  type StapelingCijfers,
  type StapelingGemeente,
  type StapelingRapport,
  type StroomCijfers,
  type WachtlijstCijfers,
  type WachtlijstRapport,
} from '../src/rapportages/rapportage.types.js';

// ---------------------------------------------------------------- query and answer types

/** A report without its meta fields: what the oracle answers. */
export type ZonderMeta<R> = Omit<R, keyof RapportMeta>;

export interface OracleFilters {
  /** Only events with recordedAt <= kennisdatum count; absent: all events. */
  kennisdatum?: Date;
  /** Gemeente codes; absent: all. */
  gemeente?: string[];
  wet?: string;
  productcategorie?: string;
  leveringsvorm?: string;
  regeling?: string;
}

export interface PeildatumQuery extends OracleFilters {
  /** `YYYY-MM-DD` */
  peildatum: string;
}

export interface PeriodeQuery extends OracleFilters {
  /** `YYYY-MM-DD`, first day of the period (inclusive). */
  van: string;
  /** `YYYY-MM-DD`, last day of the period (inclusive). */
  tot: string;
}

export interface WachtlijstQuery extends PeildatumQuery {
  /** Norm in days per wet; merged over the default (wmo 42, jeugdwet 56, participatiewet 56). */
  normen?: Record<string, number>;
}

export interface Bevolking {
  gemeente: string;
  jaar: number;
  inwoners: number;
  huishoudens: number;
}

export type StapelingQuery = (PeildatumQuery | PeriodeQuery) & { bevolking?: Bevolking[] };

/** DESIGN §4 Wachtlijst: "wmo 42 days, jeugdwet 56 days, participatiewet 56 days; configurable". */
export const STANDAARD_NORMEN: Readonly<Record<string, number>> = { wmo: 42, jeugdwet: 56, participatiewet: 56 };

// ---------------------------------------------------------------- the world as known at k

interface Client {
  clientId: string;
  gemeente: string;
  geboortedatum: string;
  geslacht: string;
  /** types: "A household is `<gemeente>:<huishoudenId>` of the client, or the client alone without one." */
  huishouden: string;
}

/** A voorziening (wet wmo or jeugdwet) or an uitkering (wet participatiewet), as it stands at k. */
interface Item {
  soort: 'voorziening' | 'uitkering';
  id: string;
  client: Client;
  gemeente: string;
  wet: string;
  /** Voorzieningen only. */
  productcategorie: string | null;
  /** Voorzieningen only. */
  leveringsvorm: string | null;
  /** Uitkeringen only. */
  regeling: string | null;
  besluitdatum: string;
  ingangsdatum: string;
  einddatum: string | null;
  instroomreden: string;
  /** The reden of the uitstroom, when there is an einddatum. */
  uitstroomreden: string | null;
  /** Voorzieningen only. */
  leveringGestartOp: string | null;
}

interface Aanmelding {
  id: string;
  gemeente: string;
  wet: string;
  ontvangenOp: string;
  afgerondOp: string | null;
}

interface Bezwaar {
  id: string;
  gemeente: string;
  wet: string;
  ontvangenOp: string;
  onderwerp: string;
  bekendmakingOp: string;
  adviescommissie: boolean;
  verdaagd: boolean;
  afgehandeldOp: string | null;
  uitkomst: string | null;
}

interface Wereld {
  items: Item[];
  aanmeldingen: Aanmelding[];
  bezwaren: Bezwaar[];
}

interface Stream {
  streamType: string;
  /** In stream order, decoded to the current schema version. */
  events: { recordedAt: number; event: DomainEvent }[];
}

// ---------------------------------------------------------------- small helpers

const DAG_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date (no time zone involved). */
export function dagnummer(datum: string): number {
  const [j, m, d] = datum.split('-').map(Number) as [number, number, number];
  return Date.UTC(j, m - 1, d) / DAG_MS;
}

export function plusDagen(datum: string, dagen: number): string {
  return new Date((dagnummer(datum) + dagen) * DAG_MS).toISOString().slice(0, 10);
}

/** Whole years from geboortedatum to the date: the birthday itself counts as reached. */
export function leeftijd(geboortedatum: string, op: string): number {
  const [gj, gm, gd] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [j, m, d] = op.split('-').map(Number) as [number, number, number];
  let jaren = j - gj;
  if (m < gm || (m === gm && d < gd)) jaren--;
  return jaren;
}

function leeftijdsgroep(jaren: number): (typeof LEEFTIJDSGROEPEN)[number] {
  if (jaren <= 17) return '0-17';
  if (jaren <= 26) return '18-26';
  if (jaren <= 64) return '27-64';
  if (jaren <= 74) return '65-74';
  return '75+';
}

function wachttijdKlasse(dagen: number): (typeof WACHTTIJD_KLASSEN)[number] {
  if (dagen <= 14) return '0-14';
  if (dagen <= 28) return '15-28';
  if (dagen <= 42) return '29-42';
  if (dagen <= 56) return '43-56';
  if (dagen <= 91) return '57-91';
  return '92+';
}

function stapelKlasse(aantal: number): (typeof STAPEL_KLASSEN)[number] {
  return aantal >= 6 ? '6+' : (String(aantal) as (typeof STAPEL_KLASSEN)[number]);
}

/** Plain code-unit order, as for the codes the reports group by. */
function vergelijk(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function optellen(map: Record<string, number>, sleutel: string): void {
  map[sleutel] = (map[sleutel] ?? 0) + 1;
}

/**
 * types: "Breakdown rows (`perX` arrays) exist for each value present in the filtered population,
 * sorted ascending by their key field(s)." Groups the population by the key fields (a null key
 * leaves the element out of this breakdown) and makes one row per key.
 */
function rijen<T, K extends Record<string, string>, C>(populatie: T[], sleutel: (t: T) => K | null, cijfers: (groep: T[]) => C): (C & K)[] {
  const groepen = new Map<string, { key: K; leden: T[] }>();
  for (const t of populatie) {
    const key = sleutel(t);
    if (key === null) continue;
    const id = JSON.stringify(Object.values(key));
    let g = groepen.get(id);
    if (!g) groepen.set(id, (g = { key, leden: [] }));
    g.leden.push(t);
  }
  const lijst = [...groepen.values()];
  lijst.sort((a, b) => {
    const va = Object.values(a.key);
    const vb = Object.values(b.key);
    for (let i = 0; i < va.length; i++) {
      const c = vergelijk(va[i], vb[i]);
      if (c !== 0) return c;
    }
    return 0;
  });
  return lijst.map((g) => ({ ...g.key, ...cijfers(g.leden) }));
}

/** Rounds a non-negative fraction teller/noemer to one decimal, half up, without floating error. */
function eenDecimaal(teller: number, noemer: number): number {
  const tienden = Math.floor((teller * 10) / noemer);
  const rest = teller * 10 - tienden * noemer;
  return (2 * rest >= noemer ? tienden + 1 : tienden) / 10;
}

// ---------------------------------------------------------------- the oracle

export class Oracle {
  private readonly streams = new Map<string, Stream>();
  private readonly werelden = new Map<number, Wereld>();

  constructor(events: RecordedEvent[]) {
    const perStream = new Map<string, RecordedEvent[]>();
    for (const e of events) {
      let lijst = perStream.get(e.streamId);
      if (!lijst) perStream.set(e.streamId, (lijst = []));
      lijst.push(e);
    }
    for (const [streamId, lijst] of perStream) {
      lijst.sort((a, b) => a.streamVersion - b.streamVersion);
      this.streams.set(streamId, {
        streamType: lijst[0].streamType,
        // decodeEvent: checks the stored data against its schema version and upcasts it to the current one.
        events: lijst.map((e) => ({
          recordedAt: e.recordedAt.getTime(),
          event: decodeEvent({ type: e.type, schemaVersion: e.schemaVersion, data: e.data }),
        })),
      });
    }
  }

  /**
   * DESIGN §4 Kennisdatum: "only events recorded at or before k count"; types: "each stream folded
   * over its events with recordedAt <= k (a stream whose first event is later does not exist at k)".
   */
  private wereld(kennisdatum?: Date): Wereld {
    const k = kennisdatum ? kennisdatum.getTime() : Number.POSITIVE_INFINITY;
    const bekend = this.werelden.get(k);
    if (bekend) return bekend;

    const clientStates: Extract<ClientState, { status: 'geregistreerd' }>[] = [];
    const voorzieningen: Extract<VoorzieningState, { status: 'toegekend' }>[] = [];
    const uitkeringen: Extract<UitkeringState, { status: 'toegekend' }>[] = [];
    const aanmeldingStates: Extract<AanmeldingState, { status: 'ontvangen' }>[] = [];
    const bezwaarStates: Extract<BezwaarState, { status: 'ontvangen' }>[] = [];

    for (const stream of this.streams.values()) {
      const events = stream.events.filter((e) => e.recordedAt <= k).map((e) => e.event);
      if (events.length === 0) continue;
      switch (stream.streamType) {
        case 'client': {
          const s = events.reduce((st, e) => clientDecider.evolve(st, e as never), clientDecider.initialState());
          if (s.status === 'geregistreerd') clientStates.push(s);
          break;
        }
        case 'voorziening': {
          const s = events.reduce((st, e) => voorzieningDecider.evolve(st, e as never), voorzieningDecider.initialState());
          if (s.status === 'toegekend') voorzieningen.push(s);
          break;
        }
        case 'uitkering': {
          const s = events.reduce((st, e) => uitkeringDecider.evolve(st, e as never), uitkeringDecider.initialState());
          if (s.status === 'toegekend') uitkeringen.push(s);
          break;
        }
        case 'aanmelding': {
          const s = events.reduce((st, e) => aanmeldingDecider.evolve(st, e as never), aanmeldingDecider.initialState());
          if (s.status === 'ontvangen') aanmeldingStates.push(s);
          break;
        }
        case 'bezwaar': {
          const s = events.reduce((st, e) => bezwaarDecider.evolve(st, e as never), bezwaarDecider.initialState());
          if (s.status === 'ontvangen') bezwaarStates.push(s);
          break;
        }
        // Afwijzingen are besluiten but no items (types); code lists play no part in the figures.
        default:
          break;
      }
    }

    // "Clients (for age, geslacht, huishoudenId) come from ClientGeregistreerd events."
    const clienten = new Map<string, Client>();
    for (const c of clientStates) {
      clienten.set(c.clientId, {
        clientId: c.clientId,
        gemeente: c.gemeente,
        geboortedatum: c.geboortedatum,
        geslacht: c.geslacht,
        huishouden: c.huishoudenId !== undefined ? `${c.gemeente}:${c.huishoudenId}` : `client:${c.clientId}`,
      });
    }
    const clientVan = (clientId: string, wat: string): Client => {
      const c = clienten.get(clientId);
      if (!c) throw new Error(`oracle: ${wat} refers to client ${clientId}, not registered at this kennisdatum`);
      return c;
    };

    const items: Item[] = [];
    // types: "An item, aanmelding or bezwaar whose registration was ingetrokken counts nowhere."
    for (const v of voorzieningen) {
      if (v.ingetrokken) continue;
      const client = clientVan(v.clientId, `voorziening ${v.voorzieningId}`);
      items.push({
        soort: 'voorziening',
        id: v.voorzieningId,
        client,
        // DESIGN §5: "A voorziening or uitkering belongs to the gemeente of its client."
        gemeente: client.gemeente,
        wet: v.wet,
        productcategorie: v.productcategorie,
        leveringsvorm: v.leveringsvorm,
        regeling: null,
        besluitdatum: v.besluitdatum,
        ingangsdatum: v.ingangsdatum,
        einddatum: v.einddatum,
        // types: "a voorziening has none [instroom reden]: `onbekend`".
        instroomreden: 'onbekend',
        // types: "a voorziening's beëindigingsreden, `volgens-plan` when its einddatum was set at
        // toekenning or by correctie without a beëindiging".
        uitstroomreden: v.einddatum === null ? null : (v.beeindigingReden ?? 'volgens-plan'),
        leveringGestartOp: v.leveringGestartOp,
      });
    }
    for (const u of uitkeringen) {
      if (u.ingetrokken) continue;
      const client = clientVan(u.clientId, `uitkering ${u.uitkeringId}`);
      items.push({
        soort: 'uitkering',
        id: u.uitkeringId,
        client,
        gemeente: client.gemeente,
        // DESIGN §5: "An uitkering counts as an item of wet `participatiewet` everywhere."
        wet: 'participatiewet',
        productcategorie: null,
        leveringsvorm: null,
        regeling: u.regeling,
        besluitdatum: u.besluitdatum,
        ingangsdatum: u.ingangsdatum,
        einddatum: u.einddatum,
        instroomreden: u.instroomreden,
        // An uitkering ends only by a beëindiging, which carries its uitstroomreden (never null with an einddatum).
        uitstroomreden: u.einddatum === null ? null : (u.uitstroomreden ?? 'onbekend'),
        leveringGestartOp: null,
      });
    }

    const aanmeldingen: Aanmelding[] = [];
    for (const a of aanmeldingStates) {
      if (a.ingetrokken) continue;
      aanmeldingen.push({
        id: a.aanmeldingId,
        gemeente: clientVan(a.clientId, `aanmelding ${a.aanmeldingId}`).gemeente,
        wet: a.wet,
        ontvangenOp: a.ontvangenOp,
        afgerondOp: a.afronding?.afgerondOp ?? null,
      });
    }

    const bezwaren: Bezwaar[] = [];
    for (const b of bezwaarStates) {
      if (b.ingetrokken) continue;
      bezwaren.push({
        id: b.bezwaarId,
        gemeente: clientVan(b.clientId, `bezwaar ${b.bezwaarId}`).gemeente,
        // types: "`wet` applies to ... bezwaren (the wet of the besluit)".
        wet: b.wet,
        ontvangenOp: b.ontvangenOp,
        onderwerp: b.onderwerp,
        bekendmakingOp: b.bekendmakingOp,
        adviescommissie: b.adviescommissie,
        verdaagd: b.verdaagdOp !== null,
        afgehandeldOp: b.afhandeling?.afgehandeldOp ?? null,
        uitkomst: b.afhandeling?.uitkomst ?? null,
      });
    }

    const w = { items, aanmeldingen, bezwaren };
    this.werelden.set(k, w);
    return w;
  }

  // ---------------------------------------------------------------- filters

  /**
   * DESIGN §5: "Filters, all optional, combinable: gemeente, wet, productcategorie, leveringsvorm,
   * regeling." types: "A filter on an attribute excludes whatever lacks it: `productcategorie` and
   * `leveringsvorm` exclude uitkeringen ..., `regeling` excludes voorzieningen".
   */
  private itemsNa(q: OracleFilters): Item[] {
    return this.wereld(q.kennisdatum).items.filter(
      (i) =>
        (q.gemeente === undefined || q.gemeente.includes(i.gemeente)) &&
        (q.wet === undefined || i.wet === q.wet) &&
        (q.productcategorie === undefined || i.productcategorie === q.productcategorie) &&
        (q.leveringsvorm === undefined || i.leveringsvorm === q.leveringsvorm) &&
        (q.regeling === undefined || i.regeling === q.regeling),
    );
  }

  /** types: "`productcategorie` and `leveringsvorm` exclude ... aanmeldingen, `regeling` excludes ... aanmeldingen". */
  private aanmeldingenNa(q: OracleFilters): Aanmelding[] {
    if (q.productcategorie !== undefined || q.leveringsvorm !== undefined || q.regeling !== undefined) return [];
    return this.wereld(q.kennisdatum).aanmeldingen.filter(
      (a) => (q.gemeente === undefined || q.gemeente.includes(a.gemeente)) && (q.wet === undefined || a.wet === q.wet),
    );
  }

  /** types: "The bezwaren report takes `gemeente` and `wet` only." */
  private bezwarenNa(q: OracleFilters): Bezwaar[] {
    return this.wereld(q.kennisdatum).bezwaren.filter(
      (b) => (q.gemeente === undefined || q.gemeente.includes(b.gemeente)) && (q.wet === undefined || b.wet === q.wet),
    );
  }

  // ---------------------------------------------------------------- definitions

  /**
   * DESIGN §4 Stand: "counted at the *end* of day d: `ingangsdatum <= d` and (`einddatum` is empty
   * or `einddatum > d`)".
   */
  private static inStand(i: Item, d: string): boolean {
    return i.ingangsdatum <= d && (i.einddatum === null || i.einddatum > d);
  }

  /** "Reported as number of voorzieningen, unique clients and unique households". */
  private static standCijfers(items: Item[]): StandCijfers {
    return {
      voorzieningen: items.length,
      clienten: new Set(items.map((i) => i.client.clientId)).size,
      huishoudens: new Set(items.map((i) => i.client.huishouden)).size,
    };
  }

  stand(q: PeildatumQuery): ZonderMeta<StandRapport> {
    const d = q.peildatum;
    const populatie = this.itemsNa(q).filter((i) => Oracle.inStand(i, d));
    const c = Oracle.standCijfers;
    return {
      peildatum: d,
      totaal: c(populatie),
      // "split by gemeente, wet, productcategorie, leveringsvorm (uitkeringen: regeling)"
      perGemeente: rijen(populatie, (i) => ({ gemeente: i.gemeente }), c),
      perWet: rijen(populatie, (i) => ({ wet: i.wet }), c),
      perProductcategorie: rijen(
        populatie,
        (i) => (i.productcategorie === null ? null : { wet: i.wet, productcategorie: i.productcategorie }),
        c,
      ),
      perLeveringsvorm: rijen(populatie, (i) => (i.leveringsvorm === null ? null : { leveringsvorm: i.leveringsvorm }), c),
      perRegeling: rijen(populatie, (i) => (i.regeling === null ? null : { regeling: i.regeling }), c),
      // types: "Age (leeftijdsgroep) is in whole years at the peildatum."
      perLeeftijdsgroep: rijen(populatie, (i) => ({ leeftijdsgroep: leeftijdsgroep(leeftijd(i.client.geboortedatum, d)) }), c),
      perGeslacht: rijen(populatie, (i) => ({ geslacht: i.client.geslacht }), c),
    };
  }

  instroomUitstroom(q: PeriodeQuery): ZonderMeta<InstroomUitstroomRapport> {
    const { van: a, tot: b } = q;
    const voorA = plusDagen(a, -1);
    // DESIGN §4: "Instroom in period [a, b] — `a <= ingangsdatum <= b`."
    const instroom = (i: Item): boolean => a <= i.ingangsdatum && i.ingangsdatum <= b;
    // DESIGN §4: "Uitstroom in period [a, b] — `a <= einddatum <= b`, split by reden."
    const uitstroom = (i: Item): boolean => i.einddatum !== null && a <= i.einddatum && i.einddatum <= b;
    // types: "beginstand is the stand per `van` − 1 day, eindstand the stand per `tot`."
    const cijfers = (items: Item[]): StroomCijfers => ({
      beginstand: items.filter((i) => Oracle.inStand(i, voorA)).length,
      instroom: items.filter(instroom).length,
      uitstroom: items.filter(uitstroom).length,
      eindstand: items.filter((i) => Oracle.inStand(i, b)).length,
    });
    const items = this.itemsNa(q);
    // Rows: "for in/uitstroom: any of the four figures non-zero".
    const relevant = items.filter((i) => Oracle.inStand(i, voorA) || instroom(i) || uitstroom(i) || Oracle.inStand(i, b));

    const instroomPerReden: Record<string, number> = {};
    const uitstroomPerReden: Record<string, number> = {};
    for (const i of items) {
      if (instroom(i)) optellen(instroomPerReden, i.instroomreden);
      if (uitstroom(i)) optellen(uitstroomPerReden, i.uitstroomreden!);
    }
    return {
      van: a,
      tot: b,
      totaal: { ...cijfers(items), instroomPerReden, uitstroomPerReden },
      perGemeente: rijen(relevant, (i) => ({ gemeente: i.gemeente }), cijfers),
      perWet: rijen(relevant, (i) => ({ wet: i.wet }), cijfers),
      perProductcategorie: rijen(
        relevant,
        (i) => (i.productcategorie === null ? null : { wet: i.wet, productcategorie: i.productcategorie }),
        cijfers,
      ),
      perLeveringsvorm: rijen(relevant, (i) => (i.leveringsvorm === null ? null : { leveringsvorm: i.leveringsvorm }), cijfers),
      perRegeling: rijen(relevant, (i) => (i.regeling === null ? null : { regeling: i.regeling }), cijfers),
    };
  }

  wachtlijst(q: WachtlijstQuery): ZonderMeta<WachtlijstRapport> {
    const d = q.peildatum;
    const normen = { ...STANDAARD_NORMEN, ...(q.normen ?? {}) };
    // DESIGN §4 Wachtlijst (1): "aanmeldingen with `ontvangenOp <= d` and not afgerond by the end of d".
    const wachtend = this.aanmeldingenNa(q).filter((a) => a.ontvangenOp <= d && (a.afgerondOp === null || a.afgerondOp > d));
    // "with wachttijd `d - ontvangenOp` in days"
    const wachttijd = (a: Aanmelding): number => dagnummer(d) - dagnummer(a.ontvangenOp);
    // "(2) toegekende voorzieningen with besluit on or before d whose levering has not started by the
    // end of d and that have not ended" (ended as in the stand: einddatum <= d).
    // types: "Wachtlijst part 2 (nietGestart) counts voorzieningen only".
    const nietGestart = this.itemsNa(q).filter(
      (i) =>
        i.soort === 'voorziening' &&
        i.besluitdatum <= d &&
        (i.leveringGestartOp === null || i.leveringGestartOp > d) &&
        (i.einddatum === null || i.einddatum > d),
    );

    type Lid = { aanmelding: Aanmelding } | { voorziening: Item };
    const leden: Lid[] = [...wachtend.map((a) => ({ aanmelding: a })), ...nietGestart.map((v) => ({ voorziening: v }))];
    const cijfers = (groep: Lid[]): WachtlijstCijfers => {
      const am = groep.flatMap((l) => ('aanmelding' in l ? [l.aanmelding] : []));
      return {
        aanmeldingen: am.length,
        // "the number whose wachttijd is strictly greater than the norm" of their wet
        aanmeldingenBovenNorm: am.filter((a) => wachttijd(a) > normen[a.wet]).length,
        nietGestart: groep.filter((l) => 'voorziening' in l).length,
      };
    };
    const gemeenteVan = (l: Lid): string => ('aanmelding' in l ? l.aanmelding.gemeente : l.voorziening.gemeente);
    const wetVan = (l: Lid): string => ('aanmelding' in l ? l.aanmelding.wet : l.voorziening.wet);

    const verdeling: Record<string, number> = {};
    for (const a of wachtend) optellen(verdeling, wachttijdKlasse(wachttijd(a)));
    return {
      peildatum: d,
      normen,
      totaal: cijfers(leden),
      perGemeente: rijen(leden, (l) => ({ gemeente: gemeenteVan(l) }), cijfers),
      perWet: rijen(leden, (l) => ({ wet: wetVan(l) }), cijfers),
      // Read as a distribution over the fixed classes (like stapeling's): all six, in class order.
      wachttijdVerdeling: WACHTTIJD_KLASSEN.map((klasse) => ({ klasse, aanmeldingen: verdeling[klasse] ?? 0 })),
    };
  }

  stapeling(q: StapelingQuery): ZonderMeta<StapelingRapport> {
    // DESIGN §4 Stapeling: "over all voorzieningen and uitkeringen in the stand per d", or over a
    // period [a, b]: "every item active on at least one day of the period, `ingangsdatum <= b` and
    // (`einddatum` empty or `einddatum >= a`)".
    const actief =
      'peildatum' in q
        ? (i: Item) => Oracle.inStand(i, q.peildatum)
        : (i: Item) => i.ingangsdatum <= q.tot && (i.einddatum === null || i.einddatum >= q.van);
    const populatie = this.itemsNa(q).filter(actief);

    const cijfers = (items: Item[]): StapelingCijfers => {
      // "per client and per household, the number of items and the set of wetten"
      const perClient = new Map<string, { aantal: number; wetten: Set<string> }>();
      const perHuishouden = new Map<string, number>();
      for (const i of items) {
        let c = perClient.get(i.client.clientId);
        if (!c) perClient.set(i.client.clientId, (c = { aantal: 0, wetten: new Set() }));
        c.aantal++;
        c.wetten.add(i.wet);
        perHuishouden.set(i.client.huishouden, (perHuishouden.get(i.client.huishouden) ?? 0) + 1);
      }
      // "reported as a distribution (1, 2, 3, 4, 5, 6+ items)"; types: "always hold all six classes".
      const clienten: Record<string, number> = Object.fromEntries(STAPEL_KLASSEN.map((k) => [k, 0]));
      const huishoudens: Record<string, number> = Object.fromEntries(STAPEL_KLASSEN.map((k) => [k, 0]));
      // "as counts per combination of wetten": sorted wetten joined by `+` → number of clients.
      const combinaties: Record<string, number> = {};
      for (const c of perClient.values()) {
        optellen(clienten, stapelKlasse(c.aantal));
        optellen(combinaties, [...c.wetten].sort(vergelijk).join('+'));
      }
      for (const aantal of perHuishouden.values()) optellen(huishoudens, stapelKlasse(aantal));
      return { clienten, huishoudens, combinaties };
    };

    const jaar = Number(('peildatum' in q ? q.peildatum : q.tot).slice(0, 4));
    const perGemeente: StapelingGemeente[] = rijen(
      populatie,
      (i) => ({ gemeente: i.gemeente }),
      (items) => {
        const rij: StapelingCijfers & Partial<StapelingGemeente> = cijfers(items);
        // "and per 1,000 inwoners / huishoudens where population figures for that gemeente and year are loaded"
        const bev = q.bevolking?.find((b) => b.gemeente === items[0].gemeente && b.jaar === jaar);
        if (bev) {
          const nClienten = new Set(items.map((i) => i.client.clientId)).size;
          const nHuishoudens = new Set(items.map((i) => i.client.huishouden)).size;
          rij.bevolking = { jaar: bev.jaar, inwoners: bev.inwoners, huishoudens: bev.huishoudens };
          rij.clientenPer1000Inwoners = bev.inwoners > 0 ? eenDecimaal(nClienten * 1000, bev.inwoners) : null;
          rij.huishoudensPer1000Huishoudens = bev.huishoudens > 0 ? eenDecimaal(nHuishoudens * 1000, bev.huishoudens) : null;
        }
        return rij;
      },
    );

    return {
      ...('peildatum' in q ? { peildatum: q.peildatum } : { van: q.van, tot: q.tot }),
      totaal: cijfers(populatie),
      perGemeente,
    };
  }

  bezwaren(q: PeriodeQuery): ZonderMeta<BezwarenRapport> {
    const { van: a, tot: b } = q;
    const inPeriode = (datum: string | null): boolean => datum !== null && a <= datum && datum <= b;
    /**
     * DESIGN §4 Bezwaren: "afgehandeld within the Awb term (art. 7:10 Awb): 6 weeks, or 12 with an
     * adviescommissie, counted from the day after the bezwaartermijn ends (6 weeks after bekendmaking
     * of the besluit), plus 6 weeks when verdaagd". Computed here from the bekendmaking, not taken
     * from the event.
     */
    const laatsteDag = (bz: Bezwaar): string => {
      const eindeBezwaartermijn = plusDagen(bz.bekendmakingOp, 6 * 7);
      const weken = (bz.adviescommissie ? 12 : 6) + (bz.verdaagd ? 6 : 0);
      return plusDagen(eindeBezwaartermijn, weken * 7);
    };
    const cijfers = (groep: Bezwaar[]): BezwarenCijfers => {
      // types: "Bezwaren with ontvangenOp in the period"; "with afgehandeldOp in the period".
      const ontvangen = groep.filter((bz) => inPeriode(bz.ontvangenOp));
      const afgehandeld = groep.filter((bz) => inPeriode(bz.afgehandeldOp));
      const perUitkomst: Record<string, number> = {};
      const perOnderwerp: Record<string, number> = {};
      for (const bz of afgehandeld) optellen(perUitkomst, bz.uitkomst!);
      for (const bz of ontvangen) optellen(perOnderwerp, bz.onderwerp);
      return {
        ontvangen: ontvangen.length,
        afgehandeld: afgehandeld.length,
        perUitkomst,
        perOnderwerp,
        // "Of the afgehandelde: afgehandeld on or before the last day of the Awb beslistermijn."
        binnenTermijn: afgehandeld.filter((bz) => bz.afgehandeldOp! <= laatsteDag(bz)).length,
      };
    };
    const alle = this.bezwarenNa(q);
    const relevant = alle.filter((bz) => inPeriode(bz.ontvangenOp) || inPeriode(bz.afgehandeldOp));
    return {
      van: a,
      tot: b,
      totaal: cijfers(alle),
      perGemeente: rijen(relevant, (bz) => ({ gemeente: bz.gemeente }), cijfers),
    };
  }
}
