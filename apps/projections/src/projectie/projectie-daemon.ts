import { setTimeout as sleep } from 'node:timers/promises';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type WekStand, Wekker } from '@sd/event-store';
import { BATCH, CatchUp } from './catch-up.js';
import { CheckpointStore } from './checkpoints/checkpoint-store.js';
import { GemeenteLeases } from './coordination/gemeente-leases.js';
import { Fill } from './fill.js';
import { type Generatie, Generaties } from './generaties.service.js';
import { WriteProgress } from './write-progress.js';

const PAUSE_MS = Number(process.env.PROJECTIE_INTERVAL_MS ?? 100);
/** How often a worker looks at who is alive and which gemeenten are its share. */
const REBALANCE_MS = Number(process.env.PROJECTIE_VERDEEL_MS ?? 1000);
/** While resting, rebalances no more often than this (a PROJECTIE_VERDEEL_MS of 0 means after every step). */
const RUST_VERDEEL_MS = Math.max(REBALANCE_MS, 100);
/** Gemeenten applied at once by one worker. */
const PARALLEL = Number(process.env.PROJECTIE_PARALLEL ?? 3);

/**
 * Applies the event store to the read models, and only sequences the parts that do it: the
 * division of the gemeenten among workers (GemeenteLeases), following a gemeente in global order
 * (CatchUp) or filling a generation being built stream by stream (Fill), each moving the gemeente's
 * checkpoint in the transaction that writes its rows (CheckpointStore), so a crash at any point
 * resumes exactly.
 */
@Injectable()
export class ProjectieDaemon implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProjectieDaemon.name);
  private stopping = false;
  private loop?: Promise<void>;
  private rebalancedAt = 0;
  /** The highest head a step saw: below a position a wake-up announced, the pause is a short retry. */
  private gezien = 0;
  /** Steps in a row that ended with a wake already waiting (see run()). */
  private drukte = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly generaties: Generaties,
    private readonly leases: GemeenteLeases,
    private readonly checkpoints: CheckpointStore,
    private readonly catchUp: CatchUp,
    private readonly fill: Fill,
    private readonly progress: WriteProgress,
    @Inject(Wekker) private readonly wekker: Wekker,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.generaties.zorgVoorActief();
    if (process.env.PROJECTIE_WORKER === 'false') return; // a query-only instance
    this.loop = this.run();
  }

  /** Before the pools close (onApplicationShutdown): the loop ends after its current transaction. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wekker.wek();
    await this.loop;
    this.leases.release();
  }

  /** Look for new events now rather than after the pause (a report waits for a position). */
  wake(): void {
    this.wekker.wek();
  }

  /** For /health: whether this process is a worker, its slot and gemeenten, and the events it wrote per generation. */
  status(): {
    worker: boolean;
    slot: number | null;
    gemeenten: string[];
    geschreven: Record<string, number>;
    gewekt: Record<string, WekStand>;
  } {
    return {
      worker: this.loop !== undefined,
      slot: this.leases.slotNumber(),
      gemeenten: this.leases.share(),
      geschreven: this.progress.all(),
      gewekt: this.wekker.stand(),
    };
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let applied = 0;
      const begin = performance.now();
      try {
        // Before the first step (there is no share yet), otherwise after the step: a step that a
        // wake-up asked for should not wait for the division of the gemeenten.
        // A slot lost with its connection (the database went away) is taken again first, too.
        if (this.rebalancedAt === 0 || this.leases.slotNumber() === null) await this.rebalance();
        for (const generatie of await this.generaties.alle()) {
          applied += await this.step(generatie, this.leases.share());
        }
        // A share that changed is stepped over at once.
        if (Date.now() - this.rebalancedAt >= REBALANCE_MS && (await this.rebalance())) continue;
      } catch (e) {
        if (this.stopping) return;
        this.logger.error({ err: e }, 'projection batch failed; retrying');
        this.leases.forget();
        this.rebalancedAt = 0;
      }
      // Caught up (less than a batch): pause until a wake-up source (wekker/: a NOTIFY after an
      // append, a NATS message, a report waiting for a position) says there is more, or until the
      // pause is over when none does (polling, the last fallback). Wakes during a step are kept, so
      // what was committed meanwhile is picked up at once, and many of them cost one more step.
      if (applied < BATCH && !this.stopping) {
        // A wake that came while the step ran means commands keep coming: rest first, as long as the
        // step took and twice that each time in a row, up to the pause, so that under a steady
        // stream the daemon takes what arrived meanwhile in one go, as when it polled, rather than
        // a step per command (which cost POST /voorzieningen 40 % on 2 cores). A lone write, or
        // the first of a burst, finds no wake waiting and is applied at once.
        this.drukte = applied > 0 && this.wekker.wachtend() ? this.drukte + 1 : 0;
        if (this.drukte > 0) await sleep(Math.min(PAUSE_MS, (performance.now() - begin) * 2 ** (this.drukte - 1)));
        await this.rust();
      }
    }
  }

  /**
   * Rests until a wake-up or the end of the pause. A pause longer than the rebalance interval (the
   * daemon woken by NOTIFY or NATS, polling rarely) is broken up by rebalances, and ends early when
   * one changes the share: the first event of a new gemeente wakes only the worker that does not
   * hold it yet, and must not wait for the poll.
   */
  private async rust(): Promise<void> {
    const einde = Date.now() + PAUSE_MS;
    for (;;) {
      const verdeling = this.rebalancedAt + RUST_VERDEEL_MS;
      // The plain pause: when it is not longer than the interval (the defaults), and after an error
      // (rebalancedAt 0), so that a database that is gone is not hammered.
      if (PAUSE_MS <= RUST_VERDEEL_MS || this.rebalancedAt === 0 || einde <= verdeling) {
        await this.wekker.slaap(Math.max(einde - Date.now(), 0), this.gezien);
        return;
      }
      const gevraagd = Math.max(verdeling - Date.now(), 0);
      const begin = Date.now();
      if (await this.wekker.slaap(gevraagd, this.gezien)) return;
      // Stopping, or a short retry for a position announced but not yet visible (a timer may fire a
      // millisecond early: that is still the rebalance's turn).
      if (this.stopping || Date.now() - begin < gevraagd - 2) return;
      try {
        if (await this.rebalance()) return;
      } catch (e) {
        this.logger.error({ err: e }, 'rebalance failed; retrying');
        this.leases.forget();
        this.rebalancedAt = 0;
        return;
      }
    }
  }

  /** True when this worker's share changed. */
  private async rebalance(): Promise<boolean> {
    this.rebalancedAt = Date.now();
    return this.leases.rebalance();
  }

  /**
   * One step over a generation: a few batches (or pages) of each gemeente that is behind (default:
   * every gemeente); returns how many events it applied. The rebuild calls it without leases: the
   * checkpoint rows keep it exact.
   */
  async step(generatie: Generatie, gemeenten?: string[]): Promise<number> {
    const head = await this.store.headPosition();
    this.gezien = Math.max(this.gezien, head);
    const checkpoints = await this.checkpoints.read(generatie.schema);
    const behind = (gemeenten ?? (await this.store.gemeenten())).filter((g) => (checkpoints.get(g)?.positie ?? 0) < head);
    // A generation being built fills each gemeente from nothing stream by stream; the active one
    // (whose reports must stay consistent with their checkpoint) always follows the global order.
    const filling = generatie.status === 'bouwen';
    let applied = 0;
    // Several gemeenten at once, so Node (decoding, projecting) and PostgreSQL (writing) overlap.
    const queue = [...behind];
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
        for (let g = queue.shift(); g !== undefined; g = queue.shift()) {
          const cp = checkpoints.get(g);
          applied +=
            filling && (cp?.positie ?? 0) === 0
              ? await this.fill.run(generatie.schema, g, cp, head)
              : await this.catchUp.run(generatie.schema, g, cp?.positie ?? 0, head);
        }
      }),
    );
    return applied;
  }
}
