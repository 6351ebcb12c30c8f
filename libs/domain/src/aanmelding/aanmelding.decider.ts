import type { AanmeldingEvent, AanmeldingOntvangenV1, AanmeldingAfgerondV1 } from '@sd/contracts';
import type { AfrondingUitkomst, Verwijzer, Wet } from '../codes.js';
import { Conflict, RegelOvertreding, type Decider } from '../decider.js';
import { bestaandeClient, intrekking, lopendeRegistratie } from '../registratie.js';
import { vergelijkDatum } from '../kalender.js';

/**
 * What the application read from the client stream for a command that starts a case (aanmelding,
 * toekenning, afwijzing); null when the client does not exist.
 */
export interface ClientFeit {
  gemeente: string;
  huishoudenId?: string;
}

/** What the application read from the aanmelding stream a besluit refers to; null when it does not exist. */
export interface AanmeldingFeit {
  clientId: string;
  ingetrokken: boolean;
}

export interface OntvangAanmelding {
  type: 'OntvangAanmelding';
  aanmeldingId: string;
  clientId: string;
  wet: Wet;
  ontvangenOp: string;
  verwijzer?: Verwijzer;
  client: ClientFeit | null;
}

export interface RondAanmeldingAf {
  type: 'RondAanmeldingAf';
  afgerondOp: string;
  uitkomst: AfrondingUitkomst;
}

export interface TrekAanmeldingIn {
  type: 'TrekAanmeldingIn';
  reden: string;
}

export type AanmeldingCommand = OntvangAanmelding | RondAanmeldingAf | TrekAanmeldingIn;

export type AanmeldingState =
  | { status: 'onbekend' }
  | (AanmeldingOntvangenV1 & {
      status: 'ontvangen';
      afronding: Omit<AanmeldingAfgerondV1, 'aanmeldingId'> | null;
      ingetrokken: boolean;
    });

type Bekend = Extract<AanmeldingState, { status: 'ontvangen' }>;

export const aanmeldingStreamId = (aanmeldingId: string): string => `aanmelding-${aanmeldingId}`;

/** The fact a toekenning or afwijzing needs about the aanmelding it names. */
export function aanmeldingAlsFeit(state: AanmeldingState): AanmeldingFeit | null {
  return state.status === 'onbekend' ? null : { clientId: state.clientId, ingetrokken: state.ingetrokken };
}

/** An existing aanmelding, not withdrawn. */
const lopend = (state: AanmeldingState): Bekend => lopendeRegistratie<AanmeldingState, Bekend>(state, 'Deze aanmelding');

export const aanmeldingDecider: Decider<AanmeldingCommand, AanmeldingState, AanmeldingEvent> = {
  initialState: () => ({ status: 'onbekend' }),

  decide(command, state) {
    switch (command.type) {
      case 'OntvangAanmelding': {
        if (state.status !== 'onbekend') {
          throw new Conflict('Deze aanmelding bestaat al.', { aanmeldingId: state.aanmeldingId });
        }
        const client = bestaandeClient(command.client);
        const data: AanmeldingOntvangenV1 = {
          aanmeldingId: command.aanmeldingId,
          clientId: command.clientId,
          gemeente: client.gemeente,
          wet: command.wet,
          ontvangenOp: command.ontvangenOp,
        };
        if (client.huishoudenId !== undefined) data.huishoudenId = client.huishoudenId;
        if (command.verwijzer !== undefined) data.verwijzer = command.verwijzer;
        return [{ type: 'AanmeldingOntvangen', data }];
      }

      case 'RondAanmeldingAf': {
        const a = lopend(state);
        if (a.afronding) {
          throw new Conflict(`Deze aanmelding is al afgerond op ${a.afronding.afgerondOp}.`);
        }
        if (vergelijkDatum(command.afgerondOp, a.ontvangenOp) < 0) {
          throw new RegelOvertreding({
            field: 'afgerondOp',
            message: `De afronding kan niet vóór de ontvangst van de aanmelding (${a.ontvangenOp}) liggen.`,
          });
        }
        return [
          {
            type: 'AanmeldingAfgerond',
            data: { aanmeldingId: a.aanmeldingId, afgerondOp: command.afgerondOp, uitkomst: command.uitkomst },
          },
        ];
      }

      case 'TrekAanmeldingIn':
        return intrekking(state, 'Deze aanmelding', command.reden);
    }
  },

  evolve(state, event) {
    if (event.type === 'AanmeldingOntvangen') {
      return { status: 'ontvangen', ...event.data, afronding: null, ingetrokken: false };
    }
    if (state.status === 'onbekend') return state;
    switch (event.type) {
      case 'AanmeldingAfgerond':
        return { ...state, afronding: { afgerondOp: event.data.afgerondOp, uitkomst: event.data.uitkomst } };
      case 'RegistratieIngetrokken':
        return { ...state, ingetrokken: true };
    }
  },
};
