import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProperty, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import {
  AANMELDING,
  answerCreated,
  answerPosition,
  CommandHandler,
  CommandMeta,
  type CommandMetadata,
  Feiten,
  FollowUp,
  StateReader,
  UuidParam,
} from '@sd/commands';
import { AFRONDING_UITKOMSTEN, type AfrondingUitkomst, VERWIJZERS, type Verwijzer, WETTEN, type Wet } from '@sd/domain';
import { Code, Datum, Tekst, Uuid, type WithHeaders } from '@sd/http';

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
    private readonly commands: CommandHandler,
    private readonly feiten: Feiten,
    private readonly reader: StateReader,
  ) {}

  @Post()
  @Rollen('consulent')
  async ontvang(@Body() body: OntvangAanmeldingDto, @CommandMeta() metadata: CommandMetadata): Promise<WithHeaders<AanmeldingAntwoord>> {
    const aanmeldingId = randomUUID();
    const client = await this.feiten.client(body.clientId);
    const command = { type: 'OntvangAanmelding', aanmeldingId, ...body, client } as const;
    const result = await this.commands.handle({ aggregate: AANMELDING, id: aanmeldingId, newStream: true, gemeente: client?.gemeente, command, metadata });
    return answerCreated(result, '/aanmeldingen', 'aanmeldingId');
  }

  @FollowUp(':id/afronding')
  async rondAf(@UuidParam('id') id: string, @Body() body: RondAanmeldingAfDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'RondAanmeldingAf', ...body } as const;
    return answerPosition(await this.commands.handle({ aggregate: AANMELDING, id, command, metadata }));
  }

  @FollowUp(':id/intrekking')
  async trekIn(@UuidParam('id') id: string, @Body() body: TrekAanmeldingInDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'TrekAanmeldingIn', ...body } as const;
    return answerPosition(await this.commands.handle({ aggregate: AANMELDING, id, command, metadata }));
  }

  @Get(':id')
  @Rollen('consulent')
  lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal) {
    return this.reader.read(AANMELDING, id, gebruiker);
  }
}
