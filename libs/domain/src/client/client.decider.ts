import type { ClientEvent, ClientGeregistreerdV1 } from '@sd/contracts';
import { Conflict, type Decider, NietGevonden } from '../decider.js';
import type { Geslacht, VergetenGrondslag } from '../codes.js';

export interface RegistreerClient {
  type: 'RegistreerClient';
  clientId: string;
  bsn: string;
  geboortedatum: string;
  geslacht: Geslacht;
  gemeente: string;
  huishoudenId?: string;
}

/** Erase the client's personal data (beheer): the event says so; the application destroys the key. */
export interface VergeetClient {
  type: 'VergeetClient';
  grondslag: VergetenGrondslag;
  toelichting?: string;
  vergetenOp: string;
}

export type ClientCommand = RegistreerClient | VergeetClient;

export type ClientState =
  | { status: 'onbekend' }
  | ({ status: 'geregistreerd' } & ClientGeregistreerdV1)
  // Nothing personal is left: only the pseudonymous id, the gemeente and why.
  | { status: 'vergeten'; clientId: string; gemeente: string; grondslag: VergetenGrondslag; vergetenOp: string };

export const clientDecider: Decider<ClientCommand, ClientState, ClientEvent> = {
  initialState: () => ({ status: 'onbekend' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegistreerClient': {
        if (state.status !== 'onbekend') {
          throw new Conflict('Deze cliënt is in deze gemeente al geregistreerd.', { clientId: state.clientId });
        }
        const { type: _type, ...data } = command;
        if (data.huishoudenId === undefined) delete data.huishoudenId;
        return [{ type: 'ClientGeregistreerd', data }];
      }
      case 'VergeetClient': {
        if (state.status === 'onbekend') throw new NietGevonden('Deze cliënt bestaat niet.');
        if (state.status === 'vergeten') throw new Conflict('Deze cliënt is al vergeten.', { clientId: state.clientId });
        const { type: _type, toelichting, ...rest } = command;
        return [
          {
            type: 'ClientVergeten',
            data: { clientId: state.clientId, gemeente: state.gemeente, ...rest, ...(toelichting !== undefined ? { toelichting } : {}) },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ClientGeregistreerd':
        return { status: 'geregistreerd', ...event.data };
      case 'ClientVergeten': {
        const { clientId, gemeente, grondslag, vergetenOp } = event.data;
        return { status: 'vergeten', clientId, gemeente, grondslag, vergetenOp };
      }
    }
  },
};
