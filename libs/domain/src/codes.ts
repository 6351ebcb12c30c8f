/**
 * The code lists of DESIGN section 2 (reports group by these codes), the CBS code of a gemeente and
 * the gemeente's own household key. @sd/contracts owns them: its event schemas check against them,
 * and this library already imports @sd/contracts, so owning them here would make a cycle.
 */
export {
  AFRONDING_UITKOMSTEN,
  type AfrondingUitkomst,
  BEEINDIGING_REDENEN,
  type BeeindigingReden,
  BEZWAAR_UITKOMSTEN,
  type BezwaarUitkomst,
  GESLACHTEN,
  type Geslacht,
  INSTROOMREDENEN,
  type Instroomreden,
  LEVERINGSVORMEN,
  type Leveringsvorm,
  REGELINGEN,
  type Regeling,
  UITSTROOMREDENEN,
  type Uitstroomreden,
  VERWIJZERS,
  type Verwijzer,
  WETTEN,
  type Wet,
  GEMEENTE as GEMEENTE_CODE,
  HUISHOUDEN_ID,
} from '@sd/contracts';
