import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication, LoggerService } from '@nestjs/common';

/** How long the requests in flight get to finish; then their connections are cut (exit within 10 s). */
const DRAIN_MS = Number(process.env.SHUTDOWN_DRAIN_MS) || 7_000;

/**
 * On SIGTERM or SIGINT: accept no new connections, let the requests in flight finish (their answers
 * and any that still arrive on an open keep-alive connection say `Connection: close`, so clients go
 * elsewhere instead of getting an error), then close the app — its loops stop at a transaction
 * boundary (beforeApplicationShutdown), then its pools (onApplicationShutdown) — and exit 0.
 * Nest's own enableShutdownHooks runs the destroy hooks before the server stops, does not tell
 * keep-alive clients to go, and re-raises the signal, so the exit code is never 0.
 */
export function stopGracefullyOnSignals(app: INestApplication, logger: LoggerService): void {
  const server = app.getHttpServer() as Server;
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let drained: (() => void) | undefined;

  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) drained?.();
    });
  });

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (draining) return;
    draining = true;
    logger.log(`${signal}: no new connections; ${inFlight.size} request(s) in flight finish first`);
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    server.close();
    server.closeIdleConnections();
    if (inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        drained = resolve;
        setTimeout(resolve, DRAIN_MS).unref();
      });
    }
    server.closeAllConnections();
    try {
      await app.close();
      process.exit(0);
    } catch (e) {
      logger.error(`stopping failed: ${(e as Error).message}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', (s) => void stop(s));
  process.once('SIGINT', (s) => void stop(s));
}
