import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type EventStore, KurrentDbEventStore, RUWE_EVENT_STORE, Wekker } from '@sd/event-store';
import { wekBronnenUitEnv } from './wekker.config.js';

/**
 * On KurrentDB (where no NOTIFY follows an append) wakes the daemon on each new event, through a
 * live subscription to `$all`. Only a wake: the daemon still reads from its checkpoints.
 */
@Injectable()
export class KurrentDbBron implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private volger?: { stop(): Promise<void> };

  constructor(
    @Inject(Wekker) private readonly wekker: Wekker,
    @Inject(RUWE_EVENT_STORE) private readonly store: EventStore,
  ) {}

  onApplicationBootstrap(): void {
    if (!wekBronnenUitEnv().has('kurrentdb') || !(this.store instanceof KurrentDbEventStore)) return;
    this.volger = this.store.volgNieuwe((positie) => this.wekker.wek('kurrentdb', positie));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.volger?.stop();
  }
}
