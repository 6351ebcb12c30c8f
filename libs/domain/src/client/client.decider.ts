import type { ClientEvent, ClientGeregistreerdV1 } from '@sd/contracts';
import { Conflict, type Decider } from '../decider.js';
import type { Geslacht } from '../codes.js';

export interface RegistreerClient {
  type: 'RegistreerClient';
  clientId: string;
  bsn: string;
  geboortedatum: string;
  geslacht: Geslacht;
  gemeente: string;
  huishoudenId?: string;
}

export type ClientCommand = RegistreerClient;

export type ClientState = { status: 'onbekend' } | ({ status: 'geregistreerd' } & ClientGeregistreerdV1);

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
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ClientGeregistreerd':
        return { status: 'geregistreerd', ...event.data };
    }
  },
};
