import { performance } from 'node:perf_hooks';
import { createPool } from '@sd/database';
import { PostgresEventStore } from '@sd/event-store';
import { zegelConfigFromEnv } from '../../apps/projections/src/audit/zegel/zegel.config.js';
import { Zegelaar } from '../../apps/projections/src/audit/zegel/zegelaar.service.js';

export interface ZegelMeting {
  events: number;
  seconden: number;
  eventsPerSeconde: number;
  checkpoints: number;
}

/**
 * One sealing pass over the whole seeded history, from position 0 to the head, by the projections
 * app's own sealer step (read a batch through the event store port, seal, write seals and any
 * checkpoint in one transaction), in this process: what the first start after the audit migration
 * does to an existing store.
 */
export async function meetVerzegeling(opties: {
  url: string;
  schema: string;
  voortgang?: (positie: number) => void;
}): Promise<ZegelMeting> {
  const pool = createPool({ url: opties.url, schema: opties.schema, poolSize: 2 });
  try {
    // The key of the run (all.bench.ts sets AUDIT_SIGNING_KEY for this process and the apps): one signer over the whole log.
    const config = { ...zegelConfigFromEnv({ ...process.env, AUTH_MODE: 'dev' }), nats: null };
    const zegelaar = new Zegelaar(config, new PostgresEventStore(pool), pool);
    const start = performance.now();
    let events = 0;
    for (;;) {
      const n = await zegelaar.stap();
      if (n === 0) break;
      events += n;
      opties.voortgang?.(events);
    }
    const seconden = (performance.now() - start) / 1000;
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM es_zegel_checkpoint`);
    return { events, seconden, eventsPerSeconde: Math.round(events / seconden), checkpoints: Number(rows[0].n) };
  } finally {
    await pool.end();
  }
}
