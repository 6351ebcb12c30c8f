import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { databaseConfigFromEnv } from '@sd/database';
import { NieuweEventsLuisteraar, Wekker } from '@sd/event-store';
import { wekBronnenUitEnv } from './wekker.config.js';

/**
 * Wakes the daemon on the NOTIFY that follows every append (NieuweEventsMelder), over a connection
 * of its own that comes back by itself when the database does.
 */
@Injectable()
export class NotifyBron implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private luisteraar?: NieuweEventsLuisteraar;

  constructor(@Inject(Wekker) private readonly wekker: Wekker) {}

  onApplicationBootstrap(): void {
    if (!wekBronnenUitEnv().has('notify')) return;
    const { url, schema } = databaseConfigFromEnv();
    this.luisteraar = new NieuweEventsLuisteraar({ url, schema, naam: 'projecties-notify' }, (positie) =>
      this.wekker.wek('notify', positie),
    );
    this.luisteraar.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.luisteraar?.stop();
  }

  /** null: not listening (turned off, or another event store). */
  verbonden(): boolean | null {
    return this.luisteraar ? this.luisteraar.verbonden : null;
  }
}
