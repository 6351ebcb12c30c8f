import { IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { LEVERINGSVORMEN, type Leveringsvorm, REGELINGEN, type Regeling } from '../codes.js';
import { defineEvent, type DomainEvent } from '../event-contract.js';

/** Field formats shared by the event schemas (the code lists are in ../codes.ts). */
export const DATUM = /^\d{4}-\d{2}-\d{2}$/;
export const GEMEENTE = /^GM\d{4}$/;
export const HUISHOUDEN_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** iWmo / iJw codes are two digits; a gemeente's own codes may be longer. */
export const PRODUCTCATEGORIE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** Checks the field only when it is present; unlike IsOptional, null is not let through. */
export const Weglaatbaar = () => ValidateIf((_object, value) => value !== undefined);

/**
 * The correcties and intrekkingen below apply to several stream types (voorziening, uitkering,
 * aanmelding, afwijzing, bezwaar); the stored event's own streamType says which one.
 */
export const REGISTRATIE_STREAM = 'registratie';

/**
 * Data of RegistratieGecorrigeerd, schema version 1: a voorziening or uitkering registered with a
 * wrong value. Holds only the changed fields; `einddatum: null` removes the einddatum.
 */
export class RegistratieGecorrigeerdV1 {
  @Weglaatbaar() @Matches(DATUM) ingangsdatum?: string;
  @ValidateIf((_o, v) => v !== undefined && v !== null) @Matches(DATUM) einddatum?: string | null;
  @Weglaatbaar() @Matches(PRODUCTCATEGORIE) productcategorie?: string;
  @Weglaatbaar() @IsIn(LEVERINGSVORMEN) leveringsvorm?: Leveringsvorm;
  @Weglaatbaar() @IsIn(REGELINGEN) regeling?: Regeling;
  @IsString() @Length(1, 500) reden!: string;
}

/** Data of RegistratieIngetrokken, schema version 1: the registration was made in error and counts nowhere. */
export class RegistratieIngetrokkenV1 {
  @IsString() @Length(1, 500) reden!: string;
}

export type RegistratieGecorrigeerd = DomainEvent<'RegistratieGecorrigeerd', RegistratieGecorrigeerdV1>;
export type RegistratieIngetrokken = DomainEvent<'RegistratieIngetrokken', RegistratieIngetrokkenV1>;

defineEvent({
  type: 'RegistratieGecorrigeerd',
  streamType: REGISTRATIE_STREAM,
  schemas: { 1: RegistratieGecorrigeerdV1 },
  persoonlijk: { verborgen: ['reden'] },
});
defineEvent({
  type: 'RegistratieIngetrokken',
  streamType: REGISTRATIE_STREAM,
  schemas: { 1: RegistratieIngetrokkenV1 },
  persoonlijk: { verborgen: ['reden'] },
});
