import type pg from 'pg';
import type { KopRegel } from '@sd/audit';
import { type EventStore, heeftVersleuteld, type RecordedEvent } from '@sd/event-store';
import { ZegelOpslag } from '../zegel/zegel-opslag.js';
import { anderRegel, checkpointRegel, eventRegel } from './export-regels.js';

/** Events per read, and so per chunk written: memory stays at one such chunk whatever the export's size. */
const FETCH = 1_000;

/** An event's seal. */
type Zegel = { global_position: string; keten: string; zouten: Record<string, string> };

export interface ExportVraag {
  gemeenten: string[];
  totPositie: number;
  sleutelPem: string;
  /** The events as the apps read them (VersleutelendeEventStore.ontsleutel): decrypted, or `[vergeten]`. */
  ontsleutel: (events: RecordedEvent[]) => Promise<RecordedEvent[]>;
}

/**
 * GET /audit/export's body (libs/audit export-regels.ts), as chunks of NDJSON lines: the stored
 * events (whichever store holds them: `opslag` is the store below the encryption) page by page up to
 * the asked position, which are immutable, with their seals and the checkpoints from one read-only
 * snapshot, so it is consistent and never held in memory. The consumer pulls (a Readable over this
 * generator), so a slow client slows the reading; when it goes away the generator is returned and
 * the transaction rolled back.
 */
export async function* auditExport(pool: pg.Pool, opslag: EventStore, vraag: ExportVraag): AsyncGenerator<string> {
  const kop: KopRegel = {
    soort: 'kop',
    formaat: 'sd-audit-export/1',
    gemeenten: vraag.gemeenten,
    totPositie: vraag.totPositie,
    gemaakt: new Date().toISOString(),
    sleutel: vraag.sleutelPem,
  };
  yield JSON.stringify(kop) + '\n';
  const gevraagd = new Set(vraag.gemeenten);
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (let na = 0; ;) {
      const events = await opslag.readAll({ after: na, limit: FETCH, upTo: vraag.totPositie });
      if (events.length === 0) break;
      na = events[events.length - 1].globalPosition;
      const { rows } = await client.query<Zegel>(
        `SELECT global_position, keten, zouten FROM es_zegel WHERE global_position BETWEEN $1 AND $2`,
        [events[0].globalPosition, na],
      );
      const zegels = new Map(rows.map((z) => [Number(z.global_position), z]));
      // The asked gemeenten's events once more as the apps read them, for their revealed fields.
      const leesbaar = await vraag.ontsleutel(events.filter((e) => gevraagd.has(e.gemeente) && heeftVersleuteld(e.data)));
      const ontsleuteld = new Map(leesbaar.map((e) => [e.globalPosition, e.data]));
      let chunk = '';
      for (const e of events) {
        const zegel = zegels.get(e.globalPosition);
        const zouten = zegel?.zouten ?? {};
        const keten = zegel?.keten ?? null;
        const regel = gevraagd.has(e.gemeente)
          ? eventRegel(e, zouten, keten, ontsleuteld.get(e.globalPosition))
          : anderRegel(e, zouten, keten);
        chunk += JSON.stringify(regel) + '\n';
      }
      yield chunk;
    }
    const zegelOpslag = new ZegelOpslag(pool);
    for (let van = 0; ;) {
      const checkpoints = await zegelOpslag.checkpoints({ vanPositie: van, totPositie: vraag.totPositie, limit: FETCH }, client);
      if (checkpoints.length === 0) break;
      yield checkpoints.map((c) => JSON.stringify(checkpointRegel(c)) + '\n').join('');
      van = checkpoints[checkpoints.length - 1].positie + 1;
    }
    await client.query('COMMIT');
  } finally {
    await client.query('ROLLBACK').catch(() => undefined); // a no-op after COMMIT; ends an abandoned export
    client.release();
  }
}
