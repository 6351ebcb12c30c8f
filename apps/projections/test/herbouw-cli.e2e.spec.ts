import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestStack, type TestStack } from '../../../test/stack.js';
import { generateHistory } from './history-generator.js';

/**
 * `npm run rebuild` as beheer runs it: the built CLI, a Nest application context without HTTP (the
 * dashboard it shares a module with serves nothing there), rebuilds the read models into a new
 * generation while the app answers, and the reports stay what they were.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(ROOT, 'dist/apps/projections/src/herbouw.cli.js');
let stack: TestStack;

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run the suite with npm test (it builds first)`);
  stack = await startTestStack();
  await generateHistory(stack, { seed: 7, clienten: 30, gemeenten: ['GM0005'] });
}, 120_000);
afterAll(async () => stack?.close());

/** The stand once the read model has every event (minPositie waits for it). */
async function stand(token: string): Promise<string> {
  const head = await stack.store.headPosition();
  const res = await stack.projections.http
    .get(`/rapportages/stand?peildatum=2016-06-30&gemeente=GM0005&minPositie=${head}`)
    .set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  const { kennisdatum: _k, ...rest } = res.body as Record<string, unknown>;
  return JSON.stringify(rest);
}

describe('npm run rebuild', () => {
  it('builds a new active generation with progress, and the reports stay the same', async () => {
    const token = await stack.token('rapportage', ['GM0005']);
    const voor = await stand(token);
    const { rows: oud } = await stack.db.pool.query<{ nummer: number }>(`SELECT nummer FROM rm_generatie WHERE status = 'actief'`);

    const cli = spawn(process.execPath, [CLI], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: stack.db.config.url, DATABASE_SCHEMA: stack.db.config.schema },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let uit = '';
    cli.stdout.on('data', (d) => (uit += d));
    cli.stderr.on('data', (d) => (uit += d));
    const code = await new Promise<number | null>((r) => cli.once('exit', r));

    expect({ code, uit }).toEqual({ code: 0, uit: expect.stringMatching(/Generatie (\d+) is actief: \d+ events/) });
    const nummer = Number(/Generatie (\d+) is actief/.exec(uit)![1]);
    expect(nummer).toBeGreaterThan(oud[0].nummer);
    const { rows: nu } = await stack.db.pool.query<{ nummer: number }>(`SELECT nummer FROM rm_generatie WHERE status = 'actief'`);
    expect(nu.map((r) => r.nummer)).toEqual([nummer]);
    expect(await stand(token)).toBe(voor);
  }, 120_000);
});
