import { ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@sd/event-store';
import { type Generatie, Generaties } from '../projectie/generaties.service.js';
import { ProjectieDaemon } from '../projectie/projectie-daemon.js';

export interface HerbouwStatus {
  bezig: boolean;
  generatie?: number;
  verwerkt: number;
  totaal: number;
  gestartOp?: string;
  klaarOp?: string;
  eventsPerSeconde?: number;
  fout?: string;
}

/**
 * Rebuilds every read model from the event store into a new generation while the active one
 * keeps serving; when the new one has caught up it becomes active and the old one is dropped.
 */
@Injectable()
export class Herbouw {
  private readonly logger = new Logger(Herbouw.name);
  private status: HerbouwStatus = { bezig: false, verwerkt: 0, totaal: 0 };

  constructor(
    private readonly generaties: Generaties,
    private readonly daemon: ProjectieDaemon,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  huidig(): HerbouwStatus {
    return { ...this.status };
  }

  /** Starts a rebuild in the background (REST); refuses a second one. */
  async start(): Promise<HerbouwStatus> {
    if (this.status.bezig || (await this.generaties.alle()).some((g) => g.status === 'bouwen')) {
      throw new ConflictException('Er loopt al een herbouw.');
    }
    const nieuw = await this.generaties.nieuw();
    this.status = { bezig: true, generatie: nieuw.nummer, verwerkt: 0, totaal: await this.store.headPosition(), gestartOp: new Date().toISOString() };
    void this.bouw(nieuw).catch((e: unknown) => {
      this.logger.error({ err: e }, 'herbouw mislukt');
      this.status = { ...this.status, bezig: false, fout: 'De herbouw is mislukt; zie het log.' };
    });
    return this.huidig();
  }

  /** Runs a whole rebuild and waits for it (the CLI). */
  async voerUit(voortgang: (verwerkt: number, totaal: number) => void = () => {}): Promise<HerbouwStatus> {
    const nieuw = await this.generaties.nieuw();
    this.status = { bezig: true, generatie: nieuw.nummer, verwerkt: 0, totaal: await this.store.headPosition(), gestartOp: new Date().toISOString() };
    await this.bouw(nieuw, voortgang);
    return this.huidig();
  }

  /**
   * Progress: up to which position every gemeente is applied; until then, as a gemeente filled from
   * nothing moves its checkpoint only at the end, the events this process has written so far.
   */
  private async meld(nieuw: Generatie, voortgang: (verwerkt: number, totaal: number) => void): Promise<{ klaarTot: number; totaal: number }> {
    const totaal = await this.store.headPosition();
    const klaarTot = await this.generaties.checkpoint(nieuw.schema, await this.store.gemeenten());
    const geschat = klaarTot >= totaal ? klaarTot : Math.min(totaal, Math.max(klaarTot, this.daemon.geschreven(nieuw.schema)));
    const verwerkt = Math.max(this.status.verwerkt, geschat); // a report of the timer may come in late
    this.status = { ...this.status, verwerkt, totaal };
    voortgang(verwerkt, totaal);
    return { klaarTot, totaal };
  }

  private async bouw(nieuw: Generatie, voortgang: (verwerkt: number, totaal: number) => void = () => {}): Promise<void> {
    const start = performance.now();
    await this.generaties.stelIndexenUit(nieuw);
    // Where this process runs the daemon, the daemon fills the new generation (with the other
    // workers, each its own gemeenten); a second loop here would only fight it for the same locks.
    const daemonDoetHet = this.daemon.status().worker;
    // A step may take seconds (a few pages of every gemeente) and a fill moves a gemeente's
    // checkpoint only at its end: report meanwhile too.
    const klok = setInterval(() => void this.meld(nieuw, voortgang).catch(() => undefined), 500);
    try {
      for (;;) {
        const toegepast = daemonDoetHet ? false : (await this.daemon.stap(nieuw)) > 0;
        const { klaarTot, totaal } = await this.meld(nieuw, voortgang);
        if (!toegepast && klaarTot >= totaal) break;
        // Another worker holds this generation's lock, or the daemon is at it: look again shortly.
        if (!toegepast) await new Promise((r) => setTimeout(r, daemonDoetHet ? 100 : 20));
      }
    } finally {
      clearInterval(klok);
    }
    await this.generaties.bouwIndexen(nieuw, (stap) => this.logger.log(`herbouw generatie ${nieuw.nummer}: ${stap}`));
    await this.generaties.wissel(nieuw);
    const seconden = (performance.now() - start) / 1000;
    this.status = {
      ...this.status,
      bezig: false,
      klaarOp: new Date().toISOString(),
      eventsPerSeconde: Math.round(this.status.verwerkt / Math.max(seconden, 0.001)),
    };
    this.logger.log(`herbouw generatie ${nieuw.nummer} klaar: ${this.status.verwerkt} events in ${seconden.toFixed(1)} s`);
  }
}
