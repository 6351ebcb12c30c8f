import { type BeforeApplicationShutdown, ConflictException, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@sd/event-store';
import { type Generatie, Generaties, type HerbouwFase, type HerbouwGeneratie } from '../projectie/generaties.service.js';
import { CheckpointStore } from '../projectie/checkpoints/checkpoint-store.js';
import { ProjectieDaemon } from '../projectie/projectie-daemon.js';
import { WriteProgress } from '../projectie/write-progress.js';

export interface HerbouwStatus {
  bezig: boolean;
  generatie?: number;
  /** While it runs: vullen, indexen or wisselen. */
  fase?: HerbouwFase;
  verwerkt: number;
  totaal: number;
  gestartOp?: string;
  klaarOp?: string;
  eventsPerSeconde?: number;
  /** The rebuild was interrupted (a crash, a restart) and taken up again from what was durable. */
  hervat?: boolean;
  /** The phase it was taken up in. */
  hervatIn?: HerbouwFase;
  bericht?: string;
  fout?: string;
}

/** How often an instance looks for a rebuild that nobody drives (its process died). */
const KIJK_MS = 5_000;
/** After a rebuild failed here, how long this instance leaves it to others before it tries again. */
const NA_FOUT_MS = 60_000;

const HERVAT_BERICHT: Record<HerbouwFase, string> = {
  vullen: 'Een onderbroken herbouw is hervat: het vullen gaat verder waar het was vastgelegd.',
  indexen: 'Een onderbroken herbouw is hervat: de indexen die nog ontbraken worden gebouwd, daarna wordt gewisseld.',
  wisselen: 'Een onderbroken herbouw is hervat: alleen het wisselen restte nog.',
};

/**
 * Rebuilds every read model from the event store into a new generation while the active one
 * keeps serving; when the new one has caught up it becomes active and the old one is dropped.
 *
 * What survives a crash is in the database: the generation (`bouwen`, with its phase in
 * `rm_generatie`), the fill's cursor per gemeente (in the checkpoint rows, moved with each page)
 * and the indexes still to build (`rm_uitgestelde_index`, a row removed with each index). Each phase
 * can therefore simply be run again: a restarted instance, or any other one, takes the rebuild up
 * where it stood. Exactly one process drives it: the one holding the rebuild slot (a session
 * advisory lock), and the swap itself happens once however many try.
 */
@Injectable()
export class Herbouw implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Herbouw.name);
  private status: HerbouwStatus = { bezig: false, verwerkt: 0, totaal: 0 };
  /** The rebuild this process drives, while it runs. */
  private lopend?: Promise<void>;
  /** A POST, the CLI and the watcher take turns: two of them must not take up a rebuild at once. */
  private beurt: Promise<unknown> = Promise.resolve();
  private wachter?: NodeJS.Timeout;
  private nietVoor = 0;
  private voortgang: (verwerkt: number, totaal: number) => void = () => {};
  /** Events written before this process took the rebuild up (a resumed one), as rm_generatie had them. */
  private basis = 0;
  private stoppen = false;
  private stopSein: () => void = () => {};
  private readonly gestopt = new Promise<void>((r) => (this.stopSein = r));

  constructor(
    private readonly generaties: Generaties,
    private readonly daemon: ProjectieDaemon,
    private readonly checkpoints: CheckpointStore,
    private readonly progress: WriteProgress,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onApplicationBootstrap(): void {
    // At once, then now and then: a rebuild whose process died is taken up without anyone asking.
    void this.kijk();
    this.wachter = setInterval(() => void this.kijk(), KIJK_MS);
    this.wachter.unref();
  }

  /** Before the pools close: the rebuild stops at its next step (all it did is durable) and lets go of the slot. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stoppen = true;
    this.stopSein();
    clearInterval(this.wachter);
    await this.lopend?.catch(() => undefined);
  }

  /** This process's rebuild, or else the one rm_generatie says another instance drives (or is about to be resumed). */
  async huidig(): Promise<HerbouwStatus> {
    if (this.lopend) return { ...this.status };
    const g = await this.generaties.herbouw();
    if (!g) return { ...this.status };
    return {
      bezig: true,
      generatie: g.nummer,
      fase: g.fase,
      verwerkt: g.verwerkt,
      totaal: await this.store.headPosition(),
      gestartOp: g.gestartOp.toISOString(),
      bericht: 'Deze herbouw loopt in een andere instantie, of wordt hier zo dadelijk hervat.',
      ...(this.status.generatie === g.nummer && this.status.fout ? { fout: this.status.fout } : {}),
    };
  }

  /** Starts a rebuild in the background (REST), or takes up one whose process died; refuses while one runs. */
  async start(): Promise<HerbouwStatus> {
    return this.opBeurt(async () => {
      if (this.lopend || !(await this.neemOp(true))) throw new ConflictException('Er loopt al een herbouw.');
      return { ...this.status };
    });
  }

  /** Runs a whole rebuild (or the interrupted one) and waits for it (the CLI). */
  async voerUit(voortgang: (verwerkt: number, totaal: number) => void = () => {}): Promise<HerbouwStatus> {
    this.voortgang = voortgang;
    try {
      const { lopend } = await this.opBeurt(async () => {
        if (!this.lopend && !(await this.neemOp(true))) throw new Error('Er loopt al een herbouw in een ander proces.');
        return { lopend: this.lopend! };
      });
      await lopend;
      return { ...this.status };
    } finally {
      this.voortgang = () => {};
    }
  }

  private opBeurt<T>(werk: () => Promise<T>): Promise<T> {
    const p = this.beurt.then(werk);
    this.beurt = p.catch(() => undefined);
    return p;
  }

  /** Takes up a rebuild whose process died, when there is one and no other instance beat this one to it. */
  private kijk(): Promise<void> {
    return this.opBeurt(async () => {
      if (this.lopend || this.stoppen || Date.now() < this.nietVoor) return;
      if (!(await this.generaties.herbouw())) return; // the cheap look first; the slot only when needed
      await this.neemOp(false);
    }).catch((e: unknown) => this.logger.warn({ err: e }, 'kon niet nagaan of er een herbouw te hervatten is'));
  }

  /**
   * Takes the rebuild slot and starts driving the rebuild rm_generatie has (resumed), else a new one
   * when `nieuwMaken`. False when another process holds the slot, or there was nothing to take up.
   */
  private async neemOp(nieuwMaken: boolean): Promise<boolean> {
    const slot = await this.generaties.neemHerbouwSlot();
    if (!slot) return false;
    let bestaand: HerbouwGeneratie | null;
    let nieuw: Generatie;
    try {
      bestaand = await this.generaties.herbouw(); // looked at again under the slot: nobody changes it now
      if (!bestaand && !nieuwMaken) {
        await slot.laatLos();
        return false;
      }
      nieuw = bestaand ?? (await this.generaties.nieuw('vullen'));
    } catch (e) {
      await slot.laatLos();
      throw e;
    }
    const fase = bestaand?.fase ?? 'vullen';
    this.basis = bestaand?.verwerkt ?? 0;
    this.status = {
      bezig: true,
      generatie: nieuw.nummer,
      fase,
      verwerkt: this.basis,
      totaal: await this.store.headPosition().catch(() => 0),
      gestartOp: (bestaand?.gestartOp ?? new Date()).toISOString(),
      ...(bestaand ? { hervat: true, hervatIn: fase, bericht: HERVAT_BERICHT[fase] } : {}),
    };
    if (bestaand) this.logger.warn(`herbouw generatie ${nieuw.nummer} hervat in fase ${fase}`);
    this.lopend = (async () => {
      try {
        await this.bouw(nieuw, fase);
      } catch (e) {
        if (e instanceof Gestopt) {
          this.logger.warn(`herbouw generatie ${nieuw.nummer} gestopt in fase ${this.status.fase}; een volgende start hervat hem`);
          this.status = { ...this.status, bezig: false, bericht: 'Gestopt met deze instantie; de herbouw wordt hervat.' };
          return;
        }
        this.logger.error({ err: e }, 'herbouw mislukt');
        this.status = { ...this.status, bezig: false, fout: 'De herbouw is mislukt; zie het log. Hij wordt later opnieuw opgepakt.' };
        this.nietVoor = Date.now() + NA_FOUT_MS;
        throw e;
      } finally {
        this.lopend = undefined;
        await slot.laatLos();
      }
    })();
    this.lopend.catch(() => undefined); // logged above; voerUit hands it on
    return true;
  }

  /**
   * Progress: up to which position every gemeente is applied; until then, as a gemeente filled from
   * nothing moves its checkpoint only at the end, the events written so far (before a restart, as
   * rm_generatie has them, plus this process's).
   */
  private async meld(nieuw: Generatie): Promise<{ klaarTot: number; totaal: number }> {
    const totaal = await this.store.headPosition();
    const klaarTot = await this.checkpoints.minimum(nieuw.schema, await this.store.gemeenten());
    const geschat = klaarTot >= totaal ? klaarTot : Math.min(totaal, Math.max(klaarTot, this.basis + this.progress.of(nieuw.schema)));
    const verwerkt = Math.max(this.status.verwerkt, geschat); // a report of the timer may come in late
    this.status = { ...this.status, verwerkt, totaal };
    this.voortgang(verwerkt, totaal);
    return { klaarTot, totaal };
  }

  private async bouw(nieuw: Generatie, fase: HerbouwFase): Promise<void> {
    const start = performance.now();
    // Dropping the report indexes is one transaction that remembers them: again after a restart
    // in this phase, it drops what is left (nothing, or all of them if it had not run yet).
    if (fase === 'vullen') await this.generaties.stelIndexenUit(nieuw);
    // The fill; resumed in a later phase, the events that came in meanwhile.
    await this.vul(nieuw);
    if (fase !== 'wisselen') {
      await this.naarFase(nieuw, 'indexen');
      await this.pauzeVoor('indexen');
      // Each index is built with the removal of its row: again after a restart, it builds the rest.
      await this.generaties.bouwIndexen(nieuw, (stap) => this.logger.log(`herbouw generatie ${nieuw.nummer}: ${stap}`));
      await this.naarFase(nieuw, 'wisselen');
    }
    await this.pauzeVoor('wissel');
    this.doorgaan();
    const gewisseld = await this.generaties.wissel(nieuw);
    const seconden = (performance.now() - start) / 1000;
    const { fase: _, ...rest } = this.status;
    this.status = {
      ...rest,
      bezig: false,
      klaarOp: new Date().toISOString(),
      eventsPerSeconde: Math.round((this.status.verwerkt - this.basis) / Math.max(seconden, 0.001)),
      ...(gewisseld ? {} : { bericht: 'Een ander proces had deze generatie al actief gemaakt.' }),
    };
    this.logger.log(`herbouw generatie ${nieuw.nummer} klaar: ${this.status.verwerkt} events in ${seconden.toFixed(1)} s`);
  }

  /** Until the new generation has caught up with the head of the store. */
  private async vul(nieuw: Generatie): Promise<void> {
    // Where this process runs the daemon, the daemon fills the new generation (with the other
    // workers, each its own gemeenten); a second loop here would only fight it for the same locks.
    const daemonDoetHet = this.daemon.status().worker;
    // A step may take seconds (a few pages of every gemeente) and a fill moves a gemeente's
    // checkpoint only at its end: report meanwhile too, and keep it in rm_generatie for a restart.
    const bewaar = () => this.generaties.zetVerwerkt(nieuw, this.status.verwerkt);
    const klok = setInterval(
      () =>
        void this.meld(nieuw)
          .then(bewaar)
          .catch(() => undefined),
      500,
    );
    try {
      for (;;) {
        this.doorgaan();
        const toegepast = daemonDoetHet ? false : (await this.daemon.step(nieuw)) > 0;
        const { klaarTot, totaal } = await this.meld(nieuw);
        if (!toegepast && klaarTot >= totaal) break;
        // Another worker holds this generation's lock, or the daemon is at it: look again shortly.
        if (!toegepast) await new Promise((r) => setTimeout(r, daemonDoetHet ? 100 : 20));
      }
    } finally {
      clearInterval(klok);
    }
    await bewaar();
  }

  private async naarFase(nieuw: Generatie, fase: HerbouwFase): Promise<void> {
    this.doorgaan();
    await this.generaties.zetFase(nieuw, fase);
    this.status = { ...this.status, fase };
  }

  private doorgaan(): void {
    if (this.stoppen) throw new Gestopt();
  }

  /**
   * Test-only: with HERBOUW_PAUZE_VOOR=indexen or =wissel a rebuild waits just before that step, its
   * phase already recorded, until the process stops, so a test can kill it exactly there. Never set
   * it outside tests.
   */
  private async pauzeVoor(stap: 'indexen' | 'wissel'): Promise<void> {
    if (process.env.HERBOUW_PAUZE_VOOR !== stap) return;
    this.logger.warn(`herbouw wacht voor ${stap} (HERBOUW_PAUZE_VOOR, alleen voor tests)`);
    await this.gestopt;
    this.doorgaan();
  }
}

/** The process stops: the rebuild ends where it is; the next start takes it up. */
class Gestopt extends Error {}
