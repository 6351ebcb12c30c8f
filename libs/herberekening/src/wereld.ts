import { type DomainEvent, VERGETEN } from '@sd/contracts';
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
import type { Bevolking } from './vraag.js';

/*
 * The world as known at a kennisdatum k: every stream folded with its own domain decider over its
 * events recorded at or before k, then flattened into the plain records the definitions loop over.
 */

export interface Client {
  clientId: string;
  gemeente: string;
  /** Null when the input hid it (an auditor's export). */
  geboortedatum: string | null;
  geslacht: string;
  /** types: "A household is `<gemeente>:<huishoudenId>` of the client, or the client alone without one." */
  huishouden: string;
}

/** A voorziening (wet wmo or jeugdwet) or an uitkering (wet participatiewet), as it stands at k. */
export interface Item {
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

export interface Aanmelding {
  id: string;
  gemeente: string;
  wet: string;
  ontvangenOp: string;
  afgerondOp: string | null;
}

export interface Bezwaar {
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

export interface Wereld {
  items: Item[];
  aanmeldingen: Aanmelding[];
  bezwaren: Bezwaar[];
  bevolking: Bevolking[];
}

export interface Stream {
  streamType: string;
  /** In stream order, decoded to the current schema version; `verborgen`: the fields the input hid. */
  events: { recordedAt: number; event: DomainEvent; verborgen: readonly string[] }[];
}

const fold = <S>(d: { evolve(s: S, e: never): S; initialState(): S }, events: DomainEvent[]): S =>
  events.reduce((st, e) => d.evolve(st, e as never), d.initialState());

/** DESIGN §4 Kennisdatum: "only events recorded at or before k count". */
export function wereldOp(streams: Iterable<Stream>, k: number): Wereld {
  const clientStates: { s: Exclude<ClientState, { status: 'onbekend' }>; geboortedatumVerborgen: boolean }[] = [];
  const voorzieningen: Extract<VoorzieningState, { status: 'toegekend' }>[] = [];
  const uitkeringen: Extract<UitkeringState, { status: 'toegekend' }>[] = [];
  const aanmeldingStates: Extract<AanmeldingState, { status: 'ontvangen' }>[] = [];
  const bezwaarStates: Extract<BezwaarState, { status: 'ontvangen' }>[] = [];
  const bevolking = new Map<string, Bevolking>();

  for (const stream of streams) {
    const bekend = stream.events.filter((e) => e.recordedAt <= k);
    const events = bekend.map((e) => e.event);
    if (events.length === 0) continue;
    switch (stream.streamType) {
      case 'client': {
        const s = fold(clientDecider, events);
        const geboortedatumVerborgen = bekend.some((e) => e.verborgen.includes('geboortedatum'));
        if (s.status !== 'onbekend') clientStates.push({ s, geboortedatumVerborgen });
        break;
      }
      case 'voorziening': {
        const s = fold(voorzieningDecider, events);
        if (s.status === 'toegekend') voorzieningen.push(s);
        break;
      }
      case 'uitkering': {
        const s = fold(uitkeringDecider, events);
        if (s.status === 'toegekend') uitkeringen.push(s);
        break;
      }
      case 'aanmelding': {
        const s = fold(aanmeldingDecider, events);
        if (s.status === 'ontvangen') aanmeldingStates.push(s);
        break;
      }
      case 'bezwaar': {
        const s = fold(bezwaarDecider, events);
        if (s.status === 'ontvangen') bezwaarStates.push(s);
        break;
      }
      case 'bevolking':
        // "a later figure for a year replaces the earlier"
        for (const e of events) {
          const b = e.data as Bevolking;
          bevolking.set(`${b.gemeente}:${b.jaar}`, {
            gemeente: b.gemeente,
            jaar: b.jaar,
            inwoners: b.inwoners,
            huishoudens: b.huishoudens,
          });
        }
        break;
      // Afwijzingen are besluiten but no items (types); code lists play no part in the figures.
      default:
        break;
    }
  }

  // "Clients (for age, geslacht, huishoudenId) come from ClientGeregistreerd events."
  const clienten = new Map<string, Client>();
  // A forgotten client (its fields read [vergeten], or ClientVergeten folded) keeps counting: geslacht
  // and age `onbekend`, a household of one.
  for (const { s: c, geboortedatumVerborgen } of clientStates) {
    const bekend = c.status === 'geregistreerd' ? c : undefined;
    const geboortedatum = bekend && !geboortedatumVerborgen && bekend.geboortedatum !== VERGETEN ? bekend.geboortedatum : null;
    const huishoudenId = bekend?.huishoudenId !== VERGETEN ? bekend?.huishoudenId : undefined;
    clienten.set(c.clientId, {
      clientId: c.clientId,
      gemeente: c.gemeente,
      geboortedatum,
      geslacht: bekend && (bekend.geslacht as string) !== VERGETEN ? bekend.geslacht : 'onbekend',
      huishouden: huishoudenId !== undefined ? `${c.gemeente}:${huishoudenId}` : `client:${c.clientId}`,
    });
  }
  const clientVan = (clientId: string, wat: string): Client => {
    const c = clienten.get(clientId);
    if (!c) throw new Error(`herberekening: ${wat} refers to client ${clientId}, not registered at this kennisdatum`);
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

  return { items, aanmeldingen, bezwaren, bevolking: [...bevolking.values()] };
}
