import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const MAIN = path.join(ROOT, 'dist/apps/beheer-cli/src/main.js');

export interface Uitvoer {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The built CLI as beheer runs it: `node dist/apps/beheer-cli/src/main.js …` in a child process
 * (asynchronously: the servers under test run in this process). No SD_TOKEN from the environment.
 */
export function cli(args: string[], env: Record<string, string> = {}): Promise<Uitvoer> {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test builds)`);
  return new Promise((klaar) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (fout, stdout, stderr) => klaar({ code: fout ? Number((fout as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A test app listening on a port of its own, for a child process to reach; its base URL. */
export async function luister(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const adres = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${adres.port}`;
}

/** No stack trace, ever: one sentence on stderr. */
export function eenZin(stderr: string): boolean {
  return stderr.trim().split('\n').length === 1 && !/\n\s+at /.test(stderr);
}
