import type { RapportMeta } from './rapport.types.js';

/** A report without its meta fields: what the recomputation answers. */
export type ZonderMeta<R> = Omit<R, keyof RapportMeta>;

export interface OracleFilters {
  /** Only events with recordedAt <= kennisdatum count; absent: all events. */
  kennisdatum?: Date;
  /** Gemeente codes; absent: all. */
  gemeente?: string[];
  wet?: string;
  productcategorie?: string;
  leveringsvorm?: string;
  regeling?: string;
}

export interface PeildatumQuery extends OracleFilters {
  /** `YYYY-MM-DD` */
  peildatum: string;
}

export interface PeriodeQuery extends OracleFilters {
  /** `YYYY-MM-DD`, first day of the period (inclusive). */
  van: string;
  /** `YYYY-MM-DD`, last day of the period (inclusive). */
  tot: string;
}

export interface WachtlijstQuery extends PeildatumQuery {
  /** Norm in days per wet; merged over the default (wmo 42, jeugdwet 56, participatiewet 56). */
  normen?: Record<string, number>;
}

export interface Bevolking {
  gemeente: string;
  jaar: number;
  inwoners: number;
  huishoudens: number;
}

/** `bevolking` absent: the figures of the log (BevolkingVastgesteld) as known at the kennisdatum. */
export type StapelingQuery = (PeildatumQuery | PeriodeQuery) & { bevolking?: Bevolking[] };

/** DESIGN §4 Wachtlijst: "wmo 42 days, jeugdwet 56 days, participatiewet 56 days; configurable". */
export const STANDAARD_NORMEN: Readonly<Record<string, number>> = { wmo: 42, jeugdwet: 56, participatiewet: 56 };
