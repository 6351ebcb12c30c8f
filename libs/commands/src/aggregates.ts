import {
  AANMELDING_STREAM,
  AFWIJZING_STREAM,
  BEVOLKING_STREAM,
  BEZWAAR_STREAM,
  CLIENT_STREAM,
  CODELIJST_STREAM,
  type DomainEvent,
  REGIO_STREAM,
  UITKERING_STREAM,
  VOORZIENING_STREAM,
} from '@sd/contracts';
// In the order of the bindings below.
import {
  clientDecider,
  clientStreamId,
  aanmeldingDecider,
  aanmeldingStreamId,
  voorzieningDecider,
  voorzieningStreamId,
  uitkeringDecider,
  uitkeringStreamId,
  afwijzingDecider,
  afwijzingStreamId,
  bezwaarDecider,
  bezwaarStreamId,
  codelijstDecider,
  codelijstStreamId,
  bevolkingDecider,
  bevolkingStreamId,
  regioDecider,
  regioStreamId,
  type Decider,
} from '@sd/domain';

/**
 * One aggregate: its stream type (stored with every event), how its id becomes a stream id, and
 * its decider. Bound once here, so no controller or service pairs them itself.
 */
export interface Aggregate<C, S, E extends DomainEvent> {
  streamType: string;
  streamId(id: string): string;
  decider: Decider<C, S, E>;
  /** How a message names one (`Voorziening 3f… bestaat niet.`). */
  naam: string;
}

const aggregate = <C, S, E extends DomainEvent>(
  streamType: string,
  streamId: (id: string) => string,
  decider: Decider<C, S, E>,
  naam: string,
): Aggregate<C, S, E> => ({ streamType, streamId, decider, naam });

export const CLIENT = aggregate(CLIENT_STREAM, clientStreamId, clientDecider, 'Cliënt');
export const AANMELDING = aggregate(AANMELDING_STREAM, aanmeldingStreamId, aanmeldingDecider, 'Aanmelding');
export const VOORZIENING = aggregate(VOORZIENING_STREAM, voorzieningStreamId, voorzieningDecider, 'Voorziening');
export const UITKERING = aggregate(UITKERING_STREAM, uitkeringStreamId, uitkeringDecider, 'Uitkering');
export const AFWIJZING = aggregate(AFWIJZING_STREAM, afwijzingStreamId, afwijzingDecider, 'Afwijzing');
export const BEZWAAR = aggregate(BEZWAAR_STREAM, bezwaarStreamId, bezwaarDecider, 'Bezwaar');
/** Keyed by gemeente: a gemeente's own productcategorieën. */
export const CODELIJST = aggregate(CODELIJST_STREAM, codelijstStreamId, codelijstDecider, 'Codelijst');
/** Keyed by gemeente: its population per year. */
export const BEVOLKING = aggregate(BEVOLKING_STREAM, bevolkingStreamId, bevolkingDecider, 'Bevolking');
/** Keyed by code: the gemeenten of a regio (its stream lives under the first gemeente it named). */
export const REGIO = aggregate(REGIO_STREAM, regioStreamId, regioDecider, 'Regio');
