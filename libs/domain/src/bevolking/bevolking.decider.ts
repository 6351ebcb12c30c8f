import type { BevolkingEvent, BevolkingVastgesteldV1 } from '@sd/contracts';
import type { Decider } from '../decider.js';

/** `beheer` loads the population of a gemeente for a year, for the per-1,000 figures. */
export interface StelBevolkingVast extends BevolkingVastgesteldV1 {
  type: 'StelBevolkingVast';
}

export interface BevolkingState {
  perJaar: Record<number, BevolkingVastgesteldV1>;
}

export const bevolkingStreamId = (gemeente: string): string => `bevolking-${gemeente}`;

export const bevolkingDecider: Decider<StelBevolkingVast, BevolkingState, BevolkingEvent> = {
  initialState: () => ({ perJaar: {} }),
  decide(command, state) {
    const { type: _type, ...data } = command;
    const huidig = state.perJaar[data.jaar];
    // The same figures again change nothing, so a repeated PUT appends nothing.
    if (huidig && huidig.inwoners === data.inwoners && huidig.huishoudens === data.huishoudens) return [];
    return [{ type: 'BevolkingVastgesteld', data }];
  },
  evolve(state, event) {
    return { perJaar: { ...state.perJaar, [event.data.jaar]: event.data } };
  },
};
