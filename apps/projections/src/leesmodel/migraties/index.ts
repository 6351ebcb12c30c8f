import { Leesmodel1763900001000 } from './1763900001000-leesmodel.js';
import { CheckpointPerGemeente1763900002000 } from './1763900002000-checkpoint-per-gemeente.js';
import { HuidigeVersies1763900003000 } from './1763900003000-huidige-versies.js';
import { Besluitdatum1763900004000 } from './1763900004000-besluitdatum.js';
import { DekkendeIndexen1763900005000 } from './1763900005000-dekkende-indexen.js';
import { StateAlleenHuidig1763900006000 } from './1763900006000-state-alleen-huidig.js';
import { HuishoudenAlsUuid1763900007000 } from './1763900007000-huishouden-als-uuid.js';
import { VulCursor1763900008000 } from './1763900008000-vul-cursor.js';
import { PeriodeIndexen1763900009000 } from './1763900009000-periode-indexen.js';

import { Vergeten1763900010000 } from './1763900010000-vergeten.js';

/** Migrations of a read-model generation schema (their own migrations table in that schema). */
export const LEESMODEL_MIGRATIES = {
  migrations: [
    Leesmodel1763900001000,
    CheckpointPerGemeente1763900002000,
    HuidigeVersies1763900003000,
    Besluitdatum1763900004000,
    DekkendeIndexen1763900005000,
    StateAlleenHuidig1763900006000,
    HuishoudenAlsUuid1763900007000,
    VulCursor1763900008000,
    PeriodeIndexen1763900009000,
    Vergeten1763900010000,
  ],
  table: 'rm_migraties',
};
