import { type ChildProcess, spawn, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseEnv, type TestDatabase } from './test-database.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * A built app (`dist/apps/<main>`, as `npm start` and production run it) as a child process on a
 * test database: for tests that kill, stop or restart a real process. `npm test` builds dist/ first.
 */
export function spawnBuiltApp(main: string, db: TestDatabase, env: Record<string, string>, stdio: StdioOptions = 'ignore'): ChildProcess {
  const file = path.join(ROOT, 'dist/apps', main);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run the suite with npm test (it builds first)`);
  return spawn(process.execPath, [file], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...databaseEnv(db), ...env },
    stdio,
  });
}
