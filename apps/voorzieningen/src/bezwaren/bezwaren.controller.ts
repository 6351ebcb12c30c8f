import { Body, Controller } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { BEZWAREN, RegistratieController, RegistratieResource } from '@sd/commands';
import { CommandMeta, type CommandMetadata, Create, FollowUp, UuidParam } from '@sd/commands';
import { BEZWAAR_UITKOMSTEN, type BezwaarUitkomst } from '@sd/domain';
import { AlsGegeven, Code, Datum, Uuid, VrijeCode } from '@sd/http';

export class RegistreerBezwaarDto {
  @Uuid({ description: 'Id van de bestreden voorziening, uitkering of afwijzing' }) besluitId!: string;
  @Datum({ nietInToekomst: true }) ontvangenOp!: string;
  @VrijeCode({ description: 'Eigen code van de gemeente, bijvoorbeeld huishoudelijke-hulp, pgb, overig' }) onderwerp!: string;
  @ApiPropertyOptional({ description: 'Advies van een bezwaarcommissie: beslistermijn 12 in plaats van 6 weken' })
  @AlsGegeven()
  @IsBoolean({ message: 'adviescommissie moet true of false zijn' })
  adviescommissie?: boolean;
  @Datum({ optional: true, nietInToekomst: true, description: 'Standaard de besluitdatum' }) bekendmakingOp?: string;
}

export class VerdaagBezwaarDto {
  @Datum({ nietInToekomst: true }) verdaagdOp!: string;
}

export class HandelBezwaarAfDto {
  @Datum({ nietInToekomst: true }) afgehandeldOp!: string;
  @Code(BEZWAAR_UITKOMSTEN) uitkomst!: BezwaarUitkomst;
}

/** Bezwaren against a voorziening, uitkering or afwijzing, with the Awb beslistermijn. */
@RegistratieResource(BEZWAREN)
@Controller('bezwaren')
export class BezwarenController extends RegistratieController(BEZWAREN) {
  @Create()
  async registreer(@Body() body: RegistreerBezwaarDto, @CommandMeta() metadata: CommandMetadata) {
    const besluit = await this.feiten.besluit(body.besluitId);
    return this.create(metadata, besluit?.gemeente, (bezwaarId) => ({ type: 'RegistreerBezwaar', bezwaarId, ...body, besluit }));
  }

  @FollowUp(':id/verdaging')
  verdaag(@UuidParam('id') id: string, @Body() body: VerdaagBezwaarDto, @CommandMeta() metadata: CommandMetadata) {
    return this.followUp(id, { type: 'VerdaagBezwaar', ...body }, metadata);
  }

  @FollowUp(':id/afhandeling')
  handelAf(@UuidParam('id') id: string, @Body() body: HandelBezwaarAfDto, @CommandMeta() metadata: CommandMetadata) {
    return this.followUp(id, { type: 'HandelBezwaarAf', ...body }, metadata);
  }
}
