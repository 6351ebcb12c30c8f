import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { GEMEENTE_CODE, GESLACHTEN, type Geslacht, HUISHOUDEN_ID } from '@sd/domain';
import { AlsGegeven, IsBsn, IsKalenderdatum } from '@sd/http';

export class RegistreerClientDto {
  @ApiProperty({ description: 'Burgerservicenummer (9 cijfers, elfproef)', example: '111222333' })
  @IsString({ message: 'bsn moet een tekst van 9 cijfers zijn' })
  @IsBsn()
  bsn!: string;

  @ApiProperty({ format: 'date', example: '1980-01-31' })
  @IsKalenderdatum({ nietInToekomst: true })
  geboortedatum!: string;

  @ApiProperty({ enum: GESLACHTEN })
  @IsIn(GESLACHTEN, { message: `geslacht moet een van ${GESLACHTEN.join(', ')} zijn` })
  geslacht!: Geslacht;

  @ApiProperty({ description: 'CBS-code van de gemeente', example: 'GM0005' })
  @IsString({ message: 'gemeente moet een CBS-code zijn zoals GM0005' })
  @Matches(GEMEENTE_CODE, { message: 'gemeente moet een CBS-code zijn zoals GM0005' })
  gemeente!: string;

  @ApiPropertyOptional({ description: 'Eigen sleutel van de gemeente voor het huishouden', example: 'HH-2016-0042' })
  @AlsGegeven()
  @IsString({ message: 'huishoudenId: 1–64 letters, cijfers, - of _' })
  @Matches(HUISHOUDEN_ID, { message: 'huishoudenId: 1–64 letters, cijfers, - of _' })
  huishoudenId?: string;
}

export class ClientGeregistreerdAntwoord {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ description: 'Globale positie van het opgeslagen event (voor minPositie)' }) positie!: number;
}
