/*
 * The reports' JSON shape and the choices DESIGN section 4 leaves open live in @sd/herberekening
 * (rapport.types.ts), which the SQL here and the independent recomputation both follow; this file
 * keeps the app's imports where they were.
 */
export {
  LEEFTIJDSGROEPEN,
  STAPEL_KLASSEN,
  WACHTTIJD_KLASSEN,
  type Aantal,
  type BezwarenCijfers,
  type BezwarenRapport,
  type Geheim,
  type InstroomUitstroomRapport,
  type Rapport,
  type RapportFilters,
  type RapportMeta,
  type StandCijfers,
  type StandRapport,
  type StapelingCijfers,
  type StapelingGemeente,
  type StapelingRapport,
  type StroomCijfers,
  type StroomTotaal,
  type WachtlijstCijfers,
  type WachtlijstRapport,
} from '@sd/herberekening';
