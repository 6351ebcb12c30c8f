import { Inject, Injectable } from '@nestjs/common';
import * as jose from 'jose';
import { GEMEENTE_CODE } from '@sd/domain';
import type { AuthConfig } from './auth.config.js';
import { type Principal, ROLLEN, type Rol } from './principal.js';

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

/** Why a token was refused; never echoes the token itself. */
export class OngeldigToken extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'OngeldigToken';
  }
}

@Injectable()
export class TokenService {
  private readonly key: jose.JWTVerifyGetKey | Promise<jose.CryptoKey>;

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {
    if (config.mode === 'dev') {
      // Imported once: given as bytes, jose imports the secret into WebCrypto on every request.
      this.key = crypto.subtle.importKey('raw', new TextEncoder().encode(config.devSecret), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
        'verify',
      ]);
    } else if (config.jwksUrl) {
      this.key = jose.createRemoteJWKSet(new URL(config.jwksUrl));
    } else {
      this.key = importPem(config.publicKeyPem!);
    }
  }

  /** Only in dev mode: a token for any role and gemeenten, valid for 12 hours. */
  async issueDevToken(claims: { rol: Rol; gemeenten: string[]; sub?: string }): Promise<string> {
    if (this.config.mode !== 'dev') throw new Error('dev tokens exist only in AUTH_MODE=dev');
    return new jose.SignJWT({ rol: claims.rol, gemeenten: claims.gemeenten })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub ?? `dev-${claims.rol}`)
      .setIssuer(this.config.issuer)
      .setAudience(this.config.audience)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(await (this.key as Promise<jose.CryptoKey>));
  }

  async verify(token: string): Promise<Principal> {
    let payload: jose.JWTPayload;
    try {
      const options: jose.JWTVerifyOptions = {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.mode === 'dev' ? ['HS256'] : ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'],
        requiredClaims: ['exp', 'sub'],
      };
      const key = await this.key;
      ({ payload } = typeof key === 'function' ? await jose.jwtVerify(token, key, options) : await jose.jwtVerify(token, key, options));
    } catch (e) {
      throw new OngeldigToken(e instanceof jose.errors.JWTExpired ? 'token verlopen' : 'token ongeldig');
    }
    const { sub, rol, gemeenten } = payload as { sub?: unknown; rol?: unknown; gemeenten?: unknown };
    if (typeof sub !== 'string' || !ROLLEN.includes(rol as Rol)) throw new OngeldigToken('token zonder geldige rol');
    if (!Array.isArray(gemeenten) || !gemeenten.every((g) => typeof g === 'string' && GEMEENTE_CODE.test(g))) {
      throw new OngeldigToken('token zonder geldige gemeenten');
    }
    return { sub, rol: rol as Rol, gemeenten: gemeenten as string[] };
  }
}

async function importPem(pem: string): Promise<jose.CryptoKey> {
  const alg = /BEGIN PUBLIC KEY/.test(pem) ? (process.env.JWT_ALGORITHM ?? 'RS256') : 'RS256';
  return jose.importSPKI(pem, alg);
}
