import { type CallHandler, type ExecutionContext, HttpException, Inject, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { Principal } from '@sd/auth';
import { Conflict, GeenToegang, NietGevonden, RegelOvertreding } from '@sd/domain';
import { EVENT_STORE, type EventStore, WrongExpectedVersionError } from '@sd/event-store';
import { isDatabaseUnavailable, ProblemException, traceContextVan } from '@sd/http';
import { LogboekOpslag } from './logboek-opslag.js';
import { type Betrokkene, STATUS_CODE, type StatusCode } from './verwerking.js';
import { type BetrokkeneBron, VERWERKING_KEY, type VerwerkingMeta } from './verwerking-meta.js';

/** The app's name in each record's `resource` (`service.name`). */
export const LOGBOEK_DIENST = Symbol('LOGBOEK_DIENST');

/**
 * Writes the record of a route marked @Verwerking, after its handler and before its answer:
 *
 * - The handler answered: a record with STATUS_CODE_OK. If it cannot be written, a read (GET)
 *   answers 503 and shows nothing: data is not shown without its record. A command keeps its
 *   answer (its event is stored and names actor and time, and a 503 would invite a retry that
 *   registers twice); the lost record is logged as an error with its trace id.
 * - The handler threw a 4xx (invalid input, not found, another gemeente, a conflict, a rule): no
 *   record. Such an answer is a refusal that showed or changed nothing of the client. (The
 *   standard would log it as STATUS_CODE_UNSET; we leave it out, so an inzageverzoek lists what
 *   was done with the data, not every attempt.)
 * - Anything else thrown (5xx): a record with STATUS_CODE_ERROR, since part of the processing may
 *   have happened; when that record cannot be written either, the original error goes out. Not
 *   when the database is away (503): the record would only wait for the same outage.
 *
 * Without a subject (the stream is no client's, e.g. a regio) a successful request leaves no record.
 */
@Injectable()
export class VerwerkingInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Logboek');

  constructor(
    private readonly reflector: Reflector,
    private readonly logboek: LogboekOpslag,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGBOEK_DIENST) private readonly dienst: string,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get<VerwerkingMeta | undefined>(VERWERKING_KEY, ctx.getHandler());
    if (!meta || ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const res = ctx.switchToHttp().getResponse<Response>();
    return from(this.verwerk(meta, req, res, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  private async verwerk(meta: VerwerkingMeta, req: Request & { principal?: Principal }, res: Response, handler: () => Promise<unknown>) {
    const trace = traceContextVan(req, res);
    const startTime = new Date();
    const verzoek = { params: (req.params ?? {}) as Record<string, string>, body: req.body as unknown };
    const record = async (statusCode: StatusCode, betrokkene: Betrokkene | undefined) =>
      this.logboek.schrijf({
        traceId: trace.traceId,
        spanId: trace.spanId,
        ...(trace.parentSpanId ? { parentSpanId: trace.parentSpanId } : {}),
        name: `${req.method} ${routePad(req)}`,
        startTime,
        endTime: new Date(),
        statusCode,
        dienst: this.dienst,
        activiteit: meta.activiteit,
        ...(betrokkene ? { betrokkene } : {}),
        actor: req.principal?.sub ?? 'onbekend',
        ...(req.principal?.rol ? { rol: req.principal.rol } : {}),
      });

    let antwoord: unknown;
    try {
      antwoord = await handler();
    } catch (fout) {
      // The logboek is in the same database: with that away the record would only wait for it too.
      if (isWeigering(fout) || isDatabaseUnavailable(fout)) throw fout;
      try {
        await record(STATUS_CODE.ERROR, await this.betrokkene(meta.betrokkene(verzoek, undefined)));
      } catch (e) {
        this.logger.warn({ err: e, trace_id: trace.traceId, span_id: trace.spanId }, 'processing record (ERROR) not written');
      }
      throw fout;
    }

    try {
      const betrokkene = await this.betrokkene(meta.betrokkene(verzoek, antwoord));
      if (betrokkene) await record(STATUS_CODE.OK, betrokkene);
    } catch (e) {
      if (req.method === 'GET') throw nietVastgelegd();
      this.logger.error({ err: e, trace_id: trace.traceId, span_id: trace.spanId }, 'processing record not written');
    }
    return antwoord;
  }

  /** A stream names its client in its first event (a client stream's own clientId included). */
  private async betrokkene(bron: BetrokkeneBron): Promise<Betrokkene | undefined> {
    if (!bron || !('stream' in bron)) return bron;
    const [eerste] = await this.store.readStream(bron.stream);
    const clientId = eerste?.data.clientId;
    return typeof clientId === 'string' ? { clientId, gemeente: eerste.gemeente } : undefined;
  }
}

/** The route as declared (`/clienten/:id`): a record's name never holds a value from the request. */
function routePad(req: Request): string {
  const pad = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pad === 'string' ? pad : '(onbekend)';
}

function isWeigering(e: unknown): boolean {
  if (e instanceof HttpException) return e.getStatus() < 500;
  return (
    e instanceof RegelOvertreding ||
    e instanceof Conflict ||
    e instanceof NietGevonden ||
    e instanceof GeenToegang ||
    e instanceof WrongExpectedVersionError
  );
}

function nietVastgelegd(): ProblemException {
  return new ProblemException({
    type: 'urn:sociaal-domein:problem:logboek-niet-bijgewerkt',
    title: 'Service Unavailable',
    status: 503,
    detail: 'Deze inzage kon niet in het verwerkingenlogboek worden vastgelegd, dus tonen we de gegevens niet. Probeer het zo opnieuw.',
    retryAfter: 5,
  });
}
