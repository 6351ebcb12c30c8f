import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from '@jest/globals';
import { freePort } from '../../../scripts/embedded-postgres.mjs';
import { startTestStack, type TestStack } from '../../../test/stack.js';
import { generateHistory } from './history-generator.js';
import { beschrijfOracleVergelijking } from './oracle-vergelijking.js';

/**
 * Projection workers that scale out: three worker processes (the built app, as deployed) share
 * the gemeenten; one is killed with SIGKILL in the middle of catching up; the others take its
 * gemeenten over, and the reports then equal the oracle exactly as with one worker. The app
 * under test answers the queries as a query-only instance (PROJECTIE_WORKER=false).
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const MAIN = path.join(ROOT, 'dist/apps/projections/src/main.js');

interface Worker {
  proc: ChildProcess;
  port: number;
}

async function aandeel(w: Worker): Promise<string[] | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${w.port}/health`);
    const body = (await res.json()) as { info?: { projectie?: { gemeenten: string[] } } };
    return body.info?.projectie?.gemeenten ?? null;
  } catch {
    return null;
  }
}

beschrijfOracleVergelijking(async (gemeenten, seed) => {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run the suite with npm test (it builds first)`);
  const alle = gemeenten;
  const stack: TestStack = await startTestStack({ PROJECTIE_WORKER: 'false' });
  const history = await generateHistory(stack, { seed, clienten: 150, gemeenten: alle });
  const head = await stack.store.headPosition();

  const workers: Worker[] = [];
  let uitvoer = '';
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const proc = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DATABASE_URL: stack.db.config.url,
        DATABASE_SCHEMA: stack.db.config.schema,
        PROJECTIONS_PORT: String(port),
        PROJECTIE_WORKER: 'true',
        // one event per transaction and one gemeente at a time: catching up takes seconds, so the
        // kill below lands in the middle of it
        PROJECTIE_BATCH: '1',
        PROJECTIE_PARALLEL: '1',
        PROJECTIE_VERDEEL_MS: '200',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    proc.stderr.on('data', (d) => (uitvoer += d));
    workers.push({ proc, port });
  }
  const stop = async () => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    await stack.close();
  };

  try {
    // the three share the gemeenten, disjointly
    let delen: (string[] | null)[] = [];
    for (let i = 0; i < 200; i++) {
      delen = await Promise.all(workers.map(aandeel));
      if (delen.every((d) => d && d.length > 0) && delen.flatMap((d) => d!).length === alle.length) break;
      await sleep(50);
    }
    expect(delen.flatMap((d) => d!).sort()).toEqual([...alle].sort());

    // kill one in the middle of catching up its gemeente
    const generatie = (await stack.db.pool.query(`SELECT schema_naam FROM rm_generatie WHERE status = 'actief'`)).rows[0]
      .schema_naam as string;
    const [dode, ...levend] = workers;
    const zijnDeel = delen[0]!;
    const zijnVoortgang = async () =>
      Number(
        (
          await stack.db.pool.query(`SELECT coalesce(min(positie), 0) AS p FROM "${generatie}".rm_checkpoint WHERE gemeente = ANY($1)`, [
            zijnDeel,
          ])
        ).rows[0].p,
      );
    while ((await zijnVoortgang()) === 0) await sleep(5);
    dode.proc.kill('SIGKILL');
    expect(await zijnVoortgang()).toBeLessThan(head);

    // the others take its gemeenten over within seconds
    const t0 = Date.now();
    for (;;) {
      const nu = (await Promise.all(levend.map(aandeel))).flatMap((d) => d ?? []);
      if (zijnDeel.every((g) => nu.includes(g))) break;
      if (Date.now() - t0 > 5_000) throw new Error(`gemeenten ${zijnDeel} not taken over within 5 s`);
      await sleep(50);
    }

    // and everything is applied, each event once
    for (let i = 0; i < 600; i++) {
      const cp = await stack.db.pool.query(`SELECT min(positie)::int AS min, count(*)::int AS n FROM "${generatie}".rm_checkpoint`);
      if (cp.rows[0].n === alle.length && cp.rows[0].min >= head) break;
      await sleep(50);
    }
    const items = await stack.db.pool.query(
      `SELECT count(*)::int AS versies, count(*) FILTER (WHERE known_to IS NULL)::int AS huidig, count(DISTINCT item_id)::int AS items FROM "${generatie}".rm_item`,
    );
    const events = await stack.db.pool.query(
      `SELECT count(*)::int AS n, count(DISTINCT stream_id)::int AS streams FROM es_events WHERE stream_type IN ('voorziening', 'uitkering')`,
    );
    expect(items.rows[0]).toEqual({ versies: events.rows[0].n, huidig: events.rows[0].streams, items: events.rows[0].streams });
  } catch (e) {
    await stop();
    if (uitvoer) (e as Error).message += `\nworker stderr:\n${uitvoer.slice(-2000)}`;
    throw e;
  }
  return { stack, history, stop };
});
