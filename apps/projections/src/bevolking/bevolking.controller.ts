import { Body, Controller, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsInt, Max, Min } from 'class-validator';
import { eisGemeente, Rollen } from '@sd/auth';
import { type CommandContext, Opdracht, Registraties } from '@sd/commands';
import { BEVOLKING_STREAM } from '@sd/contracts';
import { bevolkingDecider, bevolkingStreamId, GEMEENTE_CODE } from '@sd/domain';
import { invalidField, PositieAntwoord } from '@sd/http';
import { ongeldig } from '../rapportages/rapportage.service.js';

export class BevolkingDto {
  @ApiProperty({ example: 10480 }) @IsInt({ message: 'inwoners moet een geheel getal zijn' }) @Min(0) @Max(10_000_000) inwoners!: number;
  @ApiProperty({ example: 4520 }) @IsInt({ message: 'huishoudens moet een geheel getal zijn' }) @Min(0) @Max(10_000_000) huishoudens!: number;
}

/** Population figures (CBS) per gemeente and year, for the stapeling per 1,000 inwoners / huishoudens. */
@ApiTags('bevolking')
@ApiBearerAuth()
@Controller('bevolking')
export class BevolkingController {
  constructor(private readonly registraties: Registraties) {}

  @Put(':gemeente/:jaar')
  @HttpCode(200)
  @Rollen('beheer')
  async stelVast(
    @Param('gemeente') gemeente: string,
    @Param('jaar') jaarTekst: string,
    @Body() body: BevolkingDto,
    @Opdracht() opdracht: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PositieAntwoord> {
    const fouten = [
      ...(GEMEENTE_CODE.test(gemeente) ? [] : [invalidField('gemeente', 'gemeente moet een CBS-code zijn zoals GM0005')]),
      ...(/^(19|20|21)\d{2}$/.test(jaarTekst) ? [] : [invalidField('jaar', 'jaar: vier cijfers, zoals 2016')]),
    ];
    if (fouten.length) throw ongeldig(fouten);
    eisGemeente(opdracht.principal, gemeente);
    const { positie } = await this.registraties.voerUit(
      {
        streamId: bevolkingStreamId(gemeente),
        streamType: BEVOLKING_STREAM,
        gemeente,
        decider: bevolkingDecider,
        command: { type: 'StelBevolkingVast', gemeente, jaar: Number(jaarTekst), ...body },
        context: opdracht,
      },
      res,
    );
    return { positie };
  }
}
