import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { AFRONDING_UITKOMSTEN, type AfrondingUitkomst, VERWIJZERS, type Verwijzer, WETTEN, type Wet } from '../codes.js';
import { defineEvent, type DomainEvent } from '../event-contract.js';
import { DATUM, GEMEENTE, HUISHOUDEN_ID, type RegistratieIngetrokken } from './registratie.events.js';

export const AANMELDING_STREAM = 'aanmelding';

/**
 * Data of AanmeldingOntvangen, schema version 1. Carries gemeente, huishouden and wet of the
 * client so the wachtlijst projection needs no other stream.
 */
export class AanmeldingOntvangenV1 {
  @IsUUID() aanmeldingId!: string;
  @IsUUID() clientId!: string;
  @Matches(GEMEENTE) gemeente!: string;
  @IsOptional() @Matches(HUISHOUDEN_ID) huishoudenId?: string;
  @IsIn(WETTEN) wet!: Wet;
  @Matches(DATUM) ontvangenOp!: string;
  @IsOptional() @IsIn(VERWIJZERS) verwijzer?: Verwijzer;
}

/** Data of AanmeldingAfgerond, schema version 1. */
export class AanmeldingAfgerondV1 {
  @IsUUID() aanmeldingId!: string;
  @Matches(DATUM) afgerondOp!: string;
  @IsIn(AFRONDING_UITKOMSTEN) uitkomst!: AfrondingUitkomst;
}

export type AanmeldingOntvangen = DomainEvent<'AanmeldingOntvangen', AanmeldingOntvangenV1>;
export type AanmeldingAfgerond = DomainEvent<'AanmeldingAfgerond', AanmeldingAfgerondV1>;
export type AanmeldingEvent = AanmeldingOntvangen | AanmeldingAfgerond | RegistratieIngetrokken;

defineEvent({
  type: 'AanmeldingOntvangen',
  streamType: AANMELDING_STREAM,
  schemas: { 1: AanmeldingOntvangenV1 },
  persoonlijk: { onthuld: ['huishoudenId'] },
});
defineEvent({ type: 'AanmeldingAfgerond', streamType: AANMELDING_STREAM, schemas: { 1: AanmeldingAfgerondV1 } });
