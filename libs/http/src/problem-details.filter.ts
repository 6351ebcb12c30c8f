import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { Conflict, GeenToegang, NietGevonden, RegelOvertreding } from '@sd/domain';
import { ClientVergetenError, WrongExpectedVersionError } from '@sd/event-store';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { MAX_JSON_DEPTH } from './json-depth.js';
import { invalidField, PROBLEM_TYPES, type ProblemBody, ProblemException } from './problem.js';

/**
 * The single exception filter of every app: everything leaves as RFC 9457 problem+json.
 * Messages are our own; nothing from the request body (which may hold a BSN) is echoed.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = req.path;
    if (problem.status === 503) {
      this.logger.warn({ path: req.path, code: (exception as { code?: unknown }).code }, 'database unavailable');
    } else if (problem.status >= 500) {
      this.logger.error({ err: exception, path: req.path }, 'unexpected error');
    }
    if (typeof problem.retryAfter === 'number') res.setHeader('Retry-After', String(problem.retryAfter));
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(e: unknown): ProblemBody {
    if (e instanceof ProblemException) return { ...e.problem };
    if (isDatabaseUnavailable(e)) {
      return { ...plain(503, 'De database is even niet bereikbaar; probeer het zo opnieuw.'), retryAfter: 5 };
    }
    if (e instanceof RegelOvertreding) {
      return {
        type: PROBLEM_TYPES.regelOvertreding,
        title: 'De opdracht past niet bij de regels',
        status: 422,
        detail: e.overtredingen.map((o) => o.message).join(' '),
        errors: e.overtredingen.map((o) => invalidField(o.field, o.message)),
      };
    }
    if (e instanceof Conflict) {
      return { type: PROBLEM_TYPES.conflict, title: 'Conflict', status: 409, detail: e.message, ...e.details };
    }
    if (e instanceof ClientVergetenError) {
      // A late command for a forgotten client: nothing about them can be stored any more.
      return {
        type: PROBLEM_TYPES.conflict,
        title: 'Conflict',
        status: 409,
        detail: 'Deze cliënt is vergeten: er kan niets meer over worden vastgelegd.',
      };
    }
    if (e instanceof WrongExpectedVersionError) {
      return {
        type: PROBLEM_TYPES.versieConflict,
        title: 'Iemand anders was u voor',
        status: 409,
        detail: 'De registratie is intussen gewijzigd; haal haar opnieuw op en probeer het nog eens.',
        huidigeVersie: e.actual,
      };
    }
    if (e instanceof NietGevonden) return plain(404, e.message);
    if (e instanceof GeenToegang) return plain(403, e.message);
    // Express's body parser errors arrive wrapped (Nest maps them); their messages can quote the body.
    const cause = (e instanceof HttpException ? e.cause : e) as { type?: unknown; status?: number } | undefined;
    // body-parser's types have a dot (`entity.parse.failed`); other libraries' errors have types too.
    const parserType = typeof cause?.type === 'string' && cause.type.includes('.') ? cause.type : undefined;
    if (parserType === 'entity.too.large') return plain(413, 'De body is groter dan toegestaan (1 MB).');
    if (parserType === 'entity.parse.failed' || cause instanceof SyntaxError) {
      return {
        type: PROBLEM_TYPES.ongeldigeInvoer,
        title: 'Ongeldige invoer',
        status: 400,
        detail: 'De body is geen geldige JSON.',
        errors: [invalidField('body', 'geen geldige JSON')],
      };
    }
    if (parserType === 'entity.too.deep') {
      return {
        type: PROBLEM_TYPES.ongeldigeInvoer,
        title: 'Ongeldige invoer',
        status: 400,
        detail: `De body is dieper genest dan ${MAX_JSON_DEPTH} niveaus.`,
        errors: [invalidField('body', 'te diep genest')],
      };
    }
    if (parserType || cause instanceof URIError) {
      return plain(e instanceof HttpException ? e.getStatus() : 400, 'Het verzoek kon niet worden gelezen.');
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const body = e.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      return plain(status, typeof message === 'string' ? message : undefined);
    }
    return plain(HttpStatus.INTERNAL_SERVER_ERROR, 'Er ging iets mis aan onze kant.');
  }
}

function plain(status: number, detail?: string): ProblemBody {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, ...(detail ? { detail } : {}) };
}
