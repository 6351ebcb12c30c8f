import { Body, Controller } from '@nestjs/common';
import { AFWIJZINGEN, RegistratieController, RegistratieResource } from '@sd/commands';
import { CommandMeta, type CommandMetadata, Create } from '@sd/commands';
import { WETTEN, type Wet } from '@sd/domain';
import { Code, Datum, Productcategorie, Tekst, Uuid } from '@sd/http';

export class WijsAanvraagAfDto {
  @Uuid() clientId!: string;
  @Code(WETTEN) wet!: Wet;
  @Productcategorie({ optional: true }) productcategorie?: string;
  @Datum({ nietInToekomst: true }) besluitdatum!: string;
  @Tekst({ description: 'Grond van de afwijzing' }) reden!: string;
  @Uuid({ optional: true }) aanmeldingId?: string;
}

/** An afwijzing (refusal) is a besluit of its own: a bezwaar can contest it. */
@RegistratieResource(AFWIJZINGEN)
@Controller('afwijzingen')
export class AfwijzingenController extends RegistratieController(AFWIJZINGEN) {
  @Create()
  async wijsAf(@Body() body: WijsAanvraagAfDto, @CommandMeta() metadata: CommandMetadata) {
    const feiten = await this.feiten.voorBesluit(body.clientId, body.wet, body.aanmeldingId);
    return this.create(metadata, feiten.client?.gemeente, (afwijzingId) => ({ type: 'WijsAanvraagAf', afwijzingId, ...body, ...feiten }));
  }
}
