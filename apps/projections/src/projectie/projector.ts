import { createHash } from 'node:crypto';
import { decodeEvent, type DomainEvent, VERGETEN } from '@sd/contracts';
import {
  type AanmeldingState,
  aanmeldingDecider,
  type BezwaarState,
  bezwaarDecider,
  type UitkeringState,
  uitkeringDecider,
  type VoorzieningState,
  voorzieningDecider,
} from '@sd/domain';
import type { RecordedEvent } from '@sd/event-store';

/*
 * The projection as a pure function of a batch of events and the current state of the streams
 * they touch: it yields the new versions (rows) of each read model and which current rows they
 * close. The daemon does the I/O. Item state comes from the domain's own `evolve`, so the read
 * model can never disagree with the deciders about what a voorziening is.
 */

export interface ItemRij {
  item_id: string;
  soort: 'voorziening' | 'uitkering';
  gemeente: string;
  client_id: string;
  huishouden: string;
  wet: string;
  productcategorie: string | null;
  leveringsvorm: string | null;
  regeling: string | null;
  besluitdatum: string;
  ingangsdatum: string;
  einddatum: string | null;
  levering_start: string | null;
  instroomreden: string | null;
  uitstroomreden: string | null;
  ingetrokken: boolean;
  /** The client's, for the stand's breakdowns: set by the ReadModelWriter from rm_client. */
  geslacht: string | null;
  geboortedatum: string | null;
}

export interface AanmeldingRij {
  aanmelding_id: string;
  gemeente: string;
  client_id: string;
  wet: string;
  ontvangen_op: string;
  afgerond_op: string | null;
  ingetrokken: boolean;
}

export interface BezwaarRij {
  bezwaar_id: string;
  gemeente: string;
  wet: string;
  onderwerp: string;
  ontvangen_op: string;
  afgehandeld_op: string | null;
  uitkomst: string | null;
  uiterlijke_beslisdatum: string;
  ingetrokken: boolean;
}

export interface ClientRij {
  client_id: string;
  gemeente: string;
  geslacht: string;
  /** Null once the client is forgotten. */
  geboortedatum: string | null;
  huishouden_id: string | null;
  known_from: Date;
}

export interface BevolkingRij {
  gemeente: string;
  jaar: number;
  inwoners: number;
  huishoudens: number;
}

/** One version of a row: valid from the event that made it, until the next one (or open). */
export interface Versie<Rij> {
  rij: Rij;
  state: object;
  knownFrom: Date;
  knownTo: Date | null;
  positie: number;
}

export type Tabel = 'rm_item' | 'rm_aanmelding' | 'rm_bezwaar';

type Soort = {
  tabel: Tabel;
  decider: { evolve(s: never, e: never): unknown; initialState(): unknown };
  rij(state: never): ItemRij | AanmeldingRij | BezwaarRij;
};

/**
 * A household as a uuid, so that reports count distinct households as fast as distinct clients: the
 * client's own id when it has no huishoudenId (a household of one), else the md5 of
 * `<gemeente>:<huishoudenId>` read as a uuid (what PostgreSQL's `md5(text)::uuid` gives).
 */
export const huishoudenSleutel = (gemeente: string, clientId: string, huishoudenId?: string) => {
  if (!huishoudenId || huishoudenId === VERGETEN) return clientId; // a forgotten household is the client's own
  const h = createHash('md5').update(`${gemeente}:${huishoudenId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const voorzieningRij = (s: Exclude<VoorzieningState, { status: 'onbekend' }>): ItemRij => ({
  item_id: s.voorzieningId,
  soort: 'voorziening',
  gemeente: s.gemeente,
  client_id: s.clientId,
  huishouden: huishoudenSleutel(s.gemeente, s.clientId, s.huishoudenId),
  wet: s.wet,
  productcategorie: s.productcategorie,
  leveringsvorm: s.leveringsvorm,
  regeling: null,
  besluitdatum: s.besluitdatum,
  ingangsdatum: s.ingangsdatum,
  einddatum: s.einddatum,
  levering_start: s.leveringGestartOp,
  instroomreden: null,
  // An einddatum set at toekenning or by correctie, without a beëindiging, ends as planned.
  uitstroomreden: s.beeindigingReden ?? (s.einddatum ? 'volgens-plan' : null),
  ingetrokken: s.ingetrokken,
  geslacht: null,
  geboortedatum: null,
});

const uitkeringRij = (s: Exclude<UitkeringState, { status: 'onbekend' }>): ItemRij => ({
  item_id: s.uitkeringId,
  soort: 'uitkering',
  gemeente: s.gemeente,
  client_id: s.clientId,
  huishouden: huishoudenSleutel(s.gemeente, s.clientId, s.huishoudenId),
  wet: 'participatiewet',
  productcategorie: null,
  leveringsvorm: null,
  regeling: s.regeling,
  besluitdatum: s.besluitdatum,
  ingangsdatum: s.ingangsdatum,
  einddatum: s.einddatum,
  levering_start: null,
  instroomreden: s.instroomreden,
  uitstroomreden: s.einddatum ? (s.uitstroomreden ?? 'overig') : null,
  ingetrokken: s.ingetrokken,
  geslacht: null,
  geboortedatum: null,
});

const aanmeldingRij = (s: Exclude<AanmeldingState, { status: 'onbekend' }>): AanmeldingRij => ({
  aanmelding_id: s.aanmeldingId,
  gemeente: s.gemeente,
  client_id: s.clientId,
  wet: s.wet,
  ontvangen_op: s.ontvangenOp,
  afgerond_op: s.afronding?.afgerondOp ?? null,
  ingetrokken: s.ingetrokken,
});

const bezwaarRij = (s: Exclude<BezwaarState, { status: 'onbekend' }>): BezwaarRij => ({
  bezwaar_id: s.bezwaarId,
  gemeente: s.gemeente,
  wet: s.wet,
  onderwerp: s.onderwerp,
  ontvangen_op: s.ontvangenOp,
  afgehandeld_op: s.afhandeling?.afgehandeldOp ?? null,
  uitkomst: s.afhandeling?.uitkomst ?? null,
  uiterlijke_beslisdatum: s.uiterlijkeBeslisdatum,
  ingetrokken: s.ingetrokken,
});

/** The stream types with versioned read models, and how a state becomes a row. */
export const SOORTEN: Record<string, Soort> = {
  voorziening: { tabel: 'rm_item', decider: voorzieningDecider, rij: voorzieningRij },
  uitkering: { tabel: 'rm_item', decider: uitkeringDecider, rij: uitkeringRij },
  aanmelding: { tabel: 'rm_aanmelding', decider: aanmeldingDecider, rij: aanmeldingRij },
  bezwaar: { tabel: 'rm_bezwaar', decider: bezwaarDecider, rij: bezwaarRij },
};

/** The id column of each versioned table; the stream id is `<type>-<id>`. */
export const ID_KOLOM: Record<Tabel, string> = { rm_item: 'item_id', rm_aanmelding: 'aanmelding_id', rm_bezwaar: 'bezwaar_id' };

export interface Projectie {
  versies: Record<Tabel, Versie<ItemRij | AanmeldingRij | BezwaarRij>[]>;
  /** Current rows (from before this batch) that a new version closes, with the moment they stop. */
  gesloten: Record<Tabel, { id: string; knownTo: Date }[]>;
  clienten: ClientRij[];
  bevolking: Versie<BevolkingRij>[];
  /** Population rows (gemeente, jaar) from before this batch that a new figure closes. */
  bevolkingGesloten: { gemeente: string; jaar: number; knownTo: Date }[];
  /** Clients forgotten in this batch: their rows lose every personal attribute, in every version. */
  vergeten: string[];
}

/**
 * Projects a batch. `huidig` holds the current state (from the read model) of every versioned
 * stream the batch touches that existed before it; streams absent from it are new.
 */
export function projecteer(batch: RecordedEvent[], huidig: Map<string, object>): Projectie {
  const out: Projectie = {
    versies: { rm_item: [], rm_aanmelding: [], rm_bezwaar: [] },
    gesloten: { rm_item: [], rm_aanmelding: [], rm_bezwaar: [] },
    clienten: [],
    bevolking: [],
    bevolkingGesloten: [],
    vergeten: [],
  };
  const states = new Map<string, unknown>(huidig);
  const laatste = new Map<string, Versie<object>>();
  const bevolkingLaatste = new Map<string, Versie<BevolkingRij>>();

  for (const recorded of batch) {
    const soort = SOORTEN[recorded.streamType];
    const event = decodeEvent(recorded) as DomainEvent & { data: Record<string, unknown> };
    if (soort) {
      const vorig = laatste.get(recorded.streamId);
      const state = soort.decider.evolve(
        (states.get(recorded.streamId) ?? soort.decider.initialState()) as never,
        event as never,
      ) as object;
      states.set(recorded.streamId, state);
      if (vorig) vorig.knownTo = recorded.recordedAt;
      else if (huidig.has(recorded.streamId)) {
        out.gesloten[soort.tabel].push({ id: idVan(recorded.streamId), knownTo: recorded.recordedAt });
      }
      const versie: Versie<ItemRij | AanmeldingRij | BezwaarRij> = {
        rij: soort.rij(state as never),
        state,
        knownFrom: recorded.recordedAt,
        knownTo: null,
        positie: recorded.globalPosition,
      };
      out.versies[soort.tabel].push(versie);
      laatste.set(recorded.streamId, versie);
    } else if (event.type === 'ClientGeregistreerd') {
      const d = event.data as { clientId: string; gemeente: string; geslacht: string; geboortedatum: string; huishoudenId?: string };
      // A forgotten client's fields read [vergeten]: counted under geslacht and age `onbekend`, a household of one.
      out.clienten.push({
        client_id: d.clientId,
        gemeente: d.gemeente,
        geslacht: d.geslacht === VERGETEN ? 'onbekend' : d.geslacht,
        geboortedatum: d.geboortedatum === VERGETEN ? null : d.geboortedatum,
        huishouden_id: d.huishoudenId === VERGETEN ? null : (d.huishoudenId ?? null),
        known_from: recorded.recordedAt,
      });
    } else if (event.type === 'ClientVergeten') {
      out.vergeten.push((event.data as { clientId: string }).clientId);
    } else if (event.type === 'BevolkingVastgesteld') {
      const d = event.data as unknown as BevolkingRij;
      const sleutel = `${d.gemeente}:${d.jaar}`;
      const vorig = bevolkingLaatste.get(sleutel);
      if (vorig) vorig.knownTo = recorded.recordedAt;
      else out.bevolkingGesloten.push({ gemeente: d.gemeente, jaar: d.jaar, knownTo: recorded.recordedAt });
      const versie = {
        rij: { gemeente: d.gemeente, jaar: d.jaar, inwoners: d.inwoners, huishoudens: d.huishoudens },
        state: {},
        knownFrom: recorded.recordedAt,
        knownTo: null,
        positie: recorded.globalPosition,
      };
      out.bevolking.push(versie);
      bevolkingLaatste.set(sleutel, versie);
    }
  }
  return out;
}

const idVan = (streamId: string) => streamId.slice(streamId.indexOf('-') + 1);

/** The versioned streams of a batch, grouped by table, that the daemon must load the state of. */
export function teLaden(batch: RecordedEvent[]): Record<Tabel, string[]> {
  const ids: Record<Tabel, Set<string>> = { rm_item: new Set(), rm_aanmelding: new Set(), rm_bezwaar: new Set() };
  for (const e of batch) {
    const soort = SOORTEN[e.streamType];
    // A stream's first event in this batch at version 1 is new: nothing to load.
    if (soort && e.streamVersion > 1) ids[soort.tabel].add(idVan(e.streamId));
  }
  return { rm_item: [...ids.rm_item], rm_aanmelding: [...ids.rm_aanmelding], rm_bezwaar: [...ids.rm_bezwaar] };
}

export const streamIdVoor = (tabel: Tabel, soort: string, id: string) => `${tabel === 'rm_item' ? soort : tabel.slice(3)}-${id}`;
