import { Body, Controller } from '@nestjs/common';
import { AANMELDINGEN, RegistratieController, RegistratieResource } from '@sd/commands';
import { CommandMeta, type CommandMetadata, Create, FollowUp, UuidParam } from '@sd/commands';
import { AFRONDING_UITKOMSTEN, type AfrondingUitkomst, VERWIJZERS, type Verwijzer, WETTEN, type Wet } from '@sd/domain';
import { Code, Datum, Uuid } from '@sd/http';

export class OntvangAanmeldingDto {
  @Uuid() clientId!: string;
  @Code(WETTEN) wet!: Wet;
  @Datum({ nietInToekomst: true }) ontvangenOp!: string;
  @Code(VERWIJZERS, { optional: true }) verwijzer?: Verwijzer;
}

export class RondAanmeldingAfDto {
  @Datum({ nietInToekomst: true }) afgerondOp!: string;
  @Code(AFRONDING_UITKOMSTEN) uitkomst!: AfrondingUitkomst;
}

/** Aanmeldingen (meldingen) at the toegang: they start the intake and make up the wachtlijst. */
@RegistratieResource(AANMELDINGEN)
@Controller('aanmeldingen')
export class AanmeldingenController extends RegistratieController(AANMELDINGEN) {
  @Create()
  async ontvang(@Body() body: OntvangAanmeldingDto, @CommandMeta() metadata: CommandMetadata) {
    const client = await this.feiten.client(body.clientId);
    return this.create(metadata, client?.gemeente, (aanmeldingId) => ({ type: 'OntvangAanmelding', aanmeldingId, ...body, client }));
  }

  @FollowUp(':id/afronding')
  rondAf(@UuidParam('id') id: string, @Body() body: RondAanmeldingAfDto, @CommandMeta() metadata: CommandMetadata) {
    return this.followUp(id, { type: 'RondAanmeldingAf', ...body }, metadata);
  }
}
