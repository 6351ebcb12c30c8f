import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import { answerCreated, CLIENT, CommandMeta, type CommandMetadata, StateReader, UuidParam } from '@sd/commands';
import type { WithHeaders } from '@sd/http';
import { ClientRegistratie } from './client-registratie.service.js';
import { ClientGeregistreerdAntwoord, RegistreerClientDto } from './registreer-client.dto.js';
import { DossierService } from './dossier.service.js';

@ApiTags('clienten')
@ApiBearerAuth()
@Controller('clienten')
export class ClientenController {
  constructor(
    private readonly registratie: ClientRegistratie,
    private readonly reader: StateReader,
    private readonly dossiers: DossierService,
  ) {}

  @Post()
  @Rollen('consulent')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Zelfde sleutel en body: zelfde antwoord, niets dubbel' })
  @ApiCreatedResponse({ type: ClientGeregistreerdAntwoord })
  @ApiConflictResponse({ description: 'Deze cliënt bestaat al in deze gemeente; de body noemt de clientId' })
  async registreer(
    @Body() body: RegistreerClientDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<WithHeaders<ClientGeregistreerdAntwoord>> {
    return answerCreated(await this.registratie.registreer(body, metadata), '/clienten', 'clientId');
  }

  /** The client as registered, BSN included: only consultants of the client's gemeente get here. */
  @Get(':id')
  @Rollen('consulent')
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal) {
    return this.reader.read(CLIENT, id, gebruiker);
  }

  /** The client's aanmeldingen, voorzieningen, uitkeringen, afwijzingen and bezwaren, each as it stands now. */
  @Get(':id/dossier')
  @Rollen('consulent')
  async dossier(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal) {
    // The body only: the dossier spans many streams, so the client's version is not its ETag.
    const { body: client } = await this.reader.read(CLIENT, id, gebruiker);
    return { client, ...(await this.dossiers.voor(id)) };
  }
}
