// `npm test`: type-check, build (cross-app tests run the built apps), then every jest suite.
// Jest starts its own embedded PostgreSQL (libs/testing/src/global-setup.ts).
import { build, checkNode, ensureInstalled, ROOT, run } from './setup.mjs';

checkNode();
ensureInstalled();
console.log('Type-checking…');
run(`${ROOT}/node_modules/.bin/tsc`, ['--noEmit', '-p', 'tsconfig.json']);
build();
run(process.execPath, ['--experimental-vm-modules', '--no-warnings', `${ROOT}/node_modules/jest/bin/jest.js`, ...process.argv.slice(2)]);
