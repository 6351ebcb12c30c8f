import type { BezwaarEvent, BezwaarOntvangenV1 } from '@sd/contracts';
import type { BezwaarUitkomst, Wet } from '../codes.js';
import { Conflict, RegelOvertreding, type Decider, type Overtreding } from '../decider.js';
import { intrekking, lopendeRegistratie } from '../registratie.js';
import { isVoor } from '../kalender.js';
import { binnenTermijn, uiterlijkeBeslisdatum } from './awb-termijn.js';

/**
 * What the application read from the stream of the besluit a bezwaar is against (a voorziening,
 * uitkering or afwijzing); null when no such besluit exists. See voorzieningAlsBesluit & co.
 */
export interface BesluitFeit {
  soort: 'voorziening' | 'uitkering' | 'afwijzing';
  gemeente: string;
  besluitdatum: string;
  ingetrokken: boolean;
  wet: Wet;
  clientId: string;
}

/** The fact of a voorziening, uitkering or afwijzing that a bezwaar may contest; null when it does not exist. */
export function besluitFeit(soort: BesluitFeit['soort'], state: { status: 'onbekend' } | Omit<BesluitFeit, 'soort'>): BesluitFeit | null {
  if ('status' in state && state.status === 'onbekend') return null;
  const { gemeente, besluitdatum, ingetrokken, wet, clientId } = state as Omit<BesluitFeit, 'soort'>;
  return { soort, gemeente, besluitdatum, ingetrokken, wet, clientId };
}

/** POST /bezwaren */
export interface RegistreerBezwaar {
  type: 'RegistreerBezwaar';
  bezwaarId: string;
  besluitId: string;
  ontvangenOp: string;
  /** The gemeente's own code for the subject (e.g. `huishoudelijke-hulp`). */
  onderwerp: string;
  /** Default false. */
  adviescommissie?: boolean;
  /** Default: the besluitdatum. */
  bekendmakingOp?: string;
  besluit: BesluitFeit | null;
}

/** POST /bezwaren/{id}/verdaging */
export interface VerdaagBezwaar {
  type: 'VerdaagBezwaar';
  verdaagdOp: string;
}

/** POST /bezwaren/{id}/afhandeling */
export interface HandelBezwaarAf {
  type: 'HandelBezwaarAf';
  afgehandeldOp: string;
  uitkomst: BezwaarUitkomst;
}

/** POST /bezwaren/{id}/intrekking: the registration was an error (not the bezwaarmaker withdrawing). */
export interface TrekBezwaarIn {
  type: 'TrekBezwaarIn';
  reden: string;
}

export type BezwaarCommand = RegistreerBezwaar | VerdaagBezwaar | HandelBezwaarAf | TrekBezwaarIn;

export type BezwaarState =
  | { status: 'onbekend' }
  | (BezwaarOntvangenV1 & {
      status: 'ontvangen';
      verdaagdOp: string | null;
      afhandeling: { afgehandeldOp: string; uitkomst: BezwaarUitkomst; binnenTermijn: boolean } | null;
      ingetrokken: boolean;
    });

type Bekend = Extract<BezwaarState, { status: 'ontvangen' }>;

export const bezwaarStreamId = (bezwaarId: string): string => `bezwaar-${bezwaarId}`;

/** An existing bezwaar, not withdrawn. */
const lopend = (state: BezwaarState): Bekend => lopendeRegistratie<BezwaarState, Bekend>(state, 'Dit bezwaar');

function registreren(c: RegistreerBezwaar, state: BezwaarState): BezwaarEvent[] {
  if (state.status !== 'onbekend') throw new Conflict('Dit bezwaar bestaat al.', { bezwaarId: state.bezwaarId });
  const { besluit } = c;
  if (!besluit) {
    throw new RegelOvertreding({
      field: 'besluitId',
      message: 'Er is geen voorziening, uitkering of afwijzing met dit id.',
    });
  }
  if (besluit.ingetrokken) {
    throw new RegelOvertreding({ field: 'besluitId', message: 'Dit besluit is ingetrokken als foutieve registratie.' });
  }
  const bekendmakingOp = c.bekendmakingOp ?? besluit.besluitdatum;
  const fouten: Overtreding[] = [];
  if (isVoor(bekendmakingOp, besluit.besluitdatum)) {
    fouten.push({
      field: 'bekendmakingOp',
      message: `Een besluit wordt niet bekendgemaakt vóór de besluitdatum (${besluit.besluitdatum}).`,
    });
  }
  // Awb 6:10: a bezwaar before bekendmaking counts, but not one against a besluit not yet taken.
  if (isVoor(c.ontvangenOp, besluit.besluitdatum)) {
    fouten.push({
      field: 'ontvangenOp',
      message: `Een bezwaar kan niet vóór de besluitdatum (${besluit.besluitdatum}) zijn ontvangen.`,
    });
  }
  if (fouten.length) throw new RegelOvertreding(fouten);
  const adviescommissie = c.adviescommissie ?? false;
  return [
    {
      type: 'BezwaarOntvangen',
      data: {
        bezwaarId: c.bezwaarId,
        besluitId: c.besluitId,
        besluitsoort: besluit.soort,
        gemeente: besluit.gemeente,
        clientId: besluit.clientId,
        wet: besluit.wet,
        ontvangenOp: c.ontvangenOp,
        onderwerp: c.onderwerp,
        adviescommissie,
        bekendmakingOp,
        uiterlijkeBeslisdatum: uiterlijkeBeslisdatum({ bekendmakingOp, adviescommissie, verdaagd: false }),
      },
    },
  ];
}

function verdagen(c: VerdaagBezwaar, b: Bekend): BezwaarEvent[] {
  if (b.afhandeling) throw new Conflict(`Dit bezwaar is al afgehandeld op ${b.afhandeling.afgehandeldOp}.`);
  if (b.verdaagdOp) {
    throw new Conflict(`Dit bezwaar is al verdaagd op ${b.verdaagdOp}; de Awb staat één verdaging toe.`);
  }
  const termijn = { bekendmakingOp: b.bekendmakingOp, adviescommissie: b.adviescommissie, verdaagd: false };
  if (isVoor(c.verdaagdOp, b.ontvangenOp)) {
    throw new RegelOvertreding({
      field: 'verdaagdOp',
      message: `De verdaging kan niet vóór de ontvangst (${b.ontvangenOp}) liggen.`,
    });
  }
  // Awb 7:10 lid 3 lets the bestuursorgaan verdagen only while the beslistermijn runs.
  if (!binnenTermijn(c.verdaagdOp, termijn)) {
    throw new RegelOvertreding({
      field: 'verdaagdOp',
      message: `Verdagen kan alleen binnen de beslistermijn, die eindigde op ${uiterlijkeBeslisdatum(termijn)}.`,
    });
  }
  return [
    {
      type: 'BezwaarVerdaagd',
      data: {
        bezwaarId: b.bezwaarId,
        verdaagdOp: c.verdaagdOp,
        uiterlijkeBeslisdatum: uiterlijkeBeslisdatum({ ...termijn, verdaagd: true }),
      },
    },
  ];
}

function afhandelen(c: HandelBezwaarAf, b: Bekend): BezwaarEvent[] {
  if (b.afhandeling) throw new Conflict(`Dit bezwaar is al afgehandeld op ${b.afhandeling.afgehandeldOp}.`);
  const eerder = b.verdaagdOp ?? b.ontvangenOp;
  if (isVoor(c.afgehandeldOp, eerder)) {
    const wat = b.verdaagdOp ? 'de verdaging' : 'de ontvangst';
    throw new RegelOvertreding({
      field: 'afgehandeldOp',
      message: `De afhandeling kan niet vóór ${wat} (${eerder}) liggen.`,
    });
  }
  const termijn = {
    bekendmakingOp: b.bekendmakingOp,
    adviescommissie: b.adviescommissie,
    verdaagd: b.verdaagdOp !== null,
  };
  return [
    {
      type: 'BezwaarAfgehandeld',
      data: {
        bezwaarId: b.bezwaarId,
        afgehandeldOp: c.afgehandeldOp,
        uitkomst: c.uitkomst,
        uiterlijkeBeslisdatum: uiterlijkeBeslisdatum(termijn),
        binnenTermijn: binnenTermijn(c.afgehandeldOp, termijn),
      },
    },
  ];
}

export const bezwaarDecider: Decider<BezwaarCommand, BezwaarState, BezwaarEvent> = {
  initialState: () => ({ status: 'onbekend' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegistreerBezwaar':
        return registreren(command, state);
      case 'VerdaagBezwaar':
        return verdagen(command, lopend(state));
      case 'HandelBezwaarAf':
        return afhandelen(command, lopend(state));
      case 'TrekBezwaarIn':
        return intrekking(state, 'Dit bezwaar', command.reden);
    }
  },

  evolve(state, event) {
    if (event.type === 'BezwaarOntvangen') {
      return { status: 'ontvangen', ...event.data, verdaagdOp: null, afhandeling: null, ingetrokken: false };
    }
    if (state.status === 'onbekend') return state;
    switch (event.type) {
      case 'BezwaarVerdaagd':
        return { ...state, verdaagdOp: event.data.verdaagdOp, uiterlijkeBeslisdatum: event.data.uiterlijkeBeslisdatum };
      case 'BezwaarAfgehandeld': {
        const { afgehandeldOp, uitkomst, binnenTermijn } = event.data;
        return { ...state, afhandeling: { afgehandeldOp, uitkomst, binnenTermijn } };
      }
      case 'RegistratieIngetrokken':
        return { ...state, ingetrokken: true };
    }
  },
};
