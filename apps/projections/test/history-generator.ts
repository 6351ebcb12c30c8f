/**
 * A random but seeded case history, registered through REST only (the apps of test/stack.ts), for
 * holding the reports to the oracle.
 *
 * Every client gets its own PRNG (derived from the seed and its number) and its own sequential
 * script, so the history a seed gives is the same however the clients' requests interleave; the
 * clients run concurrently in a small pool. Each script mirrors the state of its streams (the
 * rules of the deciders) so that it only sends commands that must succeed; every request is
 * asserted to answer 2xx.
 *
 * Three phases, with a kennisdatum taken between them: phase 1 registers most of the history;
 * phases 2 and 3 are late registrations over the same past dates (late beëindigingen, second
 * beëindigingen, correcties, intrekkingen, late afrondingen and starts, new clients and items).
 * All dates lie in 2015-06-01 … 2016-12-31.
 *
 * This file is the driver (the clients, the phases, the pool); the parts are in history-generator/:
 * kalender.ts (the PRNG and the dates), keuzes.ts (code lists, birth dates, BSNs), casus.ts (the
 * mirrored state and the clients), intake.ts, voorzieningen.ts, uitkeringen.ts and besluiten.ts
 * (the commands per aggregate) and trajecten.ts (a client's scripts).
 */
import type { TestStack } from '../../../test/stack.js';
import { maakCasussen, type Registratie } from './history-generator/casus.js';
import { intakeCommandos } from './history-generator/intake.js';
import { trajectScripts } from './history-generator/trajecten.js';

export { dagnummer, EERSTE_DAG, LAATSTE_DAG, MAANDEINDEN, maandeinde, plusDagen, Rng } from './history-generator/kalender.js';

export interface HistoryOptions {
  seed: number;
  /** Number of clients over all three phases (about 80 % registered in phase 1). */
  clienten: number;
  /** CBS codes of the gemeenten the clients live in. */
  gemeenten: string[];
  /** Clients whose scripts run at the same time (default 8). */
  concurrency?: number;
}

export interface GeneratedHistory {
  /** k1 after phase 1, k2 after phase 2. */
  kennisdata: [Date, Date];
  /** The highest global position any command answered. */
  lastPositie: number;
  /** What was registered, by kind (and `requests` in all, `ms` the time it took). */
  counts: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function generateHistory(stack: TestStack, opts: HistoryOptions): Promise<GeneratedHistory> {
  const started = Date.now();
  const concurrency = opts.concurrency ?? 8;
  const token = await stack.token('consulent', opts.gemeenten, 'history-generator');
  const counts: Record<string, number> = {};
  const tel = (wat: string) => (counts[wat] = (counts[wat] ?? 0) + 1);
  let lastPositie = 0;

  async function post(app: 'intake' | 'voorzieningen', path: string, body: object): Promise<Record<string, unknown>> {
    const res = await stack[app].http.post(path).set('Authorization', `Bearer ${token}`).send(body);
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`history generator: POST ${path} ${JSON.stringify(body)} → ${res.status} ${res.text}`);
    }
    tel('requests');
    if (typeof res.body.positie === 'number') lastPositie = Math.max(lastPositie, res.body.positie);
    return res.body as Record<string, unknown>;
  }

  const casussen = maakCasussen(opts);
  const registratie: Registratie = { seed: opts.seed, post, tel };
  const { registreer } = intakeCommandos(registratie);
  const { traject, nieuweTrajecten, lateActies } = trajectScripts(registratie);

  async function fase(nr: 1 | 2 | 3): Promise<void> {
    await pool(casussen, concurrency, async (c) => {
      if (c.fase === nr) {
        await registreer(c);
        await nieuweTrajecten(c);
        if (nr === 1) await lateActies(c, 0.3);
      } else if (c.fase < nr) {
        await lateActies(c, nr === 2 ? 1 : 0.7);
        if (c.rng.chance(0.3)) await traject(c);
      }
    });
  }

  await fase(1);
  await sleep(20);
  const k1 = new Date();
  await sleep(20);
  await fase(2);
  await sleep(20);
  const k2 = new Date();
  await sleep(20);
  await fase(3);

  counts.ms = Date.now() - started;
  return { kennisdata: [k1, k2], lastPositie, counts };
}

/** Runs fn over the items with at most n at a time. */
async function pool<T>(items: readonly T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let volgende = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (volgende < items.length) await fn(items[volgende++]);
    }),
  );
}
