import { IsBoolean, IsIn, IsUUID, Matches } from 'class-validator';
import { BEZWAAR_UITKOMSTEN, type BezwaarUitkomst, WETTEN, type Wet } from '../codes.js';
import { defineEvent, type DomainEvent } from '../event-contract.js';
import { DATUM, GEMEENTE, type RegistratieIngetrokken } from './registratie.events.js';

export const BEZWAAR_STREAM = 'bezwaar';

/** The gemeente's own code for what the bezwaar is about (e.g. `huishoudelijke-hulp`, `pgb`). */
const ONDERWERP = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Data of BezwaarOntvangen, schema version 1. Copies gemeente, client and wet of the besluit so the
 * bezwaren report filters without reading the besluit's stream. `uiterlijkeBeslisdatum` is the last
 * day of the Awb beslistermijn as it stood on receipt (the date the ontvangstbevestiging names).
 */
export class BezwaarOntvangenV1 {
  @IsUUID() bezwaarId!: string;
  @IsUUID() besluitId!: string;
  @IsIn(['voorziening', 'uitkering', 'afwijzing']) besluitsoort!: 'voorziening' | 'uitkering' | 'afwijzing';
  @Matches(GEMEENTE) gemeente!: string;
  @IsUUID() clientId!: string;
  @IsIn(WETTEN) wet!: Wet;
  @Matches(DATUM) ontvangenOp!: string;
  @Matches(ONDERWERP) onderwerp!: string;
  @IsBoolean() adviescommissie!: boolean;
  @Matches(DATUM) bekendmakingOp!: string;
  @Matches(DATUM) uiterlijkeBeslisdatum!: string;
}

/** Data of BezwaarVerdaagd, schema version 1 (Awb 7:10 lid 3): the beslistermijn moves six weeks. */
export class BezwaarVerdaagdV1 {
  @IsUUID() bezwaarId!: string;
  @Matches(DATUM) verdaagdOp!: string;
  @Matches(DATUM) uiterlijkeBeslisdatum!: string;
}

/** Data of BezwaarAfgehandeld, schema version 1. `binnenTermijn` as judged against `uiterlijkeBeslisdatum`. */
export class BezwaarAfgehandeldV1 {
  @IsUUID() bezwaarId!: string;
  @Matches(DATUM) afgehandeldOp!: string;
  @IsIn(BEZWAAR_UITKOMSTEN) uitkomst!: BezwaarUitkomst;
  @Matches(DATUM) uiterlijkeBeslisdatum!: string;
  @IsBoolean() binnenTermijn!: boolean;
}

export type BezwaarOntvangen = DomainEvent<'BezwaarOntvangen', BezwaarOntvangenV1>;
export type BezwaarVerdaagd = DomainEvent<'BezwaarVerdaagd', BezwaarVerdaagdV1>;
export type BezwaarAfgehandeld = DomainEvent<'BezwaarAfgehandeld', BezwaarAfgehandeldV1>;
export type BezwaarEvent = BezwaarOntvangen | BezwaarVerdaagd | BezwaarAfgehandeld | RegistratieIngetrokken;

defineEvent({ type: 'BezwaarOntvangen', streamType: BEZWAAR_STREAM, schemas: { 1: BezwaarOntvangenV1 } });
defineEvent({ type: 'BezwaarVerdaagd', streamType: BEZWAAR_STREAM, schemas: { 1: BezwaarVerdaagdV1 } });
defineEvent({ type: 'BezwaarAfgehandeld', streamType: BEZWAAR_STREAM, schemas: { 1: BezwaarAfgehandeldV1 } });
