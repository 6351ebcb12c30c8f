// What `npm start` and `npm test` both need first: a recent Node.js, the npm packages, a build.
// Plain JavaScript without dependencies: it runs on a fresh clone.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Stops with one sentence when Node.js is older than package.json's `engines` (`>=MAJOR.MINOR`). */
export function checkNode() {
  const wanted = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node;
  const [wMajor, wMinor = 0] = wanted
    .replace(/^>=\s*/, '')
    .split('.')
    .map(Number);
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < wMajor || (major === wMajor && minor < wMinor)) {
    console.error(
      `Node.js ${process.versions.node} is too old: this project needs Node.js ${wanted} (see package.json "engines"); install a newer one and try again.`,
    );
    process.exit(1);
  }
}

export function run(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (res.status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed (exit ${res.status ?? res.signal}).`);
    process.exit(res.status ?? 1);
  }
}

/**
 * Installs the npm packages when node_modules is missing or older than package-lock.json: `npm ci`,
 * exactly the lock file (which lists every platform's optional binaries), as a build server would.
 */
export function ensureInstalled() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  const how = fs.existsSync(lock) ? 'ci' : 'install';
  console.log(`Installing npm packages (npm ${how})…`);
  run('npm', [how, '--no-audit', '--no-fund']);
}

/** What the dashboard is built from: its sources, the two code lists it imports, the installed packages. */
const DASHBOARD_BRONNEN = ['apps/dashboard', 'libs/domain/src/productcategorieen.ts', 'libs/contracts/src/codes.ts', 'package-lock.json'];

function bronnenStempel() {
  const hash = createHash('sha256');
  const voeg = (rel) => {
    const abs = path.join(ROOT, rel);
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) {
      for (const naam of fs.readdirSync(abs).sort()) if (naam !== 'node_modules' && naam !== 'dist') voeg(path.join(rel, naam));
    } else hash.update(`${rel}:${stat.size}:${stat.mtimeMs}\n`);
  };
  DASHBOARD_BRONNEN.forEach(voeg);
  return hash.digest('hex');
}

/**
 * The dashboard (apps/dashboard, React) with Vite into `<out>/dashboard`, which the projections app
 * serves at /dashboard. Copied from the last build instead while none of its sources changed.
 */
export function buildDashboard(out) {
  const doel = path.join(out, 'dashboard');
  const vorige = path.join(ROOT, 'dist', 'dashboard');
  const stempel = bronnenStempel();
  if (fs.existsSync(path.join(vorige, '.bronnen')) && fs.readFileSync(path.join(vorige, '.bronnen'), 'utf8') === stempel) {
    fs.cpSync(vorige, doel, { recursive: true });
    return;
  }
  console.log('Building the dashboard (Vite)…');
  run(path.join(ROOT, 'node_modules', '.bin', 'vite'), [
    'build',
    '--config',
    'apps/dashboard/vite.config.ts',
    '--outDir',
    doel,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]);
  // A dotfile: express.static does not serve it.
  fs.writeFileSync(path.join(doel, '.bronnen'), stempel);
}

/**
 * Compiles apps/ and libs/ to dist/ with SWC (about a second) and builds the dashboard. Into a
 * fresh folder first and then swapped in, so a running `npm start` or test run never sees a
 * half-written dist/. apps/dashboard is Vite's (browser code, JSX), not SWC's.
 */
export function build() {
  const next = path.join(ROOT, `dist.${process.pid}`);
  fs.rmSync(next, { recursive: true, force: true });
  run(path.join(ROOT, 'node_modules', '.bin', 'swc'), [
    'apps',
    'libs',
    '-d',
    next,
    '--ignore',
    '**/*.spec.ts,apps/dashboard/**',
    '--quiet',
  ]);
  buildDashboard(next);
  const old = path.join(ROOT, `dist.old.${process.pid}`);
  if (fs.existsSync(path.join(ROOT, 'dist'))) fs.renameSync(path.join(ROOT, 'dist'), old);
  fs.renameSync(next, path.join(ROOT, 'dist'));
  fs.rmSync(old, { recursive: true, force: true });
}
