import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createPinoLogging, PinoLoggerService } from './logging/pino-logger.js';
import { traceContextUit, traceparentVan } from './trace-context.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const OUDER = '00f067aa0ba902b7';

describe('W3C trace context', () => {
  it('continues an incoming traceparent: its trace id, its span as our parent, a new span of our own', () => {
    const t = traceContextUit(`00-${TRACE}-${OUDER}-01`);
    expect(t.traceId).toBe(TRACE);
    expect(t.parentSpanId).toBe(OUDER);
    expect(t.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(t.spanId).not.toBe(OUDER);
    expect(t.traceFlags).toBe(1);
  });

  it('keeps the caller’s flags (not sampled stays not sampled)', () => {
    expect(traceparentVan(traceContextUit(`00-${TRACE}-${OUDER}-00`))).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-00$`));
  });

  it.each([
    ['absent', undefined],
    ['not W3C', 'garbage'],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${OUDER}-01`],
    ['an all-zero parent id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE}-${OUDER}-01`],
    ['upper case hex', `00-${TRACE.toUpperCase()}-${OUDER}-01`],
    ['two headers', [`00-${TRACE}-${OUDER}-01`, `00-${TRACE}-${OUDER}-01`]],
  ])('starts a new trace when traceparent is %s', (_, header) => {
    const t = traceContextUit(header);
    expect(t.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(t.traceId).not.toBe(TRACE);
    expect(t.parentSpanId).toBeUndefined();
    expect(t.traceFlags).toBe(1);
  });

  it('formats our span as a traceparent a next request continues', () => {
    const eerste = traceContextUit(undefined);
    const header = traceparentVan(eerste);
    expect(header).toBe(`00-${eerste.traceId}-${eerste.spanId}-01`);
    const volgende = traceContextUit(header);
    expect(volgende.traceId).toBe(eerste.traceId);
    expect(volgende.parentSpanId).toBe(eerste.spanId);
  });
});

describe('log lines of a request', () => {
  it('carry its trace_id and span_id, and the answer carries its traceparent', async () => {
    const regels: Record<string, unknown>[] = [];
    const uit = new Writable({
      write(chunk: Buffer, _enc, klaar) {
        regels.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        klaar();
      },
    });
    const logging = createPinoLogging({ level: 'info' }, uit);
    const server = createServer((req: IncomingMessage, res: ServerResponse) =>
      logging.middleware(req, res, () => {
        new PinoLoggerService(logging.root).log('binnen'); // Nest's Logger, during the request
        res.end('ok');
      }),
    );
    const res = await request(server).get('/x').set('traceparent', `00-${TRACE}-${OUDER}-01`);
    const [, traceId, spanId] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(res.headers.traceparent) ?? [];
    expect(traceId).toBe(TRACE);
    expect(regels.find((r) => r.msg === 'binnen')).toMatchObject({ trace_id: TRACE, span_id: spanId });
    expect(regels.find((r) => r.msg === 'request completed')).toMatchObject({ trace_id: TRACE, span_id: spanId });
  });
});
