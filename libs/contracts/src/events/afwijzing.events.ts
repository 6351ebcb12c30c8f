import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { WETTEN, type Wet } from '../codes.js';
import { defineEvent, type DomainEvent } from '../event-contract.js';
import { DATUM, GEMEENTE, HUISHOUDEN_ID, PRODUCTCATEGORIE, type RegistratieIngetrokken } from './registratie.events.js';

/** An afwijzing is a besluit of its own, so it has a stream of its own. */
export const AFWIJZING_STREAM = 'afwijzing';

/** Data of AanvraagAfgewezen, schema version 1. */
export class AanvraagAfgewezenV1 {
  @IsUUID() afwijzingId!: string;
  @IsUUID() clientId!: string;
  @Matches(GEMEENTE) gemeente!: string;
  @IsOptional() @Matches(HUISHOUDEN_ID) huishoudenId?: string;
  @IsIn(WETTEN) wet!: Wet;
  @IsOptional() @Matches(PRODUCTCATEGORIE) productcategorie?: string;
  @Matches(DATUM) besluitdatum!: string;
  @IsString() @Length(1, 500) reden!: string;
  @IsOptional() @IsUUID() aanmeldingId?: string;
}

export type AanvraagAfgewezen = DomainEvent<'AanvraagAfgewezen', AanvraagAfgewezenV1>;
export type AfwijzingEvent = AanvraagAfgewezen | RegistratieIngetrokken;

defineEvent({
  type: 'AanvraagAfgewezen',
  streamType: AFWIJZING_STREAM,
  schemas: { 1: AanvraagAfgewezenV1 },
  persoonlijk: { verborgen: ['reden'], onthuld: ['huishoudenId'] },
});
