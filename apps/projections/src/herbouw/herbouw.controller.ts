import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rollen } from '@sd/auth';
import { Herbouw, type HerbouwStatus } from './herbouw.service.js';

@ApiTags('beheer')
@ApiBearerAuth()
@Controller('beheer/herbouw')
export class HerbouwController {
  constructor(private readonly herbouw: Herbouw) {}

  @Post()
  @HttpCode(202)
  @Rollen('beheer')
  @ApiOperation({
    summary:
      'Bouwt alle leesmodellen opnieuw op uit de event store (of hervat een onderbroken herbouw); het oude blijft antwoorden tot het nieuwe bij is',
  })
  start(): Promise<HerbouwStatus> {
    return this.herbouw.start();
  }

  @Get()
  @Rollen('beheer')
  @ApiOperation({ summary: 'Voortgang van de laatste herbouw, ook van een die na een onderbreking is hervat' })
  status(): Promise<HerbouwStatus> {
    return this.herbouw.huidig();
  }
}
