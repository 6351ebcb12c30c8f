// `npm test`: type-check, format and lint, build (cross-app tests run the built apps), then every jest suite.
// Jest starts its own embedded PostgreSQL (libs/testing/src/global-setup.ts).
import { build, checkNode, ensureInstalled, ROOT, run } from './setup.mjs';

checkNode();
ensureInstalled();
console.log('Type-checking…');
run(`${ROOT}/node_modules/.bin/tsc`, ['--noEmit', '-p', 'tsconfig.json']);
// The dashboard is browser code (DOM, JSX) with a tsconfig of its own.
run(`${ROOT}/node_modules/.bin/tsc`, ['--noEmit', '-p', 'apps/dashboard/tsconfig.json']);
// The whole suite checks formatting and lint too; a run of chosen tests (`npm test -- path`) skips them.
if (process.argv.length <= 2) {
  console.log('Formatting (Prettier) and linting (ESLint)…');
  run(`${ROOT}/node_modules/.bin/prettier`, ['--check', '--log-level', 'warn', '.']);
  run(`${ROOT}/node_modules/.bin/eslint`, ['--max-warnings', '0', '.']);
}
build();
run(process.execPath, ['--experimental-vm-modules', '--no-warnings', `${ROOT}/node_modules/jest/bin/jest.js`, ...process.argv.slice(2)]);
