import type { VoorzieningEvent, VoorzieningToegekendV1 } from '@sd/contracts';
import type { AanmeldingFeit, ClientFeit } from '../aanmelding/aanmelding.decider.js';
import { type BesluitFeit, besluitFeit } from '../bezwaar/bezwaar.decider.js';
import type { BeeindigingReden, Leveringsvorm, Regeling, Wet } from '../codes.js';
import { Conflict, RegelOvertreding, type Decider, type Overtreding } from '../decider.js';
import {
  aanmeldingFout,
  beeindiging,
  bestaandeClient,
  correctieVan,
  intrekking,
  lopendeRegistratie,
  naCorrectie,
  periodeNaCorrectie,
} from '../registratie.js';
import { isVoor } from '../kalender.js';
import { past } from '../productcategorieen.js';

/** POST /voorzieningen: the toekenning. */
export interface KenVoorzieningToe {
  type: 'KenVoorzieningToe';
  voorzieningId: string;
  clientId: string;
  wet: Wet;
  productcategorie: string;
  leveringsvorm: Leveringsvorm;
  besluitdatum: string;
  ingangsdatum: string;
  einddatum?: string;
  aanmeldingId?: string;
  client: ClientFeit | null;
  /** Read from the aanmelding stream when aanmeldingId is given; null when that stream does not exist. */
  aanmelding?: AanmeldingFeit | null;
  /** The gemeente's own productcategorie codes, besides the landelijke. */
  eigenProductcategorieen: readonly string[];
}

/** POST /voorzieningen/{id}/start-levering */
export interface StartLevering {
  type: 'StartLevering';
  datum: string;
}

/** POST /voorzieningen/{id}/beeindiging */
export interface BeeindigVoorziening {
  type: 'BeeindigVoorziening';
  einddatum: string;
  reden: BeeindigingReden;
}

/** POST /voorzieningen/{id}/correctie: absent fields stay as they are; `einddatum: null` removes it. */
export interface CorrigeerVoorziening {
  type: 'CorrigeerVoorziening';
  ingangsdatum?: string;
  einddatum?: string | null;
  productcategorie?: string;
  leveringsvorm?: Leveringsvorm;
  /** Not for a voorziening; accepted here only to be refused with a clear message. */
  regeling?: Regeling;
  reden: string;
  eigenProductcategorieen: readonly string[];
}

/** POST /voorzieningen/{id}/intrekking */
export interface TrekVoorzieningIn {
  type: 'TrekVoorzieningIn';
  reden: string;
}

export type VoorzieningCommand = KenVoorzieningToe | StartLevering | BeeindigVoorziening | CorrigeerVoorziening | TrekVoorzieningIn;

export type VoorzieningState =
  | { status: 'onbekend' }
  | (Omit<VoorzieningToegekendV1, 'einddatum'> & {
      status: 'toegekend';
      /** The current einddatum: planned at toekenning, set or moved by beëindiging or correctie. */
      einddatum: string | null;
      /** Set once the voorziening was beëindigd (and not corrected back to open-ended). */
      beeindigingReden: BeeindigingReden | null;
      leveringGestartOp: string | null;
      ingetrokken: boolean;
    });

type Bekend = Extract<VoorzieningState, { status: 'toegekend' }>;

export const voorzieningStreamId = (voorzieningId: string): string => `voorziening-${voorzieningId}`;

/** The fact a bezwaar needs about the voorziening it is against; null when it does not exist. */
export const voorzieningAlsBesluit = (state: VoorzieningState): BesluitFeit | null => besluitFeit('voorziening', state);

/** An existing voorziening, not withdrawn. */
const lopend = (state: VoorzieningState): Bekend => lopendeRegistratie<VoorzieningState, Bekend>(state, 'Deze voorziening');

function productcategorieFout(wet: Wet, productcategorie: string, eigen: readonly string[]): Overtreding | null {
  if (past(wet, productcategorie, eigen)) return null;
  return {
    field: 'productcategorie',
    message: `Productcategorie ${productcategorie} hoort niet bij de ${wet} (geen landelijke code van die wet en geen eigen code van de gemeente).`,
  };
}

function toekennen(c: KenVoorzieningToe, state: VoorzieningState): VoorzieningEvent[] {
  if (state.status !== 'onbekend') {
    throw new Conflict('Deze voorziening bestaat al.', { voorzieningId: state.voorzieningId });
  }
  const client = bestaandeClient(c.client);
  const fouten: Overtreding[] = [];
  if (c.wet === 'participatiewet') {
    fouten.push({
      field: 'wet',
      message: 'Een voorziening valt onder de wmo of de jeugdwet; registreer een Participatiewet-besluit als uitkering.',
    });
  } else {
    const f = productcategorieFout(c.wet, c.productcategorie, c.eigenProductcategorieen);
    if (f) fouten.push(f);
  }
  if (c.einddatum !== undefined && isVoor(c.einddatum, c.ingangsdatum)) {
    fouten.push({
      field: 'einddatum',
      message: `De einddatum kan niet vóór de ingangsdatum (${c.ingangsdatum}) liggen.`,
    });
  }
  const aanmelding = aanmeldingFout(c);
  if (aanmelding) fouten.push(aanmelding);
  if (fouten.length || c.wet === 'participatiewet') throw new RegelOvertreding(fouten);

  const data: VoorzieningToegekendV1 = {
    voorzieningId: c.voorzieningId,
    clientId: c.clientId,
    gemeente: client.gemeente,
    wet: c.wet,
    productcategorie: c.productcategorie,
    leveringsvorm: c.leveringsvorm,
    besluitdatum: c.besluitdatum,
    ingangsdatum: c.ingangsdatum,
  };
  if (client.huishoudenId !== undefined) data.huishoudenId = client.huishoudenId;
  if (c.einddatum !== undefined) data.einddatum = c.einddatum;
  if (c.aanmeldingId !== undefined) data.aanmeldingId = c.aanmeldingId;
  return [{ type: 'VoorzieningToegekend', data }];
}

function startLevering(c: StartLevering, v: Bekend): VoorzieningEvent[] {
  if (v.leveringGestartOp) {
    throw new Conflict(`De levering van deze voorziening is al gestart op ${v.leveringGestartOp}.`);
  }
  if (v.einddatum && isVoor(v.einddatum, c.datum)) {
    throw new RegelOvertreding({
      field: 'datum',
      message: `De levering kan niet na de einddatum (${v.einddatum}) starten.`,
    });
  }
  return [{ type: 'LeveringGestart', data: { voorzieningId: v.voorzieningId, datum: c.datum } }];
}

function beeindigen(c: BeeindigVoorziening, v: Bekend): VoorzieningEvent[] {
  const { vorigeEinddatum, correctie } = beeindiging(
    { ingangsdatum: v.ingangsdatum, einddatum: v.einddatum, reden: v.beeindigingReden },
    c,
    { deze: 'Deze voorziening', reden: 'reden' },
  );
  if (v.leveringGestartOp && isVoor(c.einddatum, v.leveringGestartOp)) {
    throw new RegelOvertreding({
      field: 'einddatum',
      message: `De einddatum kan niet vóór de start van de levering (${v.leveringGestartOp}) liggen.`,
    });
  }
  const { einddatum, reden } = c;
  return [{ type: 'VoorzieningBeeindigd', data: { voorzieningId: v.voorzieningId, einddatum, reden, vorigeEinddatum, correctie } }];
}

function corrigeren(c: CorrigeerVoorziening, v: Bekend): VoorzieningEvent[] {
  if (c.regeling !== undefined) {
    throw new RegelOvertreding({
      field: 'regeling',
      message: 'Een voorziening heeft geen regeling; die hoort bij een uitkering.',
    });
  }
  const correctie = correctieVan(['ingangsdatum', 'einddatum', 'productcategorie', 'leveringsvorm'], c, v);

  const fouten: Overtreding[] = [];
  if (correctie.productcategorie !== undefined) {
    const f = productcategorieFout(v.wet, correctie.productcategorie, c.eigenProductcategorieen);
    if (f) fouten.push(f);
  }
  const { einde, fout } = periodeNaCorrectie(correctie, v);
  if (fout) {
    fouten.push(fout);
  } else if (einde !== null && v.leveringGestartOp && isVoor(einde, v.leveringGestartOp)) {
    fouten.push({
      field: 'einddatum',
      message: `De einddatum kan niet vóór de start van de levering (${v.leveringGestartOp}) liggen.`,
    });
  }
  if (fouten.length) throw new RegelOvertreding(fouten);
  return [{ type: 'RegistratieGecorrigeerd', data: { ...correctie, reden: c.reden } }];
}

export const voorzieningDecider: Decider<VoorzieningCommand, VoorzieningState, VoorzieningEvent> = {
  initialState: () => ({ status: 'onbekend' }),

  decide(command, state) {
    switch (command.type) {
      case 'KenVoorzieningToe':
        return toekennen(command, state);
      case 'StartLevering':
        return startLevering(command, lopend(state));
      case 'BeeindigVoorziening':
        return beeindigen(command, lopend(state));
      case 'CorrigeerVoorziening':
        return corrigeren(command, lopend(state));
      case 'TrekVoorzieningIn':
        return intrekking(state, 'Deze voorziening', command.reden);
    }
  },

  evolve(state, event) {
    if (event.type === 'VoorzieningToegekend') {
      const { einddatum, ...rest } = event.data;
      return {
        status: 'toegekend',
        ...rest,
        einddatum: einddatum ?? null,
        beeindigingReden: null,
        leveringGestartOp: null,
        ingetrokken: false,
      };
    }
    if (state.status === 'onbekend') return state;
    switch (event.type) {
      case 'LeveringGestart':
        return { ...state, leveringGestartOp: event.data.datum };
      case 'VoorzieningBeeindigd':
        return { ...state, einddatum: event.data.einddatum, beeindigingReden: event.data.reden };
      case 'RegistratieGecorrigeerd':
        return naCorrectie(state, event.data, ['ingangsdatum', 'einddatum', 'productcategorie', 'leveringsvorm'], 'beeindigingReden');
      case 'RegistratieIngetrokken':
        return { ...state, ingetrokken: true };
    }
  },
};
