import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { defineEvent, type DomainEvent } from '../event-contract.js';

/** Data of ClientGeregistreerd, schema version 1. Holds the BSN: never published as-is. */
export class ClientGeregistreerdV1 {
  @IsUUID() clientId!: string;
  @Matches(/^\d{9}$/) bsn!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) geboortedatum!: string;
  @IsIn(['man', 'vrouw', 'onbekend']) geslacht!: 'man' | 'vrouw' | 'onbekend';
  @Matches(/^GM\d{4}$/) gemeente!: string;
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,64}$/) huishoudenId?: string;
}

export type ClientGeregistreerd = DomainEvent<'ClientGeregistreerd', ClientGeregistreerdV1>;
export type ClientEvent = ClientGeregistreerd;

export const CLIENT_STREAM = 'client';

defineEvent({ type: 'ClientGeregistreerd', streamType: CLIENT_STREAM, schemas: { 1: ClientGeregistreerdV1 } });
