import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { IsKalenderdatum } from './validators.js';

/*
 * Field decorators shared by the request bodies of all apps, so that a date, a code or an id is
 * checked (and documented) the same way everywhere. Messages never repeat the value.
 */

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
    ...(opts.optional ? [IsOptional()] : []),
    IsUUID('all', { message: (a) => `${a.property} moet een uuid zijn` }),
  );

export const Code = <T extends string>(codes: readonly T[], opts: { optional?: boolean; description?: string } = {}) =>
  applyDecorators(
    (opts.optional ? ApiPropertyOptional : ApiProperty)({ enum: codes, description: opts.description }),
    ...(opts.optional ? [IsOptional()] : []),
    IsIn(codes, { message: (a) => `${a.property} moet een van ${codes.join(', ')} zijn` }),
  );

/** A free code of the gemeente's choosing (onderwerp, eigen productcategorie): lower case, digits, `-`. */
export const VrijeCode = (opts: { optional?: boolean; description?: string; pattern?: RegExp } = {}) => {
  const pattern = opts.pattern ?? /^[a-z0-9][a-z0-9-]{0,63}$/;
  return applyDecorators(
    (opts.optional ? ApiPropertyOptional : ApiProperty)({ type: String, pattern: pattern.source, description: opts.description }),
    ...(opts.optional ? [IsOptional()] : []),
    IsString({ message: (a) => `${a.property} moet een tekst zijn` }),
    Matches(pattern, { message: (a) => `${a.property} heeft niet de vorm ${pattern.source}` }),
  );
};

export const Tekst = (opts: { max?: number; optional?: boolean; description?: string } = {}) =>
  applyDecorators(
    (opts.optional ? ApiPropertyOptional : ApiProperty)({ type: String, maxLength: opts.max ?? 500, description: opts.description }),
    ...(opts.optional ? [IsOptional()] : []),
    IsString({ message: (a) => `${a.property} moet een tekst zijn` }),
    Length(1, opts.max ?? 500, { message: (a) => `${a.property}: 1 tot ${opts.max ?? 500} tekens` }),
  );

export class PositieAntwoord {
  @ApiProperty({ description: 'Globale positie van het laatste opgeslagen event (voor minPositie)' }) positie!: number;
}
