import { IsBoolean, IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { INSTROOMREDENEN, type Instroomreden, REGELINGEN, type Regeling, UITSTROOMREDENEN, type Uitstroomreden } from '../codes.js';
import { defineEvent, type DomainEvent } from '../event-contract.js';
import { DATUM, GEMEENTE, HUISHOUDEN_ID, type RegistratieGecorrigeerd, type RegistratieIngetrokken } from './registratie.events.js';

export const UITKERING_STREAM = 'uitkering';

/**
 * Data of UitkeringToegekend, schema version 1. `wet` is always participatiewet: an uitkering counts
 * as a participatiewet item in stand and stapeling, and carrying it spares projections a special case.
 */
export class UitkeringToegekendV1 {
  @IsUUID() uitkeringId!: string;
  @IsUUID() clientId!: string;
  @Matches(GEMEENTE) gemeente!: string;
  @IsOptional() @Matches(HUISHOUDEN_ID) huishoudenId?: string;
  @IsIn(['participatiewet']) wet!: 'participatiewet';
  @IsIn(REGELINGEN) regeling!: Regeling;
  @Matches(DATUM) besluitdatum!: string;
  @Matches(DATUM) ingangsdatum!: string;
  @IsIn(INSTROOMREDENEN) instroomreden!: Instroomreden;
}

/**
 * Data of UitkeringBeeindigd, schema version 1. `vorigeEinddatum` is the einddatum it replaced;
 * `correctie` is true when it moves the einddatum of an earlier beëindiging.
 */
export class UitkeringBeeindigdV1 {
  @IsUUID() uitkeringId!: string;
  @Matches(DATUM) einddatum!: string;
  @IsIn(UITSTROOMREDENEN) uitstroomreden!: Uitstroomreden;
  @ValidateIf((_o, v) => v !== null) @Matches(DATUM) vorigeEinddatum!: string | null;
  @IsBoolean() correctie!: boolean;
}

export type UitkeringToegekend = DomainEvent<'UitkeringToegekend', UitkeringToegekendV1>;
export type UitkeringBeeindigd = DomainEvent<'UitkeringBeeindigd', UitkeringBeeindigdV1>;
export type UitkeringEvent = UitkeringToegekend | UitkeringBeeindigd | RegistratieGecorrigeerd | RegistratieIngetrokken;

defineEvent({
  type: 'UitkeringToegekend',
  streamType: UITKERING_STREAM,
  schemas: { 1: UitkeringToegekendV1 },
  persoonlijk: { onthuld: ['huishoudenId'] },
});
defineEvent({ type: 'UitkeringBeeindigd', streamType: UITKERING_STREAM, schemas: { 1: UitkeringBeeindigdV1 } });
