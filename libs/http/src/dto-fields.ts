import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { IsKalenderdatum } from './validators.js';

/*
 * Field decorators shared by the request bodies of all apps, so that a date, a code or an id is
 * checked (and documented) the same way everywhere. Messages never repeat the value.
 */

/**
 * An optional body field: it may be left out, but when present (null included) it is checked.
 * class-validator's IsOptional skips null too, which let `"leveringsvorm": null` reach a decider.
 */
export const AlsGegeven = () => ValidateIf((_o: object, v: unknown) => v !== undefined);

/** iWmo / iJw productcategorie codes are two digits; a gemeente's own codes may be longer. */
export const PRODUCTCATEGORIE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

export const Productcategorie = (opts: { optional?: boolean; description?: string } = {}) =>
  applyDecorators(
    (opts.optional ? ApiPropertyOptional : ApiProperty)({
      type: String,
      example: '01',
      description: opts.description ?? 'iWmo (01–18) of iJw (40–55) productcategorie, of een eigen code van de gemeente',
    }),
    ...(opts.optional ? [AlsGegeven()] : []),
    Matches(PRODUCTCATEGORIE_CODE, { message: 'productcategorie: een iWmo/iJw-code zoals 01 of 45, of een eigen code van de gemeente' }),
  );

export const Datum = (opts: { nietInToekomst?: boolean; optional?: boolean; nullable?: boolean; description?: string } = {}) =>
  applyDecorators(
    (opts.optional ? ApiPropertyOptional : ApiProperty)({
      type: String,
      format: 'date',
      example: '2016-04-01',
      nullable: opts.nullable,
      description: opts.description,
    }),
    ...(opts.optional ? [ValidateIf((_o: object, v: unknown) => v !== undefined && !(opts.nullable && v === null))] : []),
    IsKalenderdatum({ nietInToekomst: opts.nietInToekomst }),
  );

export const Uuid = (opts: { optional?: boolean; description?: string } = {}) =>
  applyDecorators(
    (opts.optional ? ApiPropertyOptional : ApiProperty)({ format: 'uuid', description: opts.description }),
    ...(opts.optional ? [AlsGegeven()] : []),
    IsUUID('all', { message: (a) => `${a.property} moet een uuid zijn` }),
  );

export const Code = <T extends string>(codes: readonly T[], opts: { optional?: boolean; description?: string } = {}) =>
  applyDecorators(
    (opts.optional ? ApiPropertyOptional : ApiProperty)({ enum: codes, description: opts.description }),
    ...(opts.optional ? [AlsGegeven()] : []),
    IsIn(codes, { message: (a) => `${a.property} moet een van ${codes.join(', ')} zijn` }),
  );

/** A free code of the gemeente's choosing (onderwerp, eigen productcategorie): lower case, digits, `-`. */
export const VrijeCode = (opts: { optional?: boolean; description?: string; pattern?: RegExp } = {}) => {
  const pattern = opts.pattern ?? /^[a-z0-9][a-z0-9-]{0,63}$/;
  return applyDecorators(
    (opts.optional ? ApiPropertyOptional : ApiProperty)({ type: String, pattern: pattern.source, description: opts.description }),
    ...(opts.optional ? [AlsGegeven()] : []),
    IsString({ message: (a) => `${a.property} moet een tekst zijn` }),
    Matches(pattern, { message: (a) => `${a.property} heeft niet de vorm ${pattern.source}` }),
  );
};

export const Tekst = (opts: { max?: number; optional?: boolean; description?: string } = {}) =>
  applyDecorators(
    (opts.optional ? ApiPropertyOptional : ApiProperty)({ type: String, maxLength: opts.max ?? 500, description: opts.description }),
    ...(opts.optional ? [AlsGegeven()] : []),
    IsString({ message: (a) => `${a.property} moet een tekst zijn` }),
    Length(1, opts.max ?? 500, { message: (a) => `${a.property}: 1 tot ${opts.max ?? 500} tekens` }),
  );

export class PositieAntwoord {
  @ApiProperty({ description: 'Globale positie van het laatste opgeslagen event (voor minPositie)' }) positie!: number;
}
