import { IsInt, Matches, Max, Min } from 'class-validator';
import { defineEvent, type DomainEvent } from '../event-contract.js';
import { GEMEENTE } from './registratie.events.js';

/** Data of BevolkingVastgesteld, schema version 1: a gemeente's population for a year (CBS figures). */
export class BevolkingVastgesteldV1 {
  @Matches(GEMEENTE) gemeente!: string;
  @IsInt() @Min(1900) @Max(2200) jaar!: number;
  @IsInt() @Min(0) inwoners!: number;
  @IsInt() @Min(0) huishoudens!: number;
}

export type BevolkingVastgesteld = DomainEvent<'BevolkingVastgesteld', BevolkingVastgesteldV1>;
export type BevolkingEvent = BevolkingVastgesteld;

/** One stream per gemeente: `bevolking-GM0005`; a later figure for a year replaces the earlier. */
export const BEVOLKING_STREAM = 'bevolking';

defineEvent({ type: 'BevolkingVastgesteld', streamType: BEVOLKING_STREAM, schemas: { 1: BevolkingVastgesteldV1 } });
