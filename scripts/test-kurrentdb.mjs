// `npm run test:kurrentdb`: the event-store contract, the apps' end-to-end tests and the oracle
// comparison against a real KurrentDB at KURRENTDB_URL (README: "KurrentDB"). PostgreSQL still holds
// the key store, read models, checkpoints and seals; jest starts it as in `npm test`.
import { build, checkNode, ensureInstalled, ROOT, run } from './setup.mjs';

checkNode();
if (!process.env.KURRENTDB_URL) {
  console.error('npm run test:kurrentdb heeft KURRENTDB_URL nodig, bijvoorbeeld kurrentdb://localhost:2113?tls=false (zie de README).');
  process.exit(2);
}
ensureInstalled();
build();
process.env.EVENT_STORE = 'kurrentdb';
// Suites that reach the events only through the apps and the EventStore port (others read es_events itself).
const SUITES = [
  'libs/event-store/src/kurrentdb',
  'apps/projections/test/rapportages.e2e.spec.ts',
  'apps/projections/test/reeks.e2e.spec.ts',
  'apps/projections/test/reports-vs-oracle.e2e.spec.ts',
  'apps/projections/test/projectie-daemon.e2e.spec.ts',
  'apps/projections/test/zegel.e2e.spec.ts',
  'apps/voorzieningen/test/relay.e2e.spec.ts',
  'apps/audit-cli/test/api.e2e.spec.ts',
  'test/case-history.e2e.spec.ts',
  'test/concurrency-idempotentie.e2e.spec.ts',
  'test/concurrency-versies.e2e.spec.ts',
  'test/vergeten.e2e.spec.ts',
  'test/herbereken.e2e.spec.ts',
  'test/logboek.e2e.spec.ts',
];
run(process.execPath, [
  '--experimental-vm-modules',
  '--no-warnings',
  `${ROOT}/node_modules/jest/bin/jest.js`,
  '--runInBand',
  ...SUITES,
  ...process.argv.slice(2),
]);
