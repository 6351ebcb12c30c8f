import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import { type CommandContext, Feiten, idVan, Opdracht, Registraties, UuidParam } from '@sd/commands';
import { UITKERING_STREAM } from '@sd/contracts';
import { uitkeringDecider, uitkeringStreamId } from '@sd/domain';
import { PositieAntwoord } from '@sd/http';
import { IntrekkingDto } from '../voorzieningen/voorziening.dto.js';
import { BeeindigUitkeringDto, CorrigeerUitkeringDto, KenUitkeringToeDto, UitkeringToegekendAntwoord } from './uitkering.dto.js';

@ApiTags('uitkeringen')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('uitkeringen')
export class UitkeringenController {
  constructor(
    private readonly registraties: Registraties,
    private readonly feiten: Feiten,
  ) {}

  @Post()
  @Rollen('consulent')
  async kenToe(
    @Body() body: KenUitkeringToeDto,
    @Opdracht() opdracht: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UitkeringToegekendAntwoord> {
    const uitkeringId = randomUUID();
    const client = await this.feiten.client(body.clientId);
    const result = await this.registraties.voerUit(
      {
        streamId: uitkeringStreamId(uitkeringId),
        streamType: UITKERING_STREAM,
        gemeente: client?.gemeente,
        decider: uitkeringDecider,
        command: { type: 'KenUitkeringToe', uitkeringId, ...body, client, toegestaneGemeenten: opdracht.principal.gemeenten },
        context: opdracht,
        nieuweStream: true,
      },
      res,
    );
    res.location(`/uitkeringen/${idVan(result.streamId)}`);
    return { uitkeringId: idVan(result.streamId), positie: result.positie };
  }

  @Post(':id/beeindiging')
  @HttpCode(200)
  @Rollen('consulent')
  beeindig(@UuidParam('id') id: string, @Body() body: BeeindigUitkeringDto, @Opdracht() o: CommandContext, @Res({ passthrough: true }) res: Response) {
    return this.opStream(id, { type: 'BeeindigUitkering', ...body, toegestaneGemeenten: o.principal.gemeenten }, o, res);
  }

  @Post(':id/correctie')
  @HttpCode(200)
  @Rollen('consulent')
  corrigeer(@UuidParam('id') id: string, @Body() body: CorrigeerUitkeringDto, @Opdracht() o: CommandContext, @Res({ passthrough: true }) res: Response) {
    return this.opStream(id, { type: 'CorrigeerUitkering', ...body, toegestaneGemeenten: o.principal.gemeenten }, o, res);
  }

  @Post(':id/intrekking')
  @HttpCode(200)
  @Rollen('consulent')
  trekIn(@UuidParam('id') id: string, @Body() body: IntrekkingDto, @Opdracht() o: CommandContext, @Res({ passthrough: true }) res: Response) {
    return this.opStream(id, { type: 'TrekUitkeringIn', ...body, toegestaneGemeenten: o.principal.gemeenten }, o, res);
  }

  @Get(':id')
  @Rollen('consulent')
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal, @Res({ passthrough: true }) res: Response) {
    return this.registraties.lees(uitkeringStreamId(id), uitkeringDecider, gebruiker, res, 'Uitkering');
  }

  private async opStream(
    id: string,
    command: Parameters<typeof uitkeringDecider.decide>[0],
    opdracht: CommandContext,
    res: Response,
  ): Promise<PositieAntwoord> {
    const { positie } = await this.registraties.voerUit(
      { streamId: uitkeringStreamId(id), streamType: UITKERING_STREAM, decider: uitkeringDecider, command, context: opdracht },
      res,
    );
    return { positie };
  }
}
