import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, Matches } from 'class-validator';
import { defineEvent, type DomainEvent } from '../event-contract.js';
import { GEMEENTE } from './registratie.events.js';

/** A regio's code: letters, digits and hyphens (`BMWE`, `drechtsteden`). */
export const REGIO_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/;

/** Data of RegioVastgesteld, schema version 1: the gemeenten that report together under a name. */
export class RegioVastgesteldV1 {
  @Matches(REGIO_CODE) code!: string;
  @IsString() @Length(1, 100) naam!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(400) @Matches(GEMEENTE, { each: true }) gemeenten!: string[];
}

export type RegioVastgesteld = DomainEvent<'RegioVastgesteld', RegioVastgesteldV1>;
export type RegioEvent = RegioVastgesteld;

/** One stream per regio: `regio-BMWE`; each event replaces the definition before it. */
export const REGIO_STREAM = 'regio';

defineEvent({ type: 'RegioVastgesteld', streamType: REGIO_STREAM, schemas: { 1: RegioVastgesteldV1 }, openbaar: ['naam'] });
