import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GeenToegang } from '@sd/domain';
import { PUBLIC_KEY, ROLLEN_KEY } from './auth.decorators.js';
import type { Principal, Rol } from './principal.js';
import { OngeldigToken, TokenService } from './token.service.js';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(), and a role
 * listed by @Rollen() when it has one. A route without @Rollen() is refused to everybody, so
 * forgetting to declare who may call it fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('Een bearer token is nodig (Authorization: Bearer …).');
    try {
      req.principal = await this.tokens.verify(match[1]);
    } catch (e) {
      if (e instanceof OngeldigToken) throw new UnauthorizedException(`Het token is geweigerd: ${e.message}.`);
      throw e;
    }
    const rollen = this.reflector.getAllAndOverride<Rol[]>(ROLLEN_KEY, targets) ?? [];
    if (!rollen.includes(req.principal.rol)) {
      throw new ForbiddenException(`De rol ${req.principal.rol} mag dit niet.`);
    }
    return true;
  }
}

/**
 * The one gemeente check: 403 (GeenToegang) unless the caller may act for this gemeente. The
 * command handler applies it to every command's metadata, reads to the principal.
 */
export function eisGemeente(caller: { readonly gemeenten: readonly string[] }, gemeente: string): void {
  if (!caller.gemeenten.includes(gemeente)) throw new GeenToegang(`Geen toegang tot gemeente ${gemeente}.`);
}
