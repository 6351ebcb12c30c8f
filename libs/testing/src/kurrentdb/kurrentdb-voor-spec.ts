import { afterAll, beforeAll } from '@jest/globals';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { type KurrentDbTestServer, startKurrentDbTestServer } from './server.js';

/**
 * For one spec file: a test server and the official client on it, started before the file's tests
 * (before its own beforeAll hooks, which are registered later) and stopped after them.
 */
export function kurrentDbVoorSpec(): { readonly server: KurrentDbTestServer; readonly client: KurrentDBClient } {
  const k = {} as { server: KurrentDbTestServer; client: KurrentDBClient };
  beforeAll(async () => {
    k.server = await startKurrentDbTestServer();
    k.client = KurrentDBClient.connectionString(k.server.url);
  });
  afterAll(async () => {
    await k.client?.dispose();
    await k.server?.stop();
  });
  return k;
}
