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
  UuidParam,
  VOORZIENING,
} from '@sd/commands';
import type { WithHeaders } from '@sd/http';
import {
  BeeindigVoorzieningDto,
  CorrigeerVoorzieningDto,
  IntrekkingDto,
  KenVoorzieningToeDto,
  StartLeveringDto,
  VoorzieningToegekendAntwoord,
} from './voorziening.dto.js';

@ApiTags('voorzieningen')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('voorzieningen')
export class VoorzieningenController {
  constructor(
    private readonly commands: CommandHandler,
    private readonly feiten: Feiten,
    private readonly reader: StateReader,
  ) {}

  /** Toekenning: a beschikking grants a voorziening to a client. */
  @Post()
  @Rollen('consulent')
  async kenToe(@Body() body: KenVoorzieningToeDto, @CommandMeta() metadata: CommandMetadata): Promise<WithHeaders<VoorzieningToegekendAntwoord>> {
    const voorzieningId = randomUUID();
    const feiten = await this.feiten.voorBesluit(body.clientId, body.wet, body.aanmeldingId);
    const result = await this.commands.handle({
      aggregate: VOORZIENING,
      id: voorzieningId,
      newStream: true,
      gemeente: feiten.client?.gemeente,
      command: { type: 'KenVoorzieningToe', voorzieningId, ...body, ...feiten },
      metadata,
    });
    return answerCreated(result, '/voorzieningen', 'voorzieningId');
  }

  @FollowUp(':id/start-levering')
  async startLevering(@UuidParam('id') id: string, @Body() body: StartLeveringDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'StartLevering', ...body } as const;
    return answerPosition(await this.commands.handle({ aggregate: VOORZIENING, id, command, metadata }));
  }

  @FollowUp(':id/beeindiging')
  async beeindig(@UuidParam('id') id: string, @Body() body: BeeindigVoorzieningDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'BeeindigVoorziening', ...body } as const;
    return answerPosition(await this.commands.handle({ aggregate: VOORZIENING, id, command, metadata }));
  }

  @FollowUp(':id/correctie')
  async corrigeer(@UuidParam('id') id: string, @Body() body: CorrigeerVoorzieningDto, @CommandMeta() metadata: CommandMetadata) {
    const feiten = await this.feiten.voorCorrectie(id, body.productcategorie);
    const command = { type: 'CorrigeerVoorziening', ...body, ...feiten } as const;
    return answerPosition(await this.commands.handle({ aggregate: VOORZIENING, id, command, metadata }));
  }

  @FollowUp(':id/intrekking')
  async trekIn(@UuidParam('id') id: string, @Body() body: IntrekkingDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'TrekVoorzieningIn', ...body } as const;
    return answerPosition(await this.commands.handle({ aggregate: VOORZIENING, id, command, metadata }));
  }

  @Get(':id')
  @Rollen('consulent')
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal) {
    return this.reader.read(VOORZIENING, id, gebruiker);
  }
}
