import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProperty, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import {
  AFWIJZING,
  answerCreated,
  answerPosition,
  CommandHandler,
  CommandMeta,
  type CommandMetadata,
  Feiten,
  FollowUp,
  StateReader,
  UuidParam,
} from '@sd/commands';
import { WETTEN, type Wet } from '@sd/domain';
import { Code, Datum, Productcategorie, Tekst, Uuid, type WithHeaders } from '@sd/http';
import { IntrekkingDto } from '../voorzieningen/voorziening.dto.js';

export class WijsAanvraagAfDto {
  @Uuid() clientId!: string;
  @Code(WETTEN) wet!: Wet;
  @Productcategorie({ optional: true }) productcategorie?: string;
  @Datum({ nietInToekomst: true }) besluitdatum!: string;
  @Tekst({ description: 'Grond van de afwijzing' }) reden!: string;
  @Uuid({ optional: true }) aanmeldingId?: string;
}

export class AfwijzingAntwoord {
  @ApiProperty({ format: 'uuid' }) afwijzingId!: string;
  @ApiProperty() positie!: number;
}

/** An afwijzing (refusal) is a besluit of its own: a bezwaar can contest it. */
@ApiTags('afwijzingen')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('afwijzingen')
export class AfwijzingenController {
  constructor(
    private readonly commands: CommandHandler,
    private readonly feiten: Feiten,
    private readonly reader: StateReader,
  ) {}

  @Post()
  @Rollen('consulent')
  async wijsAf(@Body() body: WijsAanvraagAfDto, @CommandMeta() metadata: CommandMetadata): Promise<WithHeaders<AfwijzingAntwoord>> {
    const afwijzingId = randomUUID();
    const feiten = await this.feiten.voorBesluit(body.clientId, body.wet, body.aanmeldingId);
    const command = { type: 'WijsAanvraagAf', afwijzingId, ...body, ...feiten } as const;
    const result = await this.commands.handle({ aggregate: AFWIJZING, id: afwijzingId, newStream: true, gemeente: feiten.client?.gemeente, command, metadata });
    return answerCreated(result, '/afwijzingen', 'afwijzingId');
  }

  @FollowUp(':id/intrekking')
  async trekIn(@UuidParam('id') id: string, @Body() body: IntrekkingDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'TrekAfwijzingIn', ...body } as const;
    return answerPosition(await this.commands.handle({ aggregate: AFWIJZING, id, command, metadata }));
  }

  @Get(':id')
  @Rollen('consulent')
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal) {
    return this.reader.read(AFWIJZING, id, gebruiker);
  }
}
