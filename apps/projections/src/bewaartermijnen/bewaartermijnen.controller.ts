import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import { VerlopenAntwoordDto, VerlopenVraagDto } from './bewaartermijnen.dto.js';
import { BewaartermijnenService } from './bewaartermijnen.service.js';

/** Bewaartermijnen (DESIGN section 8): which clients beheer may erase because their term has passed. */
@ApiTags('beheer')
@ApiBearerAuth()
@Controller('beheer/bewaartermijnen')
export class BewaartermijnenController {
  constructor(private readonly bewaartermijnen: BewaartermijnenService) {}

  @Get('verlopen')
  @Rollen('beheer')
  @ApiOperation({
    summary:
      'Cliënten van een gemeente van wie de bewaartermijn op de peildatum verstreken is (alleen clientId en data, nooit BSN of geboortedatum); al gewiste cliënten niet',
  })
  @ApiOkResponse({ type: VerlopenAntwoordDto })
  verlopen(@Query() vraag: VerlopenVraagDto, @Gebruiker() g: Principal): Promise<VerlopenAntwoordDto> {
    return this.bewaartermijnen.verlopen(vraag, g);
  }
}
