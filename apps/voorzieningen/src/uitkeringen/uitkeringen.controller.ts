import { Body, Controller } from '@nestjs/common';
import { UITKERINGEN, RegistratieController, RegistratieResource } from '@sd/commands';
import { CommandMeta, type CommandMetadata, Create, FollowUp, UuidParam } from '@sd/commands';
import { uitStream, Verwerking } from '@sd/logboek';
import { BeeindigUitkeringDto, CorrigeerUitkeringDto, KenUitkeringToeDto } from './uitkering.dto.js';

/** Participatiewet uitkeringen; GET and intrekking come with the base. */
@RegistratieResource(UITKERINGEN)
@Controller('uitkeringen')
export class UitkeringenController extends RegistratieController(UITKERINGEN) {
  @Create()
  async kenToe(@Body() body: KenUitkeringToeDto, @CommandMeta() metadata: CommandMetadata) {
    const client = await this.feiten.client(body.clientId);
    return this.create(metadata, client?.gemeente, (uitkeringId) => ({ type: 'KenUitkeringToe', uitkeringId, ...body, client }));
  }

  /** Ends it with an uitstroomreden; a second one moves the einddatum. */
  @FollowUp(':id/beeindiging')
  beeindig(@UuidParam('id') id: string, @Body() body: BeeindigUitkeringDto, @CommandMeta() metadata: CommandMetadata) {
    return this.followUp(id, { type: 'BeeindigUitkering', ...body }, metadata);
  }

  @FollowUp(':id/correctie')
  @Verwerking('corrigeren-registratie', { betrokkene: uitStream((p) => UITKERINGEN.aggregate.streamId(p.id)) })
  corrigeer(@UuidParam('id') id: string, @Body() body: CorrigeerUitkeringDto, @CommandMeta() metadata: CommandMetadata) {
    return this.followUp(id, { type: 'CorrigeerUitkering', ...body }, metadata);
  }
}
