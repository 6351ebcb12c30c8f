// `npm run bench:projections -- [--quick] [--events N] [...]` or `npm run bench:relay -- [--events N]`: compiles apps/, libs/ and bench/ with
// the project's SWC settings into bench/.build/<name> (not dist/, which `npm test` and others rebuild
// while we run; one folder per benchmark, so two benchmarks can run at once), then runs the benchmark in a fresh Node process. Extra Node flags go in
// BENCH_NODE_OPTIONS (e.g. BENCH_NODE_OPTIONS=--cpu-prof).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// On a fresh clone, install what is missing first, as npm start does.
const { buildDashboard, checkNode, ensureInstalled } = await import(path.join(ROOT, 'scripts', 'setup.mjs'));
checkNode();
ensureInstalled();

// The first argument may name the benchmark (bench/<name>.bench.ts); default: projections.
const naam =
  /^[a-z]+$/.test(process.argv[2] ?? '') && fs.existsSync(path.join(ROOT, 'bench', `${process.argv[2]}.bench.ts`))
    ? process.argv[2]
    : 'projections';
const args = process.argv.slice(naam === process.argv[2] ? 3 : 2);
const OUT = path.join(ROOT, 'bench', '.build', naam);

fs.rmSync(OUT, { recursive: true, force: true });
const swc = spawnSync(
  path.join(ROOT, 'node_modules', '.bin', 'swc'),
  ['apps', 'libs', `bench/${naam}.bench.ts`, 'bench/lib', '-d', OUT, '--ignore', '**/*.spec.ts,apps/dashboard/**', '--quiet'],
  { cwd: ROOT, stdio: 'inherit' },
);
if (swc.status !== 0) {
  console.error(`compiling the benchmark failed${swc.error ? `: ${swc.error.message}` : ''}`);
  process.exit(swc.status ?? 1);
}
// The projections app serves the dashboard (the Overzicht is timed in Chromium) from DASHBOARD_DIR:
// bench/www/dashboard, since express will not send a file under a dot folder such as bench/.build.
buildDashboard(path.join(ROOT, 'bench', 'www'));
process.env.DASHBOARD_DIR = path.join(ROOT, 'bench', 'www', 'dashboard');
// Compiled code imports the plain-JS launcher and app flags relative to itself.
fs.mkdirSync(path.join(OUT, 'scripts'), { recursive: true });
for (const f of ['embedded-postgres.mjs', 'postgres-as-root.mjs', 'app-flags.mjs'])
  fs.copyFileSync(path.join(ROOT, 'scripts', f), path.join(OUT, 'scripts', f));

const nodeFlags = [
  '--enable-source-maps',
  '--expose-gc',
  '--max-old-space-size=8192',
  ...(process.env.BENCH_NODE_OPTIONS ? process.env.BENCH_NODE_OPTIONS.split(/\s+/).filter(Boolean) : []),
];
const res = spawnSync(process.execPath, [...nodeFlags, path.join(OUT, 'bench', `${naam}.bench.js`), ...args], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(res.status ?? 1);
