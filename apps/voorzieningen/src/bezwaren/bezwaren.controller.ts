import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { IsBoolean } from 'class-validator';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import { type CommandContext, Feiten, idVan, Opdracht, Registraties, UuidParam } from '@sd/commands';
import { BEZWAAR_STREAM } from '@sd/contracts';
import { BEZWAAR_UITKOMSTEN, type BezwaarUitkomst, bezwaarDecider, bezwaarStreamId } from '@sd/domain';
import { AlsGegeven, Code, Datum, PositieAntwoord, Uuid, VrijeCode } from '@sd/http';
import { IntrekkingDto } from '../voorzieningen/voorziening.dto.js';

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

export class BezwaarAntwoord {
  @ApiProperty({ format: 'uuid' }) bezwaarId!: string;
  @ApiProperty() positie!: number;
}

@ApiTags('bezwaren')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('bezwaren')
export class BezwarenController {
  constructor(
    private readonly registraties: Registraties,
    private readonly feiten: Feiten,
  ) {}

  @Post()
  @Rollen('consulent')
  async registreer(
    @Body() body: RegistreerBezwaarDto,
    @Opdracht() opdracht: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BezwaarAntwoord> {
    const bezwaarId = randomUUID();
    const besluit = await this.feiten.besluit(body.besluitId);
    const result = await this.registraties.voerUit(
      {
        streamId: bezwaarStreamId(bezwaarId),
        streamType: BEZWAAR_STREAM,
        gemeente: besluit?.gemeente,
        decider: bezwaarDecider,
        command: { type: 'RegistreerBezwaar', bezwaarId, ...body, besluit, toegestaneGemeenten: opdracht.principal.gemeenten },
        context: opdracht,
        nieuweStream: true,
      },
      res,
    );
    res.location(`/bezwaren/${idVan(result.streamId)}`);
    return { bezwaarId: idVan(result.streamId), positie: result.positie };
  }

  @Post(':id/verdaging')
  @HttpCode(200)
  @Rollen('consulent')
  verdaag(@UuidParam('id') id: string, @Body() body: VerdaagBezwaarDto, @Opdracht() o: CommandContext, @Res({ passthrough: true }) res: Response) {
    return this.opStream(id, { type: 'VerdaagBezwaar', ...body, toegestaneGemeenten: o.principal.gemeenten }, o, res);
  }

  @Post(':id/afhandeling')
  @HttpCode(200)
  @Rollen('consulent')
  handelAf(@UuidParam('id') id: string, @Body() body: HandelBezwaarAfDto, @Opdracht() o: CommandContext, @Res({ passthrough: true }) res: Response) {
    return this.opStream(id, { type: 'HandelBezwaarAf', ...body, toegestaneGemeenten: o.principal.gemeenten }, o, res);
  }

  @Post(':id/intrekking')
  @HttpCode(200)
  @Rollen('consulent')
  trekIn(@UuidParam('id') id: string, @Body() body: IntrekkingDto, @Opdracht() o: CommandContext, @Res({ passthrough: true }) res: Response) {
    return this.opStream(id, { type: 'TrekBezwaarIn', ...body, toegestaneGemeenten: o.principal.gemeenten }, o, res);
  }

  @Get(':id')
  @Rollen('consulent')
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal, @Res({ passthrough: true }) res: Response) {
    return this.registraties.lees(bezwaarStreamId(id), bezwaarDecider, gebruiker, res, 'Bezwaar');
  }

  private async opStream(
    id: string,
    command: Parameters<typeof bezwaarDecider.decide>[0],
    opdracht: CommandContext,
    res: Response,
  ): Promise<PositieAntwoord> {
    const { positie } = await this.registraties.voerUit(
      { streamId: bezwaarStreamId(id), streamType: BEZWAAR_STREAM, decider: bezwaarDecider, command, context: opdracht },
      res,
    );
    return { positie };
  }
}
