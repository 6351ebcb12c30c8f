import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { GESLACHTEN, type Geslacht } from '../codes.js';
import { defineEvent, type DomainEvent } from '../event-contract.js';
import { GEMEENTE, HUISHOUDEN_ID } from './registratie.events.js';

/** Data of ClientGeregistreerd, schema version 1. Holds the BSN: never published as-is. */
export class ClientGeregistreerdV1 {
  @IsUUID() clientId!: string;
  @Matches(/^\d{9}$/) bsn!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) geboortedatum!: string;
  @IsIn(GESLACHTEN) geslacht!: Geslacht;
  @Matches(GEMEENTE) gemeente!: string;
  @IsOptional() @Matches(HUISHOUDEN_ID) huishoudenId?: string;
}

export type ClientGeregistreerd = DomainEvent<'ClientGeregistreerd', ClientGeregistreerdV1>;
export type ClientEvent = ClientGeregistreerd;

export const CLIENT_STREAM = 'client';

defineEvent({
  type: 'ClientGeregistreerd',
  streamType: CLIENT_STREAM,
  schemas: { 1: ClientGeregistreerdV1 },
  persoonlijk: { verborgen: ['bsn', 'geboortedatum'], onthuld: ['geslacht', 'huishoudenId'] },
});
