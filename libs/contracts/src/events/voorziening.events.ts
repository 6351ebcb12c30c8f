import { IsBoolean, IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { BEEINDIGING_REDENEN, type BeeindigingReden, LEVERINGSVORMEN, type Leveringsvorm } from '../codes.js';
import { defineEvent, type DomainEvent } from '../event-contract.js';
import {
  DATUM,
  GEMEENTE,
  HUISHOUDEN_ID,
  PRODUCTCATEGORIE,
  type RegistratieGecorrigeerd,
  type RegistratieIngetrokken,
} from './registratie.events.js';

export const VOORZIENING_STREAM = 'voorziening';

/**
 * Data of VoorzieningToegekend, schema version 1: the toekenning (besluit). Carries everything the
 * stand, instroom, wachtlijst and stapeling projections group by, so they need no other stream.
 */
export class VoorzieningToegekendV1 {
  @IsUUID() voorzieningId!: string;
  @IsUUID() clientId!: string;
  @Matches(GEMEENTE) gemeente!: string;
  @IsOptional() @Matches(HUISHOUDEN_ID) huishoudenId?: string;
  @IsIn(['wmo', 'jeugdwet']) wet!: 'wmo' | 'jeugdwet';
  @Matches(PRODUCTCATEGORIE) productcategorie!: string;
  @IsIn(LEVERINGSVORMEN) leveringsvorm!: Leveringsvorm;
  @Matches(DATUM) besluitdatum!: string;
  @Matches(DATUM) ingangsdatum!: string;
  /** Absent: toegekend for an indefinite period. */
  @IsOptional() @Matches(DATUM) einddatum?: string;
  @IsOptional() @IsUUID() aanmeldingId?: string;
}

/** Data of LeveringGestart, schema version 1. */
export class LeveringGestartV1 {
  @IsUUID() voorzieningId!: string;
  @Matches(DATUM) datum!: string;
}

/** Data of VoorzieningBeeindigd, schema version 1 (stored before beëindigingen could be corrected). */
export class VoorzieningBeeindigdV1 {
  @IsUUID() voorzieningId!: string;
  @Matches(DATUM) einddatum!: string;
  @IsIn(BEEINDIGING_REDENEN) reden!: BeeindigingReden;
}

/**
 * Version 2 records what the beëindiging replaced: `vorigeEinddatum` is the einddatum before it
 * (planned at toekenning or set by an earlier beëindiging), and `correctie` is true when it moves
 * the einddatum of an earlier beëindiging.
 */
export class VoorzieningBeeindigdV2 extends VoorzieningBeeindigdV1 {
  @ValidateIf((_o, v) => v !== null) @Matches(DATUM) vorigeEinddatum!: string | null;
  @IsBoolean() correctie!: boolean;
}

export type VoorzieningToegekend = DomainEvent<'VoorzieningToegekend', VoorzieningToegekendV1>;
export type LeveringGestart = DomainEvent<'LeveringGestart', LeveringGestartV1>;
export type VoorzieningBeeindigd = DomainEvent<'VoorzieningBeeindigd', VoorzieningBeeindigdV2>;
export type VoorzieningEvent =
  VoorzieningToegekend | LeveringGestart | VoorzieningBeeindigd | RegistratieGecorrigeerd | RegistratieIngetrokken;

defineEvent({
  type: 'VoorzieningToegekend',
  streamType: VOORZIENING_STREAM,
  schemas: { 1: VoorzieningToegekendV1 },
  persoonlijk: { onthuld: ['huishoudenId'] },
});
defineEvent({ type: 'LeveringGestart', streamType: VOORZIENING_STREAM, schemas: { 1: LeveringGestartV1 } });
defineEvent({
  type: 'VoorzieningBeeindigd',
  streamType: VOORZIENING_STREAM,
  schemas: { 1: VoorzieningBeeindigdV1, 2: VoorzieningBeeindigdV2 },
  // Version 1 refused a second beëindiging, so a v1 event never corrected one; what it replaced was not kept.
  upcasters: { 1: (data) => ({ ...data, vorigeEinddatum: null, correctie: false }) },
});
