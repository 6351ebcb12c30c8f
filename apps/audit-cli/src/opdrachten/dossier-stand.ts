import { decodeEvent, type DomainEvent, persoonlijkeVeldenVan, VERGETEN } from '@sd/contracts';
import {
  aanmeldingDecider,
  afwijzingDecider,
  bevolkingDecider,
  bezwaarDecider,
  clientDecider,
  codelijstDecider,
  regioDecider,
  uitkeringDecider,
  voorzieningDecider,
} from '@sd/domain';

/*
 * A stream folded event by event with the domain's own evolve, as the command side folds it: the
 * state after each event. What an auditor reads holds no personal data: each field the event
 * contracts call hidden (BSN, geboortedatum, free text) shows as `[afgeschermd]`, in the events
 * and in the states; a forgotten client's fields stay `[vergeten]`, which says more.
 */

export const AFGESCHERMD = '[afgeschermd]';

interface Evolver {
  initialState(): unknown;
  evolve(state: unknown, event: DomainEvent): unknown;
}

const DECIDERS: Record<string, Evolver> = {
  client: clientDecider,
  aanmelding: aanmeldingDecider,
  voorziening: voorzieningDecider,
  uitkering: uitkeringDecider,
  afwijzing: afwijzingDecider,
  bezwaar: bezwaarDecider,
  codelijst: codelijstDecider,
  bevolking: bevolkingDecider,
  regio: regioDecider,
};

export interface StreamEvent {
  type: string;
  schemaVersie: number;
  data: Record<string, unknown>;
}

/** The hidden fields as the API shows them already shielded get a value of the right form, only to pass the schema check. */
const VORMVAST: Record<string, unknown> = { bsn: '000000000', geboortedatum: '1900-01-01', reden: '-' };

function afschermen(waarde: unknown, velden: Set<string>): unknown {
  if (Array.isArray(waarde)) return waarde.map((w) => afschermen(w, velden));
  if (waarde === null || typeof waarde !== 'object' || waarde instanceof Date) return waarde;
  return Object.fromEntries(
    Object.entries(waarde).map(([k, v]) => [k, v === VERGETEN ? v : velden.has(k) ? AFGESCHERMD : afschermen(v, velden)]),
  );
}

export interface Stap {
  data: Record<string, unknown>;
  /** The state after this event; null when the stream type has no decider. */
  standNa: unknown;
  /** Set when the stored data did not pass its schema: folded as stored, not upcast. */
  opmerking?: string;
}

/** Each event's shielded data and the state after it. */
export function volg(streamType: string, events: StreamEvent[]): Stap[] {
  const verborgen = new Set<string>(['bsn']);
  for (const e of events) persoonlijkeVeldenVan(e.type).verborgen.forEach((v) => verborgen.add(v));
  const decider = DECIDERS[streamType];
  let stand = decider?.initialState();
  return events.map((e) => {
    const data = Object.fromEntries(Object.entries(e.data).map(([k, v]) => [k, v === AFGESCHERMD && k in VORMVAST ? VORMVAST[k] : v]));
    let event: DomainEvent;
    let opmerking: string | undefined;
    try {
      event = decodeEvent({ type: e.type, schemaVersion: e.schemaVersie, data });
    } catch {
      event = { type: e.type, data };
      opmerking = 'past niet bij zijn schema; gevolgd zoals opgeslagen';
    }
    if (decider) stand = decider.evolve(stand, event);
    return {
      data: afschermen(e.data, verborgen) as Record<string, unknown>,
      standNa: decider ? afschermen(stand, verborgen) : null,
      ...(opmerking ? { opmerking } : {}),
    };
  });
}
