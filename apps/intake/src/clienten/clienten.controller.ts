import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import { answerCreated, CLIENT, CommandHandler, CommandMeta, type CommandMetadata, StateReader, UuidParam } from '@sd/commands';
import { clientIdVoor, clientStreamId } from '@sd/domain';
import type { WithHeaders } from '@sd/http';
import { uitAntwoord, uitStream, Verwerking } from '@sd/logboek';
import { ClientGeregistreerdAntwoord, RegistreerClientDto } from './registreer-client.dto.js';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config.js';
import { DossierService } from './dossier.service.js';

@ApiTags('clienten')
@ApiBearerAuth()
@Controller('clienten')
export class ClientenController {
  constructor(
    private readonly commands: CommandHandler,
    private readonly reader: StateReader,
    private readonly dossiers: DossierService,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  @Post()
  @Rollen('consulent')
  @Verwerking('registreren-client', { betrokkene: uitAntwoord('clientId') })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Zelfde sleutel en body: zelfde antwoord, niets dubbel' })
  @ApiCreatedResponse({ type: ClientGeregistreerdAntwoord })
  @ApiConflictResponse({ description: 'Deze cliënt bestaat al in deze gemeente; de body noemt de clientId' })
  async registreer(
    @Body() body: RegistreerClientDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<WithHeaders<ClientGeregistreerdAntwoord>> {
    const clientId = clientIdVoor(body.gemeente, body.bsn, this.config.pseudoniemSleutel);
    const command = { type: 'RegistreerClient', clientId, ...body } as const;
    const result = await this.commands.handle({ aggregate: CLIENT, id: clientId, gemeente: body.gemeente, command, metadata });
    return answerCreated(result, '/clienten', 'clientId');
  }

  /** The client as registered, BSN included: only consultants of the client's gemeente get here. */
  @Get(':id')
  @Rollen('consulent')
  @Verwerking('inzien-client', { betrokkene: uitStream((p) => clientStreamId(p.id)) })
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal) {
    return this.reader.read(CLIENT, id, gebruiker);
  }

  /** The client's aanmeldingen, voorzieningen, uitkeringen, afwijzingen and bezwaren, each as it stands now. */
  @Get(':id/dossier')
  @Rollen('consulent')
  @Verwerking('inzien-dossier', { betrokkene: uitStream((p) => clientStreamId(p.id)) })
  async dossier(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal) {
    // The body only: the dossier spans many streams, so the client's version is not its ETag.
    const { body: client } = await this.reader.read(CLIENT, id, gebruiker);
    return { client, ...(await this.dossiers.voor(id)) };
  }
}
