import type { RegioEvent, RegioVastgesteldV1 } from '@sd/contracts';
import type { Decider } from '../decider.js';

/** `beheer` names a set of gemeenten that report together (BMWE, the Drechtsteden). */
export interface StelRegioVast extends RegioVastgesteldV1 {
  type: 'StelRegioVast';
}

export type RegioState = RegioVastgesteldV1 | null;

export const regioStreamId = (code: string): string => `regio-${code}`;

export const regioDecider: Decider<StelRegioVast, RegioState, RegioEvent> = {
  initialState: () => null,
  decide(command, state) {
    const data = { code: command.code, naam: command.naam, gemeenten: [...new Set(command.gemeenten)].sort() };
    // The same definition again changes nothing, so a repeated PUT appends nothing.
    if (state && state.naam === data.naam && state.gemeenten.join() === data.gemeenten.join()) return [];
    return [{ type: 'RegioVastgesteld', data }];
  },
  evolve(_state, event) {
    return event.data;
  },
};
