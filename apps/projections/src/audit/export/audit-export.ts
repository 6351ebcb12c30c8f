import type pg from 'pg';
import type { KopRegel } from '@sd/audit';
import { type EventRow, heeftVersleuteld, type RecordedEvent, toRecorded } from '@sd/event-store';
import { ZegelOpslag } from '../zegel/zegel-opslag.js';
import { anderRegel, checkpointRegel, eventRegel } from './export-regels.js';

/** Rows per FETCH, and so per chunk written: memory stays at one such chunk whatever the export's size. */
const FETCH = 1_000;

/** An event row with its seal (none when the event was never sealed). */
type Rij = EventRow & { keten: string | null; zouten: Record<string, string> | null };

export interface ExportVraag {
  gemeenten: string[];
  totPositie: number;
  sleutelPem: string;
  /** The events as the apps read them (VersleutelendeEventStore.ontsleutel): decrypted, or `[vergeten]`. */
  ontsleutel: (events: RecordedEvent[]) => Promise<RecordedEvent[]>;
}

/**
 * GET /audit/export's body (libs/audit export-regels.ts), as chunks of NDJSON lines: read from a
 * server-side cursor in one read-only snapshot, so it is consistent and never held in memory. The
 * consumer pulls (a Readable over this generator), so a slow client slows the reading; when it goes
 * away the generator is returned and the transaction rolled back.
 */
export async function* auditExport(pool: pg.Pool, vraag: ExportVraag): AsyncGenerator<string> {
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
    await client.query(
      `DECLARE audit_export NO SCROLL CURSOR FOR
         SELECT e.global_position, e.stream_id, e.stream_version, e.stream_type, e.event_id, e.event_type, e.schema_version,
                e.gemeente, e.data, e.metadata, e.actor_id, e.correlation_id, e.causation_id, e.recorded_at, z.keten, z.zouten
           FROM es_events e LEFT JOIN es_zegel z ON z.global_position = e.global_position
          WHERE e.global_position <= $1
          ORDER BY e.global_position`,
      [vraag.totPositie],
    );
    for (;;) {
      const { rows } = await client.query<Rij>(`FETCH ${FETCH} FROM audit_export`);
      if (rows.length === 0) break;
      let chunk = '';
      const events = rows.map(toRecorded);
      // The asked gemeenten's events once more as the apps read them, for their revealed fields.
      const leesbaar = await vraag.ontsleutel(events.filter((e) => gevraagd.has(e.gemeente) && heeftVersleuteld(e.data)));
      const ontsleuteld = new Map(leesbaar.map((e) => [e.globalPosition, e.data]));
      for (const [i, r] of rows.entries()) {
        const e = events[i];
        const zouten = r.zouten ?? {};
        const regel = gevraagd.has(e.gemeente)
          ? eventRegel(e, zouten, r.keten, ontsleuteld.get(e.globalPosition))
          : anderRegel(e, zouten, r.keten);
        chunk += JSON.stringify(regel) + '\n';
      }
      yield chunk;
    }
    await client.query('CLOSE audit_export');
    const opslag = new ZegelOpslag(pool);
    for (let van = 0; ;) {
      const checkpoints = await opslag.checkpoints({ vanPositie: van, totPositie: vraag.totPositie, limit: FETCH }, client);
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
