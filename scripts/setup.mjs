// What `npm start` and `npm test` both need first: a recent Node.js, the npm packages, a build.
// Plain JavaScript without dependencies: it runs on a fresh clone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Node.js ${process.versions.node} is too old: NestJS 12 needs 20.19 or newer.`);
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

/** Installs the npm packages when node_modules is missing or older than package-lock.json. */
export function ensureInstalled() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  // `npm install` rather than `npm ci`: npm 11's ci refuses this lock file for missing optional
  // packages of other platforms (@swc/core-darwin-*); install keeps the lock file as it is.
  console.log('Installing npm packages (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

/** Compiles apps/ and libs/ to dist/ with SWC (about a second). */
export function build() {
  fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
  run(path.join(ROOT, 'node_modules', '.bin', 'swc'), ['apps', 'libs', '-d', 'dist', '--ignore', '**/*.spec.ts', '--quiet']);
}
