import { Body, Controller, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { eisGemeente, Rollen } from '@sd/auth';
import { type CommandContext, CommandService, Opdracht } from '@sd/commands';
import { CLIENT_STREAM } from '@sd/contracts';
import { clientDecider, clientIdVoor, clientStreamId } from '@sd/domain';
import { ClientGeregistreerdAntwoord, RegistreerClientDto } from './registreer-client.dto.js';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config.js';

@ApiTags('clienten')
@ApiBearerAuth()
@Controller('clienten')
export class ClientenController {
  constructor(
    private readonly commands: CommandService,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  @Post()
  @Rollen('consulent')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Zelfde sleutel en body: zelfde antwoord, niets dubbel' })
  @ApiCreatedResponse({ type: ClientGeregistreerdAntwoord })
  @ApiConflictResponse({ description: 'Deze cliënt bestaat al in deze gemeente; de body noemt de clientId' })
  async registreer(
    @Body() body: RegistreerClientDto,
    @Opdracht() opdracht: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClientGeregistreerdAntwoord> {
    eisGemeente(opdracht.principal, body.gemeente);
    const clientId = clientIdVoor(body.gemeente, body.bsn, this.config.pseudoniemSleutel);
    const result = await this.commands.execute({
      streamId: clientStreamId(clientId),
      streamType: CLIENT_STREAM,
      gemeente: body.gemeente,
      decider: clientDecider,
      command: { type: 'RegistreerClient', clientId, ...body },
      context: opdracht,
    });
    res.location(`/clienten/${clientId}`).setHeader('ETag', `"${result.versie}"`);
    return { clientId, positie: result.positie };
  }
}
