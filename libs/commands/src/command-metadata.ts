import { createHash, randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import stringify from 'safe-stable-stringify';
import type { Principal } from '@sd/auth';
import { invalidField, PROBLEM_TYPES, ProblemException } from '@sd/http';

/**
 * What travels beside a command, never in it (Emmett's command metadata): who sends it, for which
 * gemeenten, with which retry key and which version read. Deciders see only the command.
 */
export interface CommandMetadata {
  /** The user's id (JWT `sub`); stored on every event as the actor. */
  actor: string;
  /** The gemeenten of the token: the command handler checks the stream's gemeente against them. */
  gemeenten: readonly string[];
  /** The `Idempotency-Key` header, when sent. */
  idempotencyKey?: string;
  /** Hash of method, path and canonical body: the same key with another request is refused. */
  requestHash: string;
  /** The stream version from `If-Match` (an ETag from a GET), when sent. */
  ifMatch?: number;
  correlationId: string;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

interface CommandHttpRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  principal: Principal;
}

export function commandMetadataFrom(req: CommandHttpRequest): CommandMetadata {
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const key = header('idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw badHeader('Idempotency-Key', 'Idempotency-Key: 1–255 zichtbare ASCII-tekens');
  }
  const ifMatchRaw = header('if-match');
  let ifMatch: number | undefined;
  if (ifMatchRaw !== undefined) {
    const m = /^(?:W\/)?"(\d{1,15})"$/.exec(ifMatchRaw.trim());
    if (!m) throw badHeader('If-Match', 'If-Match: een ETag zoals "3", uit een eerdere GET');
    ifMatch = Number(m[1]);
  }
  const correlation = header('x-correlation-id');
  return {
    actor: req.principal.sub,
    gemeenten: req.principal.gemeenten,
    idempotencyKey: key,
    requestHash: createHash('sha256')
      .update(`${req.method} ${req.path}\n${stringify(req.body ?? null)}`)
      .digest('base64url'),
    ifMatch,
    correlationId: correlation && /^[\w.-]{1,128}$/.test(correlation) ? correlation : randomUUID(),
  };
}

function badHeader(name: string, message: string): ProblemException {
  return new ProblemException({
    type: PROBLEM_TYPES.ongeldigeInvoer,
    title: 'Ongeldige invoer',
    status: 400,
    detail: message,
    errors: [{ ...invalidField(name, message), pointer: `header:${name}` }],
  });
}

/** Controller parameter: the CommandMetadata of this request. */
export const CommandMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMetadata =>
  commandMetadataFrom(ctx.switchToHttp().getRequest<CommandHttpRequest>()),
);
