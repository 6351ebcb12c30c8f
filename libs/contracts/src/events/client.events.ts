import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { GESLACHTEN, type Geslacht, VERGETEN_GRONDSLAGEN, type VergetenGrondslag } from '../codes.js';
import { defineEvent, type DomainEvent } from '../event-contract.js';
import { DATUM, GEMEENTE, HUISHOUDEN_ID } from './registratie.events.js';

/** Data of ClientGeregistreerd, schema version 1. Holds the BSN: never published as-is. */
export class ClientGeregistreerdV1 {
  @IsUUID() clientId!: string;
  @Matches(/^\d{9}$/) bsn!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) geboortedatum!: string;
  @IsIn(GESLACHTEN) geslacht!: Geslacht;
  @Matches(GEMEENTE) gemeente!: string;
  @IsOptional() @Matches(HUISHOUDEN_ID) huishoudenId?: string;
}

/**
 * Data of ClientVergeten, schema version 1: the client's key and BSN index entry are destroyed, so
 * every personal field of their history reads `[vergeten]`. The toelichting beheer types may name
 * the person: it is stored under that same key, and so forgotten with the rest.
 */
export class ClientVergetenV1 {
  @IsUUID() clientId!: string;
  @Matches(GEMEENTE) gemeente!: string;
  @IsIn(VERGETEN_GRONDSLAGEN) grondslag!: VergetenGrondslag;
  @IsOptional() @IsString() @Length(1, 500) toelichting?: string;
  /** The calendar day of the erasure (Europe/Amsterdam). */
  @Matches(DATUM) vergetenOp!: string;
}

export type ClientGeregistreerd = DomainEvent<'ClientGeregistreerd', ClientGeregistreerdV1>;
export type ClientVergeten = DomainEvent<'ClientVergeten', ClientVergetenV1>;
export type ClientEvent = ClientGeregistreerd | ClientVergeten;

export const CLIENT_STREAM = 'client';

defineEvent({
  type: 'ClientGeregistreerd',
  streamType: CLIENT_STREAM,
  schemas: { 1: ClientGeregistreerdV1 },
  persoonlijk: { verborgen: ['bsn', 'geboortedatum'], onthuld: ['geslacht', 'huishoudenId'] },
});
defineEvent({
  type: 'ClientVergeten',
  streamType: CLIENT_STREAM,
  schemas: { 1: ClientVergetenV1 },
  persoonlijk: { verborgen: ['toelichting'] },
});
