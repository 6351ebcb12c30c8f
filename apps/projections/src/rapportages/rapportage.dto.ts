import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Min, ValidateIf } from 'class-validator';
import { REGIO_CODE } from '@sd/contracts';
import { LEVERINGSVORMEN, REGELINGEN, WETTEN } from '@sd/domain';
import { IsKalenderdatum, PRODUCTCATEGORIE_CODE } from '@sd/http';
import { INTERVALLEN, type Interval } from './reeks/intervallen.js';

/** The kennisdatum alone (GET /regios). */
export class KennisdatumVraagDto {
  @ApiPropertyOptional({
    description: 'Alleen wat op dit moment bekend was: ISO-tijdstip met Z of offset, of een datum (einde van die dag)',
    example: '2016-07-15T09:30:00Z',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
    message: 'kennisdatum: een datum JJJJ-MM-DD of een tijdstip met Z of offset, zoals 2016-07-15T09:30:00Z',
  })
  kennisdatum?: string;
}

/** Query parameters every report takes. */
export class RapportVraagDto extends KennisdatumVraagDto {
  @ApiPropertyOptional({
    description: 'Eén CBS-code of een kommalijst; weggelaten: alle gemeenten van het token',
    example: 'GM0005,GM0006',
  })
  @IsOptional()
  @Matches(/^GM\d{4}(,GM\d{4}){0,399}$/, { message: 'gemeente: CBS-codes zoals GM0005, gescheiden door komma’s' })
  gemeente?: string;

  @ApiPropertyOptional({ description: 'In plaats van gemeente: de gemeenten van deze regio (GET /regios)', example: 'BMWE' })
  @IsOptional()
  @Matches(REGIO_CODE, { message: 'regio: 2–32 letters, cijfers of -, zoals BMWE' })
  regio?: string;

  @ApiPropertyOptional({ enum: WETTEN })
  @IsOptional()
  @IsIn(WETTEN, { message: `wet moet een van ${WETTEN.join(', ')} zijn` })
  wet?: string;

  @ApiPropertyOptional({ example: '01' })
  @IsOptional()
  @Matches(PRODUCTCATEGORIE_CODE, { message: 'productcategorie: een code zoals 01 of 45' })
  productcategorie?: string;

  @ApiPropertyOptional({ enum: LEVERINGSVORMEN })
  @IsOptional()
  @IsIn(LEVERINGSVORMEN, { message: `leveringsvorm moet een van ${LEVERINGSVORMEN.join(', ')} zijn` })
  leveringsvorm?: string;

  @ApiPropertyOptional({ enum: REGELINGEN })
  @IsOptional()
  @IsIn(REGELINGEN, { message: `regeling moet een van ${REGELINGEN.join(', ')} zijn` })
  regeling?: string;

  @ApiPropertyOptional({ description: 'Wacht (max. 10 s) tot het leesmodel deze positie heeft verwerkt' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minPositie moet een geheel getal zijn' })
  @Min(0, { message: 'minPositie moet 0 of meer zijn' })
  minPositie?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Publicatiemodus: 0–7 geheim, de rest afgerond op vijftallen' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'publicatie moet true of false zijn' })
  publicatie?: 'true' | 'false';
}

export class PeildatumVraagDto extends RapportVraagDto {
  @ApiPropertyOptional({ format: 'date', example: '2016-06-30' })
  @IsKalenderdatum()
  peildatum!: string;
}

const PERIODE = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/;

export class PeriodeVraagDto extends RapportVraagDto {
  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf((o: PeriodeVraagDto) => o.periode === undefined || o.van !== undefined)
  @IsKalenderdatum()
  van?: string;
  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf((o: PeriodeVraagDto) => o.periode === undefined || o.tot !== undefined)
  @IsKalenderdatum()
  tot?: string;
  @ApiPropertyOptional({ description: 'In plaats van van/tot: 2016-05, 2016-Q2, 2016-H1 of 2016' })
  @IsOptional()
  @Matches(PERIODE, { message: 'periode: een maand 2016-05, kwartaal 2016-Q2, halfjaar 2016-H1 of jaar 2016' })
  periode?: string;
}

export class StapelingVraagDto extends RapportVraagDto {
  @ApiPropertyOptional({ format: 'date', description: 'Peildatum, of een periode (van/tot of periode)' })
  @ValidateIf((o: StapelingVraagDto) => o.van === undefined && o.tot === undefined && o.periode === undefined)
  @IsKalenderdatum()
  peildatum?: string;
  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf((o: StapelingVraagDto) => o.tot !== undefined || o.van !== undefined)
  @IsKalenderdatum()
  van?: string;
  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf((o: StapelingVraagDto) => o.tot !== undefined || o.van !== undefined)
  @IsKalenderdatum()
  tot?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PERIODE, { message: 'periode: een maand 2016-05, kwartaal 2016-Q2, halfjaar 2016-H1 of jaar 2016' })
  periode?: string;
}

export const RAPPORTEN = ['stand', 'instroom-uitstroom', 'wachtlijst', 'stapeling', 'bezwaren'] as const;

/** GET /rapportages/reeks: one report per interval from van to tot. */
export class ReeksVraagDto extends RapportVraagDto {
  @ApiProperty({ enum: RAPPORTEN })
  @IsIn(RAPPORTEN, { message: `rapport moet een van ${RAPPORTEN.join(', ')} zijn` })
  rapport!: (typeof RAPPORTEN)[number];

  @ApiProperty({ format: 'date', example: '2015-01-01', description: 'Eerste dag van het eerste interval' })
  @IsKalenderdatum()
  van!: string;

  @ApiProperty({ format: 'date', example: '2017-12-31', description: 'Laatste dag van het laatste interval' })
  @IsKalenderdatum()
  tot!: string;

  @ApiProperty({
    enum: INTERVALLEN,
    description: 'Stand, wachtlijst en stapeling per laatste dag van elk interval; de andere over elk interval',
  })
  @IsIn(INTERVALLEN, { message: `interval moet een van ${INTERVALLEN.join(', ')} zijn` })
  interval!: Interval;
}
