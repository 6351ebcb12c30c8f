import { Body, Controller, Get, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsString, Length, Matches } from 'class-validator';
import { eisGemeente, Gebruiker, type Principal, Rollen } from '@sd/auth';
import { type CommandContext, CommandService, Opdracht, Registraties } from '@sd/commands';
import { CODELIJST_STREAM } from '@sd/contracts';
import { codelijstDecider, codelijstStreamId, GEMEENTE_CODE, PRODUCTCATEGORIEEN } from '@sd/domain';
import { Code, invalidField, PositieAntwoord, PROBLEM_TYPES, PRODUCTCATEGORIE_CODE, ProblemException } from '@sd/http';

export class VoegProductcategorieToeDto {
  @ApiProperty({ example: 'GM0005' }) @Matches(GEMEENTE_CODE, { message: 'gemeente moet een CBS-code zijn zoals GM0005' }) gemeente!: string;
  @Code(['wmo', 'jeugdwet'] as const) wet!: 'wmo' | 'jeugdwet';
  @ApiProperty({ example: 'GM-KLUS' })
  @Matches(PRODUCTCATEGORIE_CODE, { message: 'code: 1–32 letters, cijfers, . _ -' })
  code!: string;
  @ApiProperty({ example: 'Klussendienst' }) @IsString() @Length(1, 200, { message: 'naam: 1 tot 200 tekens' }) naam!: string;
}

/** The productcategorie code list: the landelijke iWmo / iJw codes plus each gemeente's own. */
@ApiTags('productcategorieen')
@ApiBearerAuth()
@Controller('productcategorieen')
export class ProductcategorieenController {
  constructor(
    private readonly registraties: Registraties,
    @Inject(CommandService) private readonly commands: CommandService,
  ) {}

  @Get()
  @Rollen('consulent', 'rapportage', 'auditor', 'beheer')
  async lijst(@Query('gemeente') gemeente: string | undefined, @Gebruiker() gebruiker: Principal) {
    if (gemeente === undefined) return { landelijk: PRODUCTCATEGORIEEN, eigen: [] };
    if (!GEMEENTE_CODE.test(gemeente)) {
      throw new ProblemException({
        type: PROBLEM_TYPES.ongeldigeInvoer,
        title: 'Ongeldige invoer',
        status: 400,
        errors: [invalidField('gemeente', 'gemeente moet een CBS-code zijn zoals GM0005')],
      });
    }
    eisGemeente(gebruiker, gemeente);
    const { state } = await this.commands.loadState(codelijstStreamId(gemeente), codelijstDecider);
    return { landelijk: PRODUCTCATEGORIEEN, eigen: state.codes };
  }

  @Post()
  @Rollen('beheer')
  async voegToe(
    @Body() body: VoegProductcategorieToeDto,
    @Opdracht() opdracht: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PositieAntwoord> {
    eisGemeente(opdracht.principal, body.gemeente);
    const { positie } = await this.registraties.voerUit(
      {
        streamId: codelijstStreamId(body.gemeente),
        streamType: CODELIJST_STREAM,
        gemeente: body.gemeente,
        decider: codelijstDecider,
        command: { type: 'VoegProductcategorieToe', ...body },
        context: opdracht,
      },
      res,
    );
    return { positie };
  }
}
