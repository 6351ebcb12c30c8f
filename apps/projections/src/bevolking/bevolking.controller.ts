import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { eisGemeente, Rollen } from '@sd/auth';
import { answerPosition, CommandMeta, type CommandMetadata } from '@sd/commands';
import { GEMEENTE_CODE } from '@sd/domain';
import { invalidField, ongeldig, type PositieAntwoord, type WithHeaders } from '@sd/http';
import { BevolkingDto } from './bevolking.dto.js';
import { BevolkingService } from './bevolking.service.js';

/** Population figures (CBS) per gemeente and year, for the stapeling per 1,000 inwoners / huishoudens. */
@ApiTags('bevolking')
@ApiBearerAuth()
@Controller('bevolking')
export class BevolkingController {
  constructor(private readonly bevolking: BevolkingService) {}

  @Put(':gemeente/:jaar')
  @HttpCode(200)
  @Rollen('beheer')
  async stelVast(
    @Param('gemeente') gemeente: string,
    @Param('jaar') jaarTekst: string,
    @Body() body: BevolkingDto,
    @CommandMeta() metadata: CommandMetadata,
  ): Promise<WithHeaders<PositieAntwoord>> {
    const fouten = [
      ...(GEMEENTE_CODE.test(gemeente) ? [] : [invalidField('gemeente', 'gemeente moet een CBS-code zijn zoals GM0005')]),
      ...(/^(19|20|21)\d{2}$/.test(jaarTekst) ? [] : [invalidField('jaar', 'jaar: vier cijfers, zoals 2016')]),
    ];
    if (fouten.length) throw ongeldig(fouten);
    // Before anything is read (the command handler checks again on the stream's gemeente).
    eisGemeente(metadata, gemeente);
    return answerPosition(await this.bevolking.stelVast(gemeente, Number(jaarTekst), body, metadata));
  }
}
