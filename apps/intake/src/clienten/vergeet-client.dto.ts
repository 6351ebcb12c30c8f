import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { VERGETEN_GRONDSLAGEN, type VergetenGrondslag } from '@sd/domain';
import { Tekst } from '@sd/http';

export class VergeetClientDto {
  @ApiProperty({ enum: VERGETEN_GRONDSLAGEN, description: 'Waarom de persoonsgegevens worden gewist (AVG art. 17)' })
  @IsIn(VERGETEN_GRONDSLAGEN, { message: `grondslag moet een van ${VERGETEN_GRONDSLAGEN.join(', ')} zijn` })
  grondslag!: VergetenGrondslag;

  @Tekst({ optional: true, description: 'Toelichting; wordt met de rest van de persoonsgegevens vergeten' })
  toelichting?: string;
}

export class ClientVergetenAntwoord {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ description: 'Globale positie van het event ClientVergeten (voor minPositie)' }) positie!: number;
}
