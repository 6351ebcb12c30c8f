import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';

/** The headers that go with an answer: the stream version read or written, and where a new resource lives. */
export interface AnswerHeaders {
  /** Sent as the ETag `"<version>"`, which a later If-Match names. */
  version?: number;
  location?: string;
}

/**
 * An answer and its headers. Controllers return this instead of writing to the response, so the
 * libraries that make answers never see an Express object; CommandHeadersInterceptor sets the
 * headers at the edge.
 */
export class WithHeaders<T> {
  constructor(
    readonly body: T,
    readonly headers: AnswerHeaders,
  ) {}
}

/** Sets ETag and Location of a WithHeaders answer and sends its body; any other answer passes unchanged. */
@Injectable()
export class CommandHeadersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((answer: unknown) => {
        if (!(answer instanceof WithHeaders)) return answer;
        const res = context.switchToHttp().getResponse<Response>();
        const { version, location } = answer.headers;
        if (version !== undefined) res.setHeader('ETag', `"${version}"`);
        if (location !== undefined) res.location(location);
        return answer.body as unknown;
      }),
    );
  }
}
