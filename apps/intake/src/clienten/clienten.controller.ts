import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import { answerCreated, CLIENT, CommandMeta, type CommandMetadata, StateReader, UuidParam } from '@sd/commands';
import { clientStreamId } from '@sd/domain';
import type { WithHeaders } from '@sd/http';
import { uitAntwoord, uitStream, Verwerking } from '@sd/logboek';
import { ClientRegistratie } from './client-registratie.service.js';
import { ClientVergetenService } from './client-vergeten.service.js';
import { ClientGeregistreerdAntwoord, RegistreerClientDto } from './registreer-client.dto.js';
import { DossierService } from './dossier.service.js';
import { ClientVergetenAntwoord, VergeetClientDto } from './vergeet-client.dto.js';

@ApiTags('clienten')
@ApiBearerAuth()
@Controller('clienten')
export class ClientenController {
  constructor(
    private readonly registratie: ClientRegistratie,
    private readonly vergeten: ClientVergetenService,
    private readonly reader: StateReader,
    private readonly dossiers: DossierService,
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
    return answerCreated(await this.registratie.registreer(body, metadata), '/clienten', 'clientId');
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

  /**
   * Vergeten (beheer, AVG art. 17): the client's key and BSN index entry are destroyed, so every
   * personal field of their history reads `[vergeten]` from now on; their voorzieningen still count.
   */
  @Post(':id/vergeten')
  @HttpCode(200)
  @Rollen('beheer')
  @Verwerking('vergeten-client', { betrokkene: uitStream((p) => clientStreamId(p.id)) })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Zelfde sleutel en body: zelfde antwoord, niets dubbel' })
  @ApiOkResponse({ type: ClientVergetenAntwoord })
  @ApiConflictResponse({ description: 'Deze cliënt is al vergeten' })
  vergeet(
    @UuidParam('id') id: string,
    @Body() body: VergeetClientDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<ClientVergetenAntwoord> {
    return this.vergeten.vergeet(id, body, metadata);
  }
}
