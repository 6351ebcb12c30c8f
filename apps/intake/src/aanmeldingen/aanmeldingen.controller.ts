import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import { type CommandContext, Feiten, idVan, Opdracht, Registraties, UuidParam } from '@sd/commands';
import { AANMELDING_STREAM } from '@sd/contracts';
import {
  AFRONDING_UITKOMSTEN,
  type AfrondingUitkomst,
  aanmeldingDecider,
  aanmeldingStreamId,
  VERWIJZERS,
  type Verwijzer,
  WETTEN,
  type Wet,
} from '@sd/domain';
import { Code, Datum, PositieAntwoord, Tekst, Uuid } from '@sd/http';

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

export class TrekAanmeldingInDto {
  @Tekst() reden!: string;
}

export class AanmeldingAntwoord {
  @ApiProperty({ format: 'uuid' }) aanmeldingId!: string;
  @ApiProperty() positie!: number;
}

/** Aanmeldingen (meldingen) at the toegang: they start the intake and make up the wachtlijst. */
@ApiTags('aanmeldingen')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('aanmeldingen')
export class AanmeldingenController {
  constructor(
    private readonly registraties: Registraties,
    private readonly feiten: Feiten,
  ) {}

  @Post()
  @Rollen('consulent')
  async ontvang(
    @Body() body: OntvangAanmeldingDto,
    @Opdracht() opdracht: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AanmeldingAntwoord> {
    const aanmeldingId = randomUUID();
    const client = await this.feiten.client(body.clientId);
    const result = await this.registraties.voerUit(
      {
        streamId: aanmeldingStreamId(aanmeldingId),
        streamType: AANMELDING_STREAM,
        gemeente: client?.gemeente,
        decider: aanmeldingDecider,
        command: { type: 'OntvangAanmelding', aanmeldingId, ...body, client, toegestaneGemeenten: opdracht.principal.gemeenten },
        context: opdracht,
        nieuweStream: true,
      },
      res,
    );
    res.location(`/aanmeldingen/${idVan(result.streamId)}`);
    return { aanmeldingId: idVan(result.streamId), positie: result.positie };
  }

  @Post(':id/afronding')
  @HttpCode(200)
  @Rollen('consulent')
  rondAf(@UuidParam('id') id: string, @Body() body: RondAanmeldingAfDto, @Opdracht() o: CommandContext, @Res({ passthrough: true }) res: Response) {
    return this.opStream(id, { type: 'RondAanmeldingAf', ...body, toegestaneGemeenten: o.principal.gemeenten }, o, res);
  }

  @Post(':id/intrekking')
  @HttpCode(200)
  @Rollen('consulent')
  trekIn(@UuidParam('id') id: string, @Body() body: TrekAanmeldingInDto, @Opdracht() o: CommandContext, @Res({ passthrough: true }) res: Response) {
    return this.opStream(id, { type: 'TrekAanmeldingIn', ...body, toegestaneGemeenten: o.principal.gemeenten }, o, res);
  }

  @Get(':id')
  @Rollen('consulent')
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal, @Res({ passthrough: true }) res: Response) {
    return this.registraties.lees(aanmeldingStreamId(id), aanmeldingDecider, gebruiker, res, 'Aanmelding');
  }

  private async opStream(
    id: string,
    command: Parameters<typeof aanmeldingDecider.decide>[0],
    opdracht: CommandContext,
    res: Response,
  ): Promise<PositieAntwoord> {
    const { positie } = await this.registraties.voerUit(
      { streamId: aanmeldingStreamId(id), streamType: AANMELDING_STREAM, decider: aanmeldingDecider, command, context: opdracht },
      res,
    );
    return { positie };
  }
}
