import { IsIn, IsString, Length, Matches } from 'class-validator';
import { defineEvent, type DomainEvent } from '../event-contract.js';
import { GEMEENTE, PRODUCTCATEGORIE } from './registratie.events.js';

/** Data of ProductcategorieToegevoegd, schema version 1: a gemeente's own productcategorie code. */
export class ProductcategorieToegevoegdV1 {
  @Matches(GEMEENTE) gemeente!: string;
  @IsIn(['wmo', 'jeugdwet']) wet!: 'wmo' | 'jeugdwet';
  @Matches(PRODUCTCATEGORIE) code!: string;
  @IsString() @Length(1, 200) naam!: string;
}

export type ProductcategorieToegevoegd = DomainEvent<'ProductcategorieToegevoegd', ProductcategorieToegevoegdV1>;
export type CodelijstEvent = ProductcategorieToegevoegd;

/** One stream per gemeente: `codelijst-GM0005`. */
export const CODELIJST_STREAM = 'codelijst';

defineEvent({
  type: 'ProductcategorieToegevoegd',
  streamType: CODELIJST_STREAM,
  schemas: { 1: ProductcategorieToegevoegdV1 },
  openbaar: ['naam'],
});
