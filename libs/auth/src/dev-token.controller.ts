import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, Matches, ValidateIf } from 'class-validator';
import { GEMEENTE_CODE } from '@sd/domain';
import { Public } from './auth.decorators.js';
import { ROLLEN, type Rol } from './principal.js';
import { TokenService } from './token.service.js';

export class DevTokenAanvraag {
  @ApiProperty({ enum: ROLLEN, example: 'consulent' })
  @IsIn(ROLLEN, { message: `rol moet een van ${ROLLEN.join(', ')} zijn` })
  rol!: Rol;

  @ApiProperty({ type: [String], example: ['GM0005'] })
  @IsArray({ message: 'gemeenten moet een lijst van CBS-codes zijn' })
  @ArrayMaxSize(400)
  @Matches(GEMEENTE_CODE, { each: true, message: 'gemeenten bevat een code die niet de vorm GM0000 heeft' })
  gemeenten!: string[];

  @ApiPropertyOptional({ example: 'consulent-anna', description: 'user id (default dev-<rol>)' })
  @ValidateIf((_o: object, v: unknown) => v !== undefined) // null is refused, not skipped
  @Matches(/^[A-Za-z0-9._@-]{1,64}$/, { message: 'sub: 1–64 letters, cijfers of . _ @ -' })
  sub?: string;
}

/** Exists only in AUTH_MODE=dev (the default of npm start). */
@ApiTags('auth')
@Controller('auth')
export class DevTokenController {
  constructor(private readonly tokens: TokenService) {}

  @Public()
  @Post('dev-token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ontwikkeltoken voor een rol en gemeenten (alleen in dev-modus)' })
  async devToken(@Body() body: DevTokenAanvraag): Promise<{ token: string }> {
    return { token: await this.tokens.issueDevToken(body) };
  }
}
