import { Body, Controller, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import { answerPosition, CommandMeta, type CommandMetadata } from '@sd/commands';
import { REGIO_CODE } from '@sd/contracts';
import { invalidField, kennisdatumInstant, ongeldig, type PositieAntwoord, type WithHeaders } from '@sd/http';
import { KennisdatumVraagDto } from '../rapportages/rapportage.dto.js';
import { type Regio, RegioDto } from './regio.dto.js';
import { RegioService } from './regio.service.js';

/** Regio's: gemeenten that report together; every report and series takes `regio=<code>`. */
@ApiTags('regios')
@ApiBearerAuth()
@Controller('regios')
export class RegiosController {
  constructor(private readonly regios: RegioService) {}

  @Put(':code')
  @HttpCode(200)
  @Rollen('beheer')
  @ApiOperation({ summary: 'Legt de naam en de gemeenten van een regio vast (beheer)' })
  async stelVast(
    @Param('code') code: string,
    @Body() body: RegioDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<WithHeaders<PositieAntwoord>> {
    if (!REGIO_CODE.test(code)) throw ongeldig([invalidField('code', 'code: 2–32 letters, cijfers of -, zoals BMWE')]);
    return answerPosition(await this.regios.stelVast(code, body, metadata));
  }

  @Get()
  @Rollen('rapportage', 'auditor', 'beheer')
  @ApiOperation({ summary: 'De regio’s waarvan alle gemeenten binnen het token vallen' })
  async alle(@Query() vraag: KennisdatumVraagDto, @Gebruiker() g: Principal): Promise<Regio[]> {
    const kennis = vraag.kennisdatum ? kennisdatumInstant(vraag.kennisdatum) : null;
    if (vraag.kennisdatum && !kennis) throw ongeldig([invalidField('kennisdatum', 'geen bestaande datum of tijdstip')]);
    return (await this.regios.alle(kennis)).filter((r) => r.gemeenten.every((x) => g.gemeenten.includes(x)));
  }
}
