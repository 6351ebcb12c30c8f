import { Body, Controller, Get, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { eisGemeente, Gebruiker, type Principal, Rollen } from '@sd/auth';
import { type CommandContext, Opdracht, Registraties, UuidParam } from '@sd/commands';
import { CLIENT_STREAM } from '@sd/contracts';
import { clientDecider, clientIdVoor, clientStreamId } from '@sd/domain';
import { ClientGeregistreerdAntwoord, RegistreerClientDto } from './registreer-client.dto.js';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config.js';
import { DossierService } from './dossier.service.js';

@ApiTags('clienten')
@ApiBearerAuth()
@Controller('clienten')
export class ClientenController {
  constructor(
    private readonly registraties: Registraties,
    private readonly dossiers: DossierService,
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
    const result = await this.registraties.voerUit(
      {
        streamId: clientStreamId(clientId),
        streamType: CLIENT_STREAM,
        gemeente: body.gemeente,
        decider: clientDecider,
        command: { type: 'RegistreerClient', clientId, ...body },
        context: opdracht,
      },
      res,
    );
    res.location(`/clienten/${clientId}`);
    return { clientId, positie: result.positie };
  }

  /** The client as registered, BSN included: only consultants of the client's gemeente get here. */
  @Get(':id')
  @Rollen('consulent')
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal, @Res({ passthrough: true }) res: Response) {
    return this.registraties.lees(clientStreamId(id), clientDecider, gebruiker, res, 'Cliënt');
  }

  /** The client's aanmeldingen, voorzieningen, uitkeringen, afwijzingen and bezwaren, each as it stands now. */
  @Get(':id/dossier')
  @Rollen('consulent')
  async dossier(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal, @Res({ passthrough: true }) res: Response) {
    const client = await this.registraties.lees(clientStreamId(id), clientDecider, gebruiker, res, 'Cliënt');
    res.removeHeader('ETag'); // the dossier spans many streams; the client's version is not its version
    return { client, ...(await this.dossiers.voor(id)) };
  }
}
