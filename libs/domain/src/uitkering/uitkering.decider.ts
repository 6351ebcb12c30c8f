import type { UitkeringEvent, UitkeringToegekendV1 } from '@sd/contracts';
import type { ClientFeit } from '../aanmelding/aanmelding.decider.js';
import { type BesluitFeit, besluitFeit } from '../bezwaar/bezwaar.decider.js';
import type { Instroomreden, Leveringsvorm, Regeling, Uitstroomreden } from '../codes.js';
import { Conflict, RegelOvertreding, type Decider, type Overtreding } from '../decider.js';
import {
  beeindiging,
  bestaandeClient,
  correctieVan,
  intrekking,
  lopendeRegistratie,
  naCorrectie,
  periodeNaCorrectie,
} from '../registratie.js';

/** POST /uitkeringen */
export interface KenUitkeringToe {
  type: 'KenUitkeringToe';
  uitkeringId: string;
  clientId: string;
  regeling: Regeling;
  ingangsdatum: string;
  instroomreden: Instroomreden;
  /** Date of the besluit; default the ingangsdatum. A bezwaar's termijn counts from it. */
  besluitdatum?: string;
  client: ClientFeit | null;
}

/** POST /uitkeringen/{id}/beeindiging */
export interface BeeindigUitkering {
  type: 'BeeindigUitkering';
  einddatum: string;
  uitstroomreden: Uitstroomreden;
}

/** POST /uitkeringen/{id}/correctie: absent fields stay as they are; `einddatum: null` undoes the beëindiging. */
export interface CorrigeerUitkering {
  type: 'CorrigeerUitkering';
  ingangsdatum?: string;
  einddatum?: string | null;
  regeling?: Regeling;
  /** Not for an uitkering; accepted here only to be refused with a clear message. */
  productcategorie?: string;
  leveringsvorm?: Leveringsvorm;
  reden: string;
}

/** POST /uitkeringen/{id}/intrekking */
export interface TrekUitkeringIn {
  type: 'TrekUitkeringIn';
  reden: string;
}

export type UitkeringCommand = KenUitkeringToe | BeeindigUitkering | CorrigeerUitkering | TrekUitkeringIn;

export type UitkeringState =
  | { status: 'onbekend' }
  | (UitkeringToegekendV1 & {
      status: 'toegekend';
      einddatum: string | null;
      uitstroomreden: Uitstroomreden | null;
      ingetrokken: boolean;
    });

type Bekend = Extract<UitkeringState, { status: 'toegekend' }>;

export const uitkeringStreamId = (uitkeringId: string): string => `uitkering-${uitkeringId}`;

/** The fact a bezwaar needs about the uitkering it is against; null when it does not exist. */
export const uitkeringAlsBesluit = (state: UitkeringState): BesluitFeit | null => besluitFeit('uitkering', state);

/** An existing uitkering, not withdrawn. */
const lopend = (state: UitkeringState): Bekend => lopendeRegistratie<UitkeringState, Bekend>(state, 'Deze uitkering');

function toekennen(c: KenUitkeringToe, state: UitkeringState): UitkeringEvent[] {
  if (state.status !== 'onbekend') throw new Conflict('Deze uitkering bestaat al.', { uitkeringId: state.uitkeringId });
  const client = bestaandeClient(c.client);
  const data: UitkeringToegekendV1 = {
    uitkeringId: c.uitkeringId,
    clientId: c.clientId,
    gemeente: client.gemeente,
    wet: 'participatiewet',
    regeling: c.regeling,
    besluitdatum: c.besluitdatum ?? c.ingangsdatum,
    ingangsdatum: c.ingangsdatum,
    instroomreden: c.instroomreden,
  };
  if (client.huishoudenId !== undefined) data.huishoudenId = client.huishoudenId;
  return [{ type: 'UitkeringToegekend', data }];
}

function beeindigen(c: BeeindigUitkering, u: Bekend): UitkeringEvent[] {
  const { vorigeEinddatum, correctie } = beeindiging(
    { ingangsdatum: u.ingangsdatum, einddatum: u.einddatum, reden: u.uitstroomreden },
    { einddatum: c.einddatum, reden: c.uitstroomreden },
    { deze: 'Deze uitkering', reden: 'uitstroomreden' },
  );
  const { einddatum, uitstroomreden } = c;
  return [{ type: 'UitkeringBeeindigd', data: { uitkeringId: u.uitkeringId, einddatum, uitstroomreden, vorigeEinddatum, correctie } }];
}

function corrigeren(c: CorrigeerUitkering, u: Bekend): UitkeringEvent[] {
  const vreemd: Overtreding[] = [];
  if (c.productcategorie !== undefined) {
    vreemd.push({ field: 'productcategorie', message: 'Een uitkering heeft geen productcategorie.' });
  }
  if (c.leveringsvorm !== undefined) {
    vreemd.push({ field: 'leveringsvorm', message: 'Een uitkering heeft geen leveringsvorm.' });
  }
  if (vreemd.length) throw new RegelOvertreding(vreemd);

  const correctie = correctieVan(['ingangsdatum', 'einddatum', 'regeling'], c, u);

  // An uitkering ends only by a beëindiging, which carries the uitstroomreden the reports need.
  if (typeof correctie.einddatum === 'string' && u.einddatum === null) {
    throw new RegelOvertreding({
      field: 'einddatum',
      message: 'Deze uitkering is niet beëindigd; beëindig haar met een uitstroomreden (POST .../beeindiging).',
    });
  }
  const { fout } = periodeNaCorrectie(correctie, u);
  if (fout) throw new RegelOvertreding(fout);
  return [{ type: 'RegistratieGecorrigeerd', data: { ...correctie, reden: c.reden } }];
}

export const uitkeringDecider: Decider<UitkeringCommand, UitkeringState, UitkeringEvent> = {
  initialState: () => ({ status: 'onbekend' }),

  decide(command, state) {
    switch (command.type) {
      case 'KenUitkeringToe':
        return toekennen(command, state);
      case 'BeeindigUitkering':
        return beeindigen(command, lopend(state));
      case 'CorrigeerUitkering':
        return corrigeren(command, lopend(state));
      case 'TrekUitkeringIn':
        return intrekking(state, 'Deze uitkering', command.reden);
    }
  },

  evolve(state, event) {
    if (event.type === 'UitkeringToegekend') {
      return { status: 'toegekend', ...event.data, einddatum: null, uitstroomreden: null, ingetrokken: false };
    }
    if (state.status === 'onbekend') return state;
    switch (event.type) {
      case 'UitkeringBeeindigd':
        return { ...state, einddatum: event.data.einddatum, uitstroomreden: event.data.uitstroomreden };
      case 'RegistratieGecorrigeerd':
        return naCorrectie(state, event.data, ['ingangsdatum', 'einddatum', 'regeling'], 'uitstroomreden');
      case 'RegistratieIngetrokken':
        return { ...state, ingetrokken: true };
    }
  },
};
