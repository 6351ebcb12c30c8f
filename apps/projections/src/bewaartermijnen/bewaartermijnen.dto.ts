import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsKalenderdatum } from '@sd/http';

/** `na`: the `volgende` of the previous page, `<verlooptOp>_<clientId>`. */
export const CURSOR = /^(\d{4}-\d{2}-\d{2})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
export const MAX_LIMIT = 5000;

/** GET /beheer/bewaartermijnen/verlopen */
export class VerlopenVraagDto {
  @ApiProperty({ description: 'De gemeente (CBS-code); moet in het token staan', example: 'GM0005' })
  @Matches(/^GM\d{4}$/, { message: 'gemeente: één CBS-code zoals GM0005' })
  gemeente!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Verlopen vóór deze dag; standaard vandaag (Europe/Amsterdam)' })
  @IsOptional()
  @IsKalenderdatum()
  peildatum?: string;

  @ApiPropertyOptional({ description: `Cliënten per pagina (1–${MAX_LIMIT}, standaard 1000)` })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit moet een geheel getal zijn' })
  @Min(1, { message: `limit moet tussen 1 en ${MAX_LIMIT} liggen` })
  @Max(MAX_LIMIT, { message: `limit moet tussen 1 en ${MAX_LIMIT} liggen` })
  limit?: number;

  @ApiPropertyOptional({ description: 'De volgende pagina: `volgende` uit het vorige antwoord' })
  @IsOptional()
  @Matches(CURSOR, { message: 'na: de waarde van volgende uit het vorige antwoord (JJJJ-MM-DD_<clientId>)' })
  na?: string;

  @ApiPropertyOptional({ description: 'Wacht (max. 10 s) tot het leesmodel deze positie heeft verwerkt' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minPositie moet een geheel getal zijn' })
  @Min(0, { message: 'minPositie moet 0 of meer zijn' })
  minPositie?: number;
}

class VerlopenClientDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'date', description: 'Einde van het item waarvan de termijn het laatst afloopt' }) laatsteEinde!: string;
  @ApiProperty({ description: 'De wet van dat item' }) wet!: string;
  @ApiProperty({ format: 'date', description: 'Laatste dag van de bewaartermijn' }) verlooptOp!: string;
}

export class VerlopenAntwoordDto {
  @ApiProperty({ format: 'date' }) peildatum!: string;
  @ApiProperty() gemeente!: string;
  @ApiProperty({ description: 'Jaren per wet', example: { wmo: 15, jeugdwet: 20, participatiewet: 10 } })
  termijnen!: Record<string, number>;
  @ApiProperty({ description: 'De laatste globale positie die het leesmodel voor deze gemeente had verwerkt' }) positie!: number;
  @ApiProperty({ description: 'Alle verlopen cliënten, niet alleen deze pagina' }) aantal!: number;
  @ApiProperty({ type: [VerlopenClientDto], description: 'Op verlooptOp, dan clientId' }) clienten!: VerlopenClientDto[];
  @ApiPropertyOptional({ description: 'Voor de volgende pagina: ?na=<volgende>; ontbreekt op de laatste' }) volgende?: string;
}
