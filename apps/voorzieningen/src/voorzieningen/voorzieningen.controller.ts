import { Body, Controller } from '@nestjs/common';
import { VOORZIENINGEN, RegistratieController, RegistratieResource } from '@sd/commands';
import { CommandMeta, type CommandMetadata, Create, FollowUp, UuidParam } from '@sd/commands';
import { uitStream, Verwerking } from '@sd/logboek';
import { BeeindigVoorzieningDto, CorrigeerVoorzieningDto, KenVoorzieningToeDto, StartLeveringDto } from './voorziening.dto.js';

/** Voorzieningen (Wmo, Jeugdwet): toekenning, levering, beëindiging, correctie; GET and intrekking come with the base. */
@RegistratieResource(VOORZIENINGEN)
@Controller('voorzieningen')
export class VoorzieningenController extends RegistratieController(VOORZIENINGEN) {
  @FollowUp(':id/start-levering')
  startLevering(@UuidParam('id') id: string, @Body() body: StartLeveringDto, @CommandMeta() metadata: CommandMetadata) {
    return this.followUp(id, { type: 'StartLevering', ...body }, metadata);
  }

  /** A correctie that names a productcategorie may use the gemeente's own codes. */
  @FollowUp(':id/correctie')
  @Verwerking('corrigeren-registratie', { betrokkene: uitStream((p) => VOORZIENINGEN.aggregate.streamId(p.id)) })
  async corrigeer(@UuidParam('id') id: string, @Body() body: CorrigeerVoorzieningDto, @CommandMeta() metadata: CommandMetadata) {
    const feiten = await this.feiten.voorCorrectie(id, body.productcategorie);
    return this.followUp(id, { type: 'CorrigeerVoorziening', ...body, ...feiten }, metadata);
  }

  /** Toekenning: a beschikking grants a voorziening to a client. */
  @Create()
  async kenToe(@Body() body: KenVoorzieningToeDto, @CommandMeta() metadata: CommandMetadata) {
    const feiten = await this.feiten.voorBesluit(body.clientId, body.wet, body.aanmeldingId);
    return this.create(metadata, feiten.client?.gemeente, (voorzieningId) => ({
      type: 'KenVoorzieningToe',
      voorzieningId,
      ...body,
      ...feiten,
    }));
  }

  @FollowUp(':id/beeindiging')
  beeindig(@UuidParam('id') id: string, @Body() body: BeeindigVoorzieningDto, @CommandMeta() metadata: CommandMetadata) {
    return this.followUp(id, { type: 'BeeindigVoorziening', ...body }, metadata);
  }
}
