import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { IsBoolean } from 'class-validator';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import {
  answerCreated,
  answerPosition,
  BEZWAAR,
  CommandHandler,
  CommandMeta,
  type CommandMetadata,
  Feiten,
  FollowUp,
  StateReader,
  UuidParam,
} from '@sd/commands';
import { BEZWAAR_UITKOMSTEN, type BezwaarUitkomst } from '@sd/domain';
import { AlsGegeven, Code, Datum, Uuid, VrijeCode, type WithHeaders } from '@sd/http';
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
    private readonly commands: CommandHandler,
    private readonly feiten: Feiten,
    private readonly reader: StateReader,
  ) {}

  @Post()
  @Rollen('consulent')
  async registreer(@Body() body: RegistreerBezwaarDto, @CommandMeta() metadata: CommandMetadata): Promise<WithHeaders<BezwaarAntwoord>> {
    const bezwaarId = randomUUID();
    const besluit = await this.feiten.besluit(body.besluitId);
    const command = { type: 'RegistreerBezwaar', bezwaarId, ...body, besluit } as const;
    const result = await this.commands.handle({ aggregate: BEZWAAR, id: bezwaarId, newStream: true, gemeente: besluit?.gemeente, command, metadata });
    return answerCreated(result, '/bezwaren', 'bezwaarId');
  }

  @FollowUp(':id/verdaging')
  async verdaag(@UuidParam('id') id: string, @Body() body: VerdaagBezwaarDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'VerdaagBezwaar', ...body } as const;
    return answerPosition(await this.commands.handle({ aggregate: BEZWAAR, id, command, metadata }));
  }

  @FollowUp(':id/afhandeling')
  async handelAf(@UuidParam('id') id: string, @Body() body: HandelBezwaarAfDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'HandelBezwaarAf', ...body } as const;
    return answerPosition(await this.commands.handle({ aggregate: BEZWAAR, id, command, metadata }));
  }

  @FollowUp(':id/intrekking')
  async trekIn(@UuidParam('id') id: string, @Body() body: IntrekkingDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'TrekBezwaarIn', ...body } as const;
    return answerPosition(await this.commands.handle({ aggregate: BEZWAAR, id, command, metadata }));
  }

  @Get(':id')
  @Rollen('consulent')
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal) {
    return this.reader.read(BEZWAAR, id, gebruiker);
  }
}
