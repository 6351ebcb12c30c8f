export type AuthMode = 'dev' | 'jwt';

export interface AuthConfig {
  mode: AuthMode;
  issuer: string;
  audience: string;
  /** dev mode: HS256 secret shared by the three apps (npm start generates one per DATA_DIR). */
  devSecret: string;
  /** jwt mode: a JWKS URL, or one or more PEM public keys. */
  jwksUrl?: string;
  publicKeyPem?: string;
}

const DEV_FALLBACK_SECRET = 'sociaal-domein-dev-only-secret-never-in-production';

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const mode = (env.AUTH_MODE ?? 'dev') as AuthMode;
  if (mode !== 'dev' && mode !== 'jwt') throw new Error(`AUTH_MODE must be dev or jwt, not ${String(mode)}`);
  const config: AuthConfig = {
    mode,
    issuer: env.JWT_ISSUER ?? (mode === 'dev' ? 'sociaal-domein-dev' : ''),
    audience: env.JWT_AUDIENCE ?? 'sociaal-domein',
    devSecret: env.DEV_JWT_SECRET ?? DEV_FALLBACK_SECRET,
    jwksUrl: env.JWKS_URL || undefined,
    publicKeyPem: env.JWT_PUBLIC_KEY || undefined,
  };
  if (mode === 'jwt') {
    if (!config.jwksUrl && !config.publicKeyPem) throw new Error('AUTH_MODE=jwt needs JWKS_URL or JWT_PUBLIC_KEY');
    if (!config.issuer) throw new Error('AUTH_MODE=jwt needs JWT_ISSUER');
  }
  return config;
}
