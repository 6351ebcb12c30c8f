import { Leesmodel1763900001000 } from './1763900001000-leesmodel.js';

/** Migrations of a read-model generation schema (their own migrations table in that schema). */
export const LEESMODEL_MIGRATIES = { migrations: [Leesmodel1763900001000], table: 'rm_migraties' };
