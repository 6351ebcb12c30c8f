/**
 * The mirrored state: what a client's script knows of its streams (the rules of the deciders), so
 * that it only sends commands that must succeed; and the clients themselves, in households, drawn
 * by the master PRNG.
 */
import { BEZWAAR_UITKOMSTEN } from '@sd/domain';
import { Rng } from './kalender.js';
import { geboortedatum } from './keuzes.js';

export type Wet = 'wmo' | 'jeugdwet' | 'participatiewet';

export interface Besluit {
  soort: 'voorziening' | 'uitkering' | 'afwijzing';
  id: string;
  besluitdatum: string;
  ingetrokken: boolean;
}

export interface Vz extends Besluit {
  soort: 'voorziening';
  wet: 'wmo' | 'jeugdwet';
  productcategorie: string;
  leveringsvorm: 'zin' | 'pgb';
  ingangsdatum: string;
  einddatum: string | null;
  reden: string | null;
  levering: string | null;
}

export interface Uk extends Besluit {
  soort: 'uitkering';
  regeling: string;
  ingangsdatum: string;
  einddatum: string | null;
  reden: string | null;
}

export interface Aw extends Besluit {
  soort: 'afwijzing';
}

export interface Am {
  id: string;
  wet: Wet;
  ontvangenOp: string;
  afgerond: boolean;
  ingetrokken: boolean;
}

export interface Bz {
  id: string;
  ontvangenOp: string;
  bekendmakingOp: string;
  adviescommissie: boolean;
  verdaagdOp: string | null;
  afgehandeld: boolean;
  ingetrokken: boolean;
}

export interface Casus {
  nr: number;
  rng: Rng;
  /** The phase in which the client is registered. */
  fase: 1 | 2 | 3;
  gemeente: string;
  huishoudenId?: string;
  geboortedatum: string;
  geslacht: 'man' | 'vrouw' | 'onbekend';
  /** Set by forced coverage: the uitkomst its first bezwaar gets. */
  bezwaarUitkomst?: (typeof BEZWAAR_UITKOMSTEN)[number];
  clientId?: string;
  vz: Vz[];
  uk: Uk[];
  aw: Aw[];
  am: Am[];
  bz: Bz[];
}

/** How a command reaches the apps: a POST asserted to answer 2xx, and the tally of what was registered. */
export interface Registratie {
  seed: number;
  post(app: 'intake' | 'voorzieningen', path: string, body: object): Promise<Record<string, unknown>>;
  tel(wat: string): void;
}

/**
 * The clients, in households (seeded by the master PRNG), each with its own PRNG derived from the
 * seed and its number; about 80 % are registered in phase 1.
 */
export function maakCasussen(opts: { seed: number; clienten: number; gemeenten: string[] }): Casus[] {
  const master = new Rng(opts.seed);
  const casussen: Casus[] = [];
  const volgendHuishouden = new Map<string, number>();
  while (casussen.length < opts.clienten) {
    const gemeente = master.pick(opts.gemeenten);
    const grootte = master.chance(0.3) ? master.int(2, 4) : 1;
    let huishoudenId: string | undefined;
    if (grootte > 1 || master.chance(0.4)) {
      // Numbered per gemeente, so `HH-1` exists in several gemeenten: different households.
      const n = (volgendHuishouden.get(gemeente) ?? 0) + 1;
      volgendHuishouden.set(gemeente, n);
      huishoudenId = `HH-${n}`;
    }
    for (let lid = 0; lid < grootte && casussen.length < opts.clienten; lid++) {
      const nr = casussen.length;
      const fase = nr < opts.clienten * 0.8 ? 1 : nr < opts.clienten * 0.92 ? 2 : 3;
      casussen.push({
        nr,
        rng: new Rng((Math.imul(opts.seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(nr + 1, 0x85ebca6b)) >>> 0),
        fase,
        gemeente,
        ...(huishoudenId ? { huishoudenId } : {}),
        geboortedatum: geboortedatum(master, lid > 0 && master.chance(0.5)),
        geslacht: master.weighted([
          ['vrouw', 48],
          ['man', 48],
          ['onbekend', 4],
        ] as const),
        vz: [],
        uk: [],
        aw: [],
        am: [],
        bz: [],
      });
    }
  }
  // Every bezwaar uitkomst at least once: the first five clients of phase 1 get a bezwaar with each.
  BEZWAAR_UITKOMSTEN.forEach((u, i) => {
    if (casussen[i]) casussen[i].bezwaarUitkomst = u;
  });
  return casussen;
}
