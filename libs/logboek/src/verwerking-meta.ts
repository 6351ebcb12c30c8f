import type { Betrokkene } from './verwerking.js';
import type { ActiviteitId } from './verwerkingsactiviteiten.js';

export const VERWERKING_KEY = 'sd:verwerking';

/** What a resolver sees of the request: its path parameters and its (validated) body. */
export interface VerwerkingVerzoek {
  params: Record<string, string>;
  body: unknown;
}

/** The subject itself, or the stream whose first event names it (its clientId and gemeente). */
export type BetrokkeneBron = Betrokkene | { stream: string } | undefined;

/**
 * Who the processing was about, from the request and the handler's answer (undefined when the
 * handler threw). Nothing here may read a body field that holds personal data into the record.
 */
export type BetrokkeneResolver = (verzoek: VerwerkingVerzoek, antwoord: unknown) => BetrokkeneBron;

export interface VerwerkingMeta {
  activiteit: ActiviteitId;
  betrokkene: BetrokkeneResolver;
}
