import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import { type CommandContext, Feiten, idVan, Opdracht, Registraties, UuidParam } from '@sd/commands';
import { AFWIJZING_STREAM } from '@sd/contracts';
import { afwijzingDecider, afwijzingStreamId, WETTEN, type Wet } from '@sd/domain';
import { Code, Datum, PositieAntwoord, Productcategorie, Tekst, Uuid } from '@sd/http';
import { IntrekkingDto } from '../voorzieningen/voorziening.dto.js';

export class WijsAanvraagAfDto {
  @Uuid() clientId!: string;
  @Code(WETTEN) wet!: Wet;
  @Productcategorie({ optional: true }) productcategorie?: string;
  @Datum({ nietInToekomst: true }) besluitdatum!: string;
  @Tekst({ description: 'Grond van de afwijzing' }) reden!: string;
  @Uuid({ optional: true }) aanmeldingId?: string;
}

export class AfwijzingAntwoord {
  @ApiProperty({ format: 'uuid' }) afwijzingId!: string;
  @ApiProperty() positie!: number;
}

/** An afwijzing (refusal) is a besluit of its own: a bezwaar can contest it. */
@ApiTags('afwijzingen')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('afwijzingen')
export class AfwijzingenController {
  constructor(
    private readonly registraties: Registraties,
    private readonly feiten: Feiten,
  ) {}

  @Post()
  @Rollen('consulent')
  async wijsAf(
    @Body() body: WijsAanvraagAfDto,
    @Opdracht() opdracht: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AfwijzingAntwoord> {
    const afwijzingId = randomUUID();
    const feiten = await this.feiten.voorBesluit(body.clientId, body.wet, body.aanmeldingId);
    const result = await this.registraties.voerUit(
      {
        streamId: afwijzingStreamId(afwijzingId),
        streamType: AFWIJZING_STREAM,
        gemeente: feiten.client?.gemeente,
        decider: afwijzingDecider,
        command: {
          type: 'WijsAanvraagAf',
          afwijzingId,
          ...body,
          ...feiten,
          toegestaneGemeenten: opdracht.principal.gemeenten,
        },
        context: opdracht,
        nieuweStream: true,
      },
      res,
    );
    res.location(`/afwijzingen/${idVan(result.streamId)}`);
    return { afwijzingId: idVan(result.streamId), positie: result.positie };
  }

  @Post(':id/intrekking')
  @HttpCode(200)
  @Rollen('consulent')
  async trekIn(
    @UuidParam('id') id: string,
    @Body() body: IntrekkingDto,
    @Opdracht() opdracht: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PositieAntwoord> {
    const { positie } = await this.registraties.voerUit(
      {
        streamId: afwijzingStreamId(id),
        streamType: AFWIJZING_STREAM,
        decider: afwijzingDecider,
        command: { type: 'TrekAfwijzingIn', ...body, toegestaneGemeenten: opdracht.principal.gemeenten },
        context: opdracht,
      },
      res,
    );
    return { positie };
  }

  @Get(':id')
  @Rollen('consulent')
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal, @Res({ passthrough: true }) res: Response) {
    return this.registraties.lees(afwijzingStreamId(id), afwijzingDecider, gebruiker, res, 'Afwijzing');
  }
}
