import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { freePort, startEmbeddedPostgres } from '../../../scripts/embedded-postgres.mjs';

/**
 * One real PostgreSQL for the whole test run; every test file makes its own schema in it.
 * A test never skips for want of a database: if this fails, the run fails.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return; // an outside PostgreSQL was given
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-test-pg-'));
  fs.chmodSync(dataDir, 0o755); // the embedded server may run as its own system user
  const db = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'data'),
    port: await freePort(),
    persistent: false,
    durable: false,
  });
  process.env.TEST_DATABASE_URL = db.url;
  (globalThis as { __sdStopPostgres?: () => Promise<void> }).__sdStopPostgres = async () => {
    await db.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
