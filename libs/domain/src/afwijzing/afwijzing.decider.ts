import type { AanvraagAfgewezenV1, AfwijzingEvent } from '@sd/contracts';
import type { AanmeldingFeit, ClientFeit } from '../aanmelding/aanmelding.decider.js';
import { type BesluitFeit, besluitFeit } from '../bezwaar/bezwaar.decider.js';
import type { Wet } from '../codes.js';
import { Conflict, RegelOvertreding, type Decider, type Overtreding } from '../decider.js';
import { aanmeldingFout, bestaandeClient, intrekking } from '../registratie.js';
import { past } from '../productcategorieen.js';

/** POST /afwijzingen: the refusal of an aanvraag, a besluit of its own. */
export interface WijsAanvraagAf {
  type: 'WijsAanvraagAf';
  afwijzingId: string;
  clientId: string;
  wet: Wet;
  productcategorie?: string;
  besluitdatum: string;
  reden: string;
  aanmeldingId?: string;
  client: ClientFeit | null;
  /** Read from the aanmelding stream when aanmeldingId is given; null when that stream does not exist. */
  aanmelding?: AanmeldingFeit | null;
  eigenProductcategorieen: readonly string[];
}

/** POST /afwijzingen/{id}/intrekking */
export interface TrekAfwijzingIn {
  type: 'TrekAfwijzingIn';
  reden: string;
}

export type AfwijzingCommand = WijsAanvraagAf | TrekAfwijzingIn;

export type AfwijzingState = { status: 'onbekend' } | (AanvraagAfgewezenV1 & { status: 'afgewezen'; ingetrokken: boolean });

export const afwijzingStreamId = (afwijzingId: string): string => `afwijzing-${afwijzingId}`;

/** The fact a bezwaar needs about the afwijzing it is against; null when it does not exist. */
export const afwijzingAlsBesluit = (state: AfwijzingState): BesluitFeit | null => besluitFeit('afwijzing', state);

function afwijzen(c: WijsAanvraagAf, state: AfwijzingState): AfwijzingEvent[] {
  if (state.status !== 'onbekend') throw new Conflict('Deze afwijzing bestaat al.', { afwijzingId: state.afwijzingId });
  const client = bestaandeClient(c.client);
  const fouten: Overtreding[] = [];
  if (c.productcategorie !== undefined && !past(c.wet, c.productcategorie, c.eigenProductcategorieen)) {
    fouten.push({
      field: 'productcategorie',
      message:
        c.wet === 'participatiewet'
          ? 'De participatiewet kent geen productcategorieën.'
          : `Productcategorie ${c.productcategorie} hoort niet bij de ${c.wet} (geen landelijke code van die wet en geen eigen code van de gemeente).`,
    });
  }
  const aanmelding = aanmeldingFout(c);
  if (aanmelding) fouten.push(aanmelding);
  if (fouten.length) throw new RegelOvertreding(fouten);

  const data: AanvraagAfgewezenV1 = {
    afwijzingId: c.afwijzingId,
    clientId: c.clientId,
    gemeente: client.gemeente,
    wet: c.wet,
    besluitdatum: c.besluitdatum,
    reden: c.reden,
  };
  if (client.huishoudenId !== undefined) data.huishoudenId = client.huishoudenId;
  if (c.productcategorie !== undefined) data.productcategorie = c.productcategorie;
  if (c.aanmeldingId !== undefined) data.aanmeldingId = c.aanmeldingId;
  return [{ type: 'AanvraagAfgewezen', data }];
}

export const afwijzingDecider: Decider<AfwijzingCommand, AfwijzingState, AfwijzingEvent> = {
  initialState: () => ({ status: 'onbekend' }),

  decide(command, state) {
    switch (command.type) {
      case 'WijsAanvraagAf':
        return afwijzen(command, state);
      case 'TrekAfwijzingIn':
        return intrekking(state, 'Deze afwijzing', command.reden);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'AanvraagAfgewezen':
        return { status: 'afgewezen', ...event.data, ingetrokken: false };
      case 'RegistratieIngetrokken':
        return state.status === 'onbekend' ? state : { ...state, ingetrokken: true };
    }
  },
};
