import type { KurrentDbTestServer } from './kurrentdb/server.js';

export type { KurrentDbTestServer } from './kurrentdb/server.js';

/**
 * A KurrentDB gRPC test server on a free port (see kurrentdb/README.md). Loaded on demand:
 * grpc-js and the client's generated protocol take a fifth of a second to load, which every
 * other test file importing `@sd/testing` would otherwise pay.
 */
export async function startKurrentDbTestServer(): Promise<KurrentDbTestServer> {
  const { startKurrentDbTestServer: start } = await import('./kurrentdb/server.js');
  return start();
}
