import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import {
  answerCreated,
  answerPosition,
  CommandHandler,
  CommandMeta,
  type CommandMetadata,
  Feiten,
  FollowUp,
  StateReader,
  UITKERING,
  UuidParam,
} from '@sd/commands';
import type { WithHeaders } from '@sd/http';
import { IntrekkingDto } from '../voorzieningen/voorziening.dto.js';
import { BeeindigUitkeringDto, CorrigeerUitkeringDto, KenUitkeringToeDto, UitkeringToegekendAntwoord } from './uitkering.dto.js';

@ApiTags('uitkeringen')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('uitkeringen')
export class UitkeringenController {
  constructor(
    private readonly commands: CommandHandler,
    private readonly feiten: Feiten,
    private readonly reader: StateReader,
  ) {}

  @Post()
  @Rollen('consulent')
  async kenToe(@Body() body: KenUitkeringToeDto, @CommandMeta() metadata: CommandMetadata): Promise<WithHeaders<UitkeringToegekendAntwoord>> {
    const uitkeringId = randomUUID();
    const client = await this.feiten.client(body.clientId);
    const command = { type: 'KenUitkeringToe', uitkeringId, ...body, client } as const;
    const result = await this.commands.handle({ aggregate: UITKERING, id: uitkeringId, newStream: true, gemeente: client?.gemeente, command, metadata });
    return answerCreated(result, '/uitkeringen', 'uitkeringId');
  }

  @FollowUp(':id/beeindiging')
  async beeindig(@UuidParam('id') id: string, @Body() body: BeeindigUitkeringDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'BeeindigUitkering', ...body } as const;
    return answerPosition(await this.commands.handle({ aggregate: UITKERING, id, command, metadata }));
  }

  @FollowUp(':id/correctie')
  async corrigeer(@UuidParam('id') id: string, @Body() body: CorrigeerUitkeringDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'CorrigeerUitkering', ...body } as const;
    return answerPosition(await this.commands.handle({ aggregate: UITKERING, id, command, metadata }));
  }

  @FollowUp(':id/intrekking')
  async trekIn(@UuidParam('id') id: string, @Body() body: IntrekkingDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'TrekUitkeringIn', ...body } as const;
    return answerPosition(await this.commands.handle({ aggregate: UITKERING, id, command, metadata }));
  }

  @Get(':id')
  @Rollen('consulent')
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal) {
    return this.reader.read(UITKERING, id, gebruiker);
  }
}
