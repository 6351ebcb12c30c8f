import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSpanContextValid, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { parseTraceParent, TRACE_PARENT_HEADER, W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/) for every request: the processing log
 * (libs/logboek) records each request as a span of a trace that may run across intake,
 * voorzieningen and projections, and the log lines carry the same trace id. Parsing and formatting
 * `traceparent` is OpenTelemetry's own (@opentelemetry/core, without its SDK): a header that is
 * not valid W3C (bad version, all-zero ids) starts a new trace, as the W3C text asks.
 */
export interface TraceContext {
  /** 32 lowercase hex digits; kept from an incoming `traceparent`, else new. */
  traceId: string;
  /** 16 hex digits: this request's own span, always new. */
  spanId: string;
  /** The caller's span (the `parent-id` of its `traceparent`), when it sent one. */
  parentSpanId?: string;
  /** The caller's trace flags (sampled), passed on unchanged; 01 when we start the trace. */
  traceFlags: number;
}

const propagator = new W3CTraceContextPropagator();
const SLEUTEL = Symbol('sd:traceContext');

type MetTrace = IncomingMessage & { [SLEUTEL]?: TraceContext };

/** The context of a request that sent `traceparent` (continued), or of a new trace. */
export function traceContextUit(traceparent: string | string[] | undefined): TraceContext {
  // Several traceparent headers are invalid (W3C §3.2): start afresh rather than pick one.
  const ouder = typeof traceparent === 'string' ? parseTraceParent(traceparent.trim()) : null;
  const spanId = nieuwId(8);
  if (ouder && isSpanContextValid(ouder)) {
    return { traceId: ouder.traceId, spanId, parentSpanId: ouder.spanId, traceFlags: ouder.traceFlags };
  }
  return { traceId: nieuwId(16), spanId, traceFlags: TraceFlags.SAMPLED };
}

/** `traceparent` naming our span: what a caller sends on its next request to stay in the trace. */
export function traceparentVan(t: TraceContext): string {
  const drager: Record<string, string> = {};
  const context = trace.setSpanContext(ROOT_CONTEXT, { traceId: t.traceId, spanId: t.spanId, traceFlags: t.traceFlags });
  propagator.inject(context, drager, { set: (d: Record<string, string>, k, v) => (d[k] = v) });
  return drager[TRACE_PARENT_HEADER];
}

/**
 * The request's trace context, made once when the request comes in (the logging middleware) and
 * sent back at once as `traceparent`, so also an error answer names the span its log lines carry.
 */
export function traceContextVan(req: IncomingMessage, res?: ServerResponse): TraceContext {
  const r = req as MetTrace;
  if (!r[SLEUTEL]) {
    r[SLEUTEL] = traceContextUit(req.headers[TRACE_PARENT_HEADER]);
    if (res && !res.headersSent) res.setHeader(TRACE_PARENT_HEADER, traceparentVan(r[SLEUTEL]));
  }
  return r[SLEUTEL];
}

/** Random ids; all zeros (probability 2^-64 and less) is invalid, so draw again. */
function nieuwId(bytes: number): string {
  for (;;) {
    const id = randomBytes(bytes).toString('hex');
    if (!/^0+$/.test(id)) return id;
  }
}
