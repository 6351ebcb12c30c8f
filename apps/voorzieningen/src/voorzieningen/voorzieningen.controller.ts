import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import { type CommandContext, Feiten, idVan, Opdracht, Registraties, UuidParam } from '@sd/commands';
import { VOORZIENING_STREAM } from '@sd/contracts';
import { voorzieningDecider, voorzieningStreamId } from '@sd/domain';
import { PositieAntwoord } from '@sd/http';
import {
  BeeindigVoorzieningDto,
  CorrigeerVoorzieningDto,
  IntrekkingDto,
  KenVoorzieningToeDto,
  StartLeveringDto,
  VoorzieningToegekendAntwoord,
} from './voorziening.dto.js';

@ApiTags('voorzieningen')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('voorzieningen')
export class VoorzieningenController {
  constructor(
    private readonly registraties: Registraties,
    private readonly feiten: Feiten,
  ) {}

  /** Toekenning: a beschikking grants a voorziening to a client. */
  @Post()
  @Rollen('consulent')
  async kenToe(
    @Body() body: KenVoorzieningToeDto,
    @Opdracht() opdracht: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VoorzieningToegekendAntwoord> {
    const voorzieningId = randomUUID();
    const feiten = await this.feiten.voorBesluit(body.clientId, body.wet, body.aanmeldingId);
    const result = await this.registraties.voerUit(
      {
        streamId: voorzieningStreamId(voorzieningId),
        streamType: VOORZIENING_STREAM,
        gemeente: feiten.client?.gemeente,
        decider: voorzieningDecider,
        command: {
          type: 'KenVoorzieningToe',
          voorzieningId,
          ...body,
          ...feiten,
          toegestaneGemeenten: opdracht.principal.gemeenten,
        },
        context: opdracht,
        nieuweStream: true,
      },
      res,
    );
    res.location(`/voorzieningen/${idVan(result.streamId)}`);
    return { voorzieningId: idVan(result.streamId), positie: result.positie };
  }

  @Post(':id/start-levering')
  @HttpCode(200)
  @Rollen('consulent')
  async startLevering(
    @UuidParam('id') id: string,
    @Body() body: StartLeveringDto,
    @Opdracht() opdracht: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PositieAntwoord> {
    return this.opStream(id, { type: 'StartLevering', ...body, toegestaneGemeenten: opdracht.principal.gemeenten }, opdracht, res);
  }

  @Post(':id/beeindiging')
  @HttpCode(200)
  @Rollen('consulent')
  async beeindig(
    @UuidParam('id') id: string,
    @Body() body: BeeindigVoorzieningDto,
    @Opdracht() opdracht: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PositieAntwoord> {
    return this.opStream(id, { type: 'BeeindigVoorziening', ...body, toegestaneGemeenten: opdracht.principal.gemeenten }, opdracht, res);
  }

  @Post(':id/correctie')
  @HttpCode(200)
  @Rollen('consulent')
  async corrigeer(
    @UuidParam('id') id: string,
    @Body() body: CorrigeerVoorzieningDto,
    @Opdracht() opdracht: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PositieAntwoord> {
    const huidig = await this.registraties.huidig(voorzieningStreamId(id), voorzieningDecider);
    const wet = body.productcategorie && huidig.status !== 'onbekend' ? huidig.wet : undefined;
    const eigen = wet && huidig.status !== 'onbekend' ? await this.feiten.eigenProductcategorieen(huidig.gemeente, wet) : [];
    return this.opStream(
      id,
      { type: 'CorrigeerVoorziening', ...body, toegestaneGemeenten: opdracht.principal.gemeenten, eigenProductcategorieen: eigen },
      opdracht,
      res,
    );
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
    return this.opStream(id, { type: 'TrekVoorzieningIn', ...body, toegestaneGemeenten: opdracht.principal.gemeenten }, opdracht, res);
  }

  @Get(':id')
  @Rollen('consulent')
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal, @Res({ passthrough: true }) res: Response) {
    return this.registraties.lees(voorzieningStreamId(id), voorzieningDecider, gebruiker, res, 'Voorziening');
  }

  private async opStream(
    id: string,
    command: Parameters<typeof voorzieningDecider.decide>[0],
    opdracht: CommandContext,
    res: Response,
  ): Promise<PositieAntwoord> {
    const { positie } = await this.registraties.voerUit(
      { streamId: voorzieningStreamId(id), streamType: VOORZIENING_STREAM, decider: voorzieningDecider, command, context: opdracht },
      res,
    );
    return { positie };
  }
}
