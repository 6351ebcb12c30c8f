import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@sd/auth';

/** What the dashboard needs to know before anyone signs in: how to sign in. Nothing secret. */
export interface DashboardConfig {
  authMode: 'dev' | 'jwt';
  oidcIssuer: string | null;
  oidcClientId: string | null;
  oidcScope: string | null;
  publicatieGeheimTot: number;
}

export function dashboardConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DashboardConfig {
  return {
    authMode: env.AUTH_MODE === 'jwt' ? 'jwt' : 'dev',
    oidcIssuer: env.OIDC_ISSUER || null,
    oidcClientId: env.OIDC_CLIENT_ID || null,
    oidcScope: env.OIDC_SCOPE || null,
    publicatieGeheimTot: Number(env.PUBLICATIE_GEHEIM_TOT ?? 7),
  };
}

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardConfigController {
  private readonly config = dashboardConfigFromEnv();

  @Public()
  @Get('config.json')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Inlogmodus van het dashboard: dev-token of OpenID Connect (issuer en client-id)' })
  get(): DashboardConfig {
    return this.config;
  }
}
