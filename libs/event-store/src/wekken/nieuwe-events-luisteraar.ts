import { Logger } from '@nestjs/common';
import pg from 'pg';
import { nieuweEventsKanaal } from './nieuwe-events.js';

export interface LuisteraarOpties {
  url: string;
  schema: string;
  /** Who listens, in the log and in pg_stat_activity. */
  naam: string;
}

/**
 * LISTENs on the schema's new-events channel on a connection of its own (a pooled one would be
 * handed to others, and a pool drops idle ones) and calls `bijMelding` for each notification, with
 * the position it announces. When
 * the connection drops (PostgreSQL restarts, the network goes), it says so once, connects again
 * with backoff (0.1 s doubling to 5 s) and says when it is back; meanwhile the reader polls. After
 * every (re)connect it calls `bijMelding` once: appends made while nobody listened sent their
 * notifications to no one.
 */
export class NieuweEventsLuisteraar {
  private readonly logger: Logger;
  private readonly kanaal: string;
  private stoppen = false;
  private lus?: Promise<void>;
  private onderbreek?: () => void;
  private _verbonden = false;

  constructor(
    private readonly opties: LuisteraarOpties,
    private readonly bijMelding: (positie?: number) => void,
  ) {
    this.logger = new Logger(opties.naam);
    this.kanaal = nieuweEventsKanaal(opties.schema);
  }

  get verbonden(): boolean {
    return this._verbonden;
  }

  start(): void {
    this.lus ??= this.draai();
  }

  async stop(): Promise<void> {
    this.stoppen = true;
    this.onderbreek?.();
    await this.lus;
  }

  private async draai(): Promise<void> {
    let wacht = 100;
    let weg = false;
    while (!this.stoppen) {
      const client = new pg.Client({
        connectionString: this.opties.url,
        application_name: process.env.APP_NAME ?? this.opties.naam,
        connectionTimeoutMillis: 5_000,
        keepAlive: true, // a peer that vanishes without closing is noticed too
      });
      // Ends on an error, on the server closing the connection, or on stop().
      const verbroken = new Promise<Error | undefined>((resolve) => {
        client.on('error', resolve);
        client.on('end', () => resolve(undefined));
        this.onderbreek = () => resolve(undefined);
      });
      let fout: unknown;
      try {
        await client.connect();
        client.on('notification', (m) => {
          if (m.channel === this.kanaal) this.bijMelding(Number(m.payload));
        });
        await client.query(`LISTEN "${this.kanaal}"`);
        this._verbonden = true;
        wacht = 100;
        if (weg) this.logger.log(`LISTEN ${this.kanaal}: connected again`);
        weg = false;
        this.bijMelding();
        fout = await verbroken;
      } catch (e) {
        fout = e;
      }
      this._verbonden = false;
      await client.end().catch(() => undefined);
      if (this.stoppen) break;
      if (!weg) {
        const reden = fout instanceof Error ? fout.message : 'the connection closed';
        this.logger.warn(`LISTEN ${this.kanaal}: ${reden}; polling until it is back`);
        weg = true;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wacht);
        this.onderbreek = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wacht = Math.min(wacht * 2, 5_000);
    }
  }
}
