import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { eisGemeente } from '@sd/auth';
import { CommandHandler, type CommandMetadata, type CommandResult, REGIO } from '@sd/commands';
import { decodeEvent, type RegioVastgesteldV1 } from '@sd/contracts';
import { PG_POOL } from '@sd/database';
import { EVENT_STORE, type EventStore } from '@sd/event-store';
import type { Regio, RegioDto } from './regio.dto.js';

/**
 * Regio's: named sets of gemeenten that report together. Each is a stream of its own in the event
 * store (`regio-<code>`), read back and folded on request: there are a handful, and a report that
 * names one needs its gemeenten as known on its kennisdatum.
 */
@Injectable()
export class RegioService {
  constructor(
    private readonly commands: CommandHandler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  /** Who defines a regio must act for each of its gemeenten, those it had and those it gets. */
  async stelVast(code: string, body: RegioDto, metadata: CommandMetadata): Promise<CommandResult> {
    const gemeenten = [...new Set(body.gemeenten)].sort();
    const huidig = await this.regio(code, null);
    for (const g of new Set([...gemeenten, ...(huidig?.gemeenten ?? [])])) eisGemeente(metadata, g);
    const command = { type: 'StelRegioVast', code, naam: body.naam, gemeenten } as const;
    return this.commands.handle({ aggregate: REGIO, id: code, gemeente: gemeenten[0], command, metadata });
  }

  /** Every regio, as known at the instant (null: now), by code. */
  async alle(kennis: Date | null): Promise<Regio[]> {
    // A prefix match: with the C collation of our own server it reads the primary key's range; under
    // another collation (a range would then order '-' by its own rules) a scan, still right.
    const prefix = REGIO.streamId('');
    const { rows } = await this.pool.query<{ stream_id: string }>(
      `SELECT stream_id FROM es_streams WHERE stream_id LIKE $1 ORDER BY stream_id COLLATE "C"`,
      [`${prefix}%`],
    );
    const regios = await Promise.all(rows.map((r) => this.regio(r.stream_id.slice(prefix.length), kennis)));
    return regios.filter((r): r is Regio => r !== null);
  }

  /**
   * A regio as known at the instant; one named later than that instant as it was first named, so
   * that a regio made today can be asked about the past. Null: no such regio.
   */
  async regio(code: string, kennis: Date | null): Promise<Regio | null> {
    const events = await this.store.readStream(REGIO.streamId(code));
    if (events.length === 0) return null;
    const bekend = kennis ? events.filter((e) => e.recordedAt <= kennis) : events;
    const laatste = (bekend.length ? bekend : events.slice(0, 1)).at(-1)!;
    const { naam, gemeenten } = decodeEvent(laatste).data as unknown as RegioVastgesteldV1;
    return { code, naam, gemeenten };
  }
}
