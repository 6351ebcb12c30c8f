import { vraagJson } from '../api/http';

/** GET /dashboard/config.json (public): how this installation signs users in. */
export interface DashboardConfig {
  authMode: 'dev' | 'jwt';
  oidcIssuer?: string | null;
  oidcClientId?: string | null;
  oidcScope?: string | null;
  /** Publication mode: counts up to this are secret (the server's PUBLICATIE_GEHEIM_TOT). */
  publicatieGeheimTot?: number;
}

export function laadConfig(): Promise<DashboardConfig> {
  return vraagJson<DashboardConfig>('/dashboard/config.json');
}
