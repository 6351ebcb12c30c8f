import type { CodelijstEvent, ProductcategorieToegevoegdV1 } from '@sd/contracts';
import { Conflict, type Decider, RegelOvertreding } from '../decider.js';
import { JEUGDWET_PRODUCTCATEGORIEEN, WMO_PRODUCTCATEGORIEEN } from '../productcategorieen.js';

/** `beheer` adds a gemeente's own productcategorie next to the landelijke iWmo / iJw codes. */
export interface VoegProductcategorieToe {
  type: 'VoegProductcategorieToe';
  gemeente: string;
  wet: 'wmo' | 'jeugdwet';
  code: string;
  naam: string;
}

export type CodelijstCommand = VoegProductcategorieToe;
export interface CodelijstState {
  codes: ProductcategorieToegevoegdV1[];
}

export const codelijstStreamId = (gemeente: string): string => `codelijst-${gemeente}`;

export const codelijstDecider: Decider<CodelijstCommand, CodelijstState, CodelijstEvent> = {
  initialState: () => ({ codes: [] }),

  decide(command, state) {
    const { type: _type, ...data } = command;
    if (Object.hasOwn(WMO_PRODUCTCATEGORIEEN, data.code) || Object.hasOwn(JEUGDWET_PRODUCTCATEGORIEEN, data.code)) {
      throw new RegelOvertreding({ field: 'code', message: `code ${data.code} is een landelijke productcategorie` });
    }
    if (state.codes.some((c) => c.code === data.code)) {
      throw new Conflict(`Productcategorie ${data.code} bestaat al in deze gemeente.`);
    }
    return [{ type: 'ProductcategorieToegevoegd', data }];
  },

  evolve(state, event) {
    return { codes: [...state.codes, event.data] };
  },
};

/** The gemeente's own codes that may be used under this wet. */
export const eigenCodesVoor = (state: CodelijstState, wet: string): string[] => state.codes.filter((c) => c.wet === wet).map((c) => c.code);
