import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Rol } from './principal.js';

export const PUBLIC_KEY = 'sd:public';
export const ROLLEN_KEY = 'sd:rollen';

/** The route needs no token (health, OpenAPI, dev-token). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the route; any other valid token gets 403. */
export const Rollen = (...rollen: Rol[]) => SetMetadata(ROLLEN_KEY, rollen);

/** The verified caller of this request. */
export const Gebruiker = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
