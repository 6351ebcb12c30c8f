import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A built CLI (`dist/apps/<main>`) as its user runs it, in a child process: asynchronously, since
 * the servers under test run in this process. No SD_TOKEN from the environment: a test gives the
 * token it means. `npm test` builds dist/ first.
 */
export function runBuiltCli(main: string, args: string[], env: Record<string, string> = {}): Promise<CliOutput> {
  const file = path.join(ROOT, 'dist/apps', main);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first (npm test builds)`);
  return new Promise((done) => {
    execFile(
      process.execPath,
      [file, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A test app listening on a port of its own, for a child process to reach; its base URL. */
export async function listenForChild(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/** A CLI's failure is one sentence on stderr, never a stack trace. */
export function isOneSentence(stderr: string): boolean {
  return stderr.trim().split('\n').length === 1 && !/\n\s+at /.test(stderr);
}
