import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { eisGemeente, Gebruiker, type Principal, Rollen } from '@sd/auth';
import { answerPosition, CODELIJST, CommandHandler, CommandMeta, type CommandMetadata } from '@sd/commands';
import { GEMEENTE_CODE, PRODUCTCATEGORIEEN } from '@sd/domain';
import { Code, invalidField, PROBLEM_TYPES, PRODUCTCATEGORIE_CODE, ProblemException } from '@sd/http';

export class VoegProductcategorieToeDto {
  @ApiProperty({ example: 'GM0005' })
  @Matches(GEMEENTE_CODE, { message: 'gemeente moet een CBS-code zijn zoals GM0005' })
  gemeente!: string;
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
  constructor(private readonly commands: CommandHandler) {}

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
    const { state } = await this.commands.load(CODELIJST, gemeente);
    return { landelijk: PRODUCTCATEGORIEEN, eigen: state.codes };
  }

  @Post()
  @Rollen('beheer')
  async voegToe(@Body() body: VoegProductcategorieToeDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'VoegProductcategorieToe', ...body } as const;
    return answerPosition(
      await this.commands.handle({ aggregate: CODELIJST, id: body.gemeente, gemeente: body.gemeente, command, metadata }),
    );
  }
}
