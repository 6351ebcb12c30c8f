import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { BEEINDIGING_REDENEN, type BeeindigingReden, LEVERINGSVORMEN, type Leveringsvorm, REGELINGEN, type Regeling, WETTEN, type Wet } from '@sd/domain';
import { Code, Datum, Tekst, Uuid } from '@sd/http';

const PRODUCTCATEGORIE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
const productcategorieMessage = 'productcategorie: een iWmo/iJw-code zoals 01 of 45, of een eigen code van de gemeente';

export class KenVoorzieningToeDto {
  @Uuid() clientId!: string;
  @Code(WETTEN) wet!: Wet;
  @ApiProperty({ example: '45', description: 'iWmo (01–18) of iJw (40–55) productcategorie, of een eigen code' })
  @Matches(PRODUCTCATEGORIE, { message: productcategorieMessage })
  productcategorie!: string;
  @Code(LEVERINGSVORMEN) leveringsvorm!: Leveringsvorm;
  @Datum({ nietInToekomst: true }) besluitdatum!: string;
  @Datum() ingangsdatum!: string;
  @Datum({ optional: true, description: 'Laatste dag van het recht (t/m)' }) einddatum?: string;
  @Uuid({ optional: true }) aanmeldingId?: string;
}

export class StartLeveringDto {
  @Datum({ nietInToekomst: true }) datum!: string;
}

export class BeeindigVoorzieningDto {
  @Datum({ description: 'Laatste dag van het recht (t/m)' }) einddatum!: string;
  @Code(BEEINDIGING_REDENEN) reden!: BeeindigingReden;
}

export class CorrigeerVoorzieningDto {
  @Datum({ optional: true }) ingangsdatum?: string;
  @Datum({ optional: true, nullable: true, description: 'null haalt de einddatum weg' }) einddatum?: string | null;
  @ApiPropertyOptional() @IsOptional() @Matches(PRODUCTCATEGORIE, { message: productcategorieMessage }) productcategorie?: string;
  @Code(LEVERINGSVORMEN, { optional: true }) leveringsvorm?: Leveringsvorm;
  @Code(REGELINGEN, { optional: true, description: 'Alleen voor uitkeringen' }) regeling?: Regeling;
  @Tekst({ description: 'Waarom de registratie wordt gecorrigeerd' }) reden!: string;
}

export class IntrekkingDto {
  @Tekst({ description: 'Waarom de registratie een vergissing was' }) reden!: string;
}

export class VoorzieningToegekendAntwoord {
  @ApiProperty({ format: 'uuid' }) voorzieningId!: string;
  @ApiProperty() positie!: number;
}
