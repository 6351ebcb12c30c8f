import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, portInUse } from '../../../scripts/embedded-postgres.mjs';

export interface TestNats {
  url: string;
  /** The JetStream store directory (-sd): its files are what the server keeps on disk. */
  dir: string;
  /** Stops the server (SIGTERM), keeping its JetStream data. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  dispose(): Promise<void>;
}

/**
 * A real nats-server (Debian's package) with JetStream on a free port. When the binary is missing
 * the test fails with how to install it: it never skips.
 */
export async function startTestNats(): Promise<TestNats> {
  if (spawnSync('nats-server', ['--version']).status !== 0) {
    throw new Error('nats-server is not installed: apt-get install -y nats-server (.ci/run does this)');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-nats-'));
  const port = await freePort();
  let proc: ChildProcess | undefined;
  const start = async () => {
    proc = spawn('nats-server', ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (!(await portInUse(port))) {
      if (Date.now() > deadline) throw new Error('nats-server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc!.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    dir,
    stop,
    start,
    async dispose() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
