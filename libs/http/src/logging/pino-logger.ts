import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type LoggerService } from '@nestjs/common';
import pino, { type Logger as Pino, type LoggerOptions } from 'pino';
import { pinoHttp } from 'pino-http';
import { traceContextVan } from '../trace-context.js';

/**
 * Nest's logger on pino, with each request's own child logger (its id) for whatever is logged
 * while that request runs. nestjs-pino did this; its releases that support Node.js 20 are CommonJS
 * and cannot load Nest 12 (ESM only), the later ones need Node.js 22.
 */
const perRequest = new AsyncLocalStorage<Pino>();

export interface PinoLogging {
  root: Pino;
  /** pino-http's request log, then the request's logger bound for the rest of the request. */
  middleware(req: IncomingMessage, res: ServerResponse, next: () => void): void;
}

/** `destination`: where the lines go (default stdout); a test passes a stream it reads. */
export function createPinoLogging(options: LoggerOptions, destination?: pino.DestinationStream): PinoLogging {
  // Every line of a request names its trace and span (OpenTelemetry's field names), so the log
  // lines of one trace can be found beside its records in the processing log (libs/logboek).
  const customProps = (req: IncomingMessage) => {
    const { traceId, spanId } = traceContextVan(req);
    return { trace_id: traceId, span_id: spanId };
  };
  const http = pinoHttp({ ...options, customProps }, destination);
  return {
    root: http.logger,
    middleware(req, res, next) {
      traceContextVan(req, res);
      http(req, res, () => perRequest.run((req as IncomingMessage & { log: Pino }).log, next));
    },
  };
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

@Injectable()
export class PinoLoggerService implements LoggerService {
  constructor(private readonly root: Pino) {}

  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  /**
   * Nest's Logger passes its context last; `logger.error({ err }, 'message')` passes an object
   * first; Nest itself calls `error(message, stack, context)`.
   */
  private write(level: Level, message: unknown, params: unknown[]): void {
    const log = perRequest.getStore() ?? this.root;
    const fields: Record<string, unknown> = {};
    const rest = [...params];
    if (rest.length > 0 && typeof rest.at(-1) === 'string') fields.context = rest.pop();
    if (message instanceof Error) {
      log[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      log[level]({ ...fields, ...message }, ...(rest as [string]));
    } else if (level === 'error' && typeof rest[0] === 'string' && rest.length === 1 && rest[0].includes('\n    at ')) {
      const err = new Error(String(message));
      err.stack = rest[0];
      log[level]({ ...fields, err });
    } else {
      log[level](fields, String(message), ...rest);
    }
  }
}

export { pino };
