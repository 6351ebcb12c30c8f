/**
 * The code lists of DESIGN section 2 (reports group by these codes), the CBS code of a gemeente and
 * the gemeente's own household key. @sd/contracts owns them: its event schemas check against them,
 * and this library already imports @sd/contracts, so owning them here would make a cycle.
 */
export { WETTEN, type Wet, LEVERINGSVORMEN, type Leveringsvorm, REGELINGEN, type Regeling } from '@sd/contracts';
export { GESLACHTEN, type Geslacht, VERWIJZERS, type Verwijzer, AFRONDING_UITKOMSTEN, type AfrondingUitkomst } from '@sd/contracts';
export { VERGETEN_GRONDSLAGEN, type VergetenGrondslag } from '@sd/contracts';
export { INSTROOMREDENEN, type Instroomreden, UITSTROOMREDENEN, type Uitstroomreden } from '@sd/contracts';
export { BEEINDIGING_REDENEN, type BeeindigingReden, BEZWAAR_UITKOMSTEN, type BezwaarUitkomst } from '@sd/contracts';
export { GEMEENTE as GEMEENTE_CODE, HUISHOUDEN_ID } from '@sd/contracts';
