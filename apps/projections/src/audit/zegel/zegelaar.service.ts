import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import { type Checkpoint, onderteken } from '@sd/audit';
import { PG_POOL } from '@sd/database';
import { type EventStore, RUWE_EVENT_STORE } from '@sd/event-store';
import { CheckpointPublicatie } from './checkpoint-publicatie.js';
import { checkpointNodig, type CheckpointStand, type Kop, verzegel, volgendeLimiet } from './verzegel.js';
import { ZEGEL_CONFIG, type ZegelConfig } from './zegel.config.js';
import { ZegelOpslag } from './zegel-opslag.js';

const PAUZE_MS = 200;
const VOORTGANG_MS = 5_000;

export interface ZegelStatus {
  actief: boolean;
  verzegeld: number;
  head: number;
  lag: number;
  checkpoint: { positie: number; tijd: string } | null;
  sleutelId: string;
  ongepubliceerd?: number;
  laatsteFout?: string;
}

/**
 * Seals every stored event into the audit hash chain, in global order, and signs a checkpoint
 * every so many events or seconds. One replica seals (a PostgreSQL advisory lock on its own
 * connection); the others wait to take over. Its progress is es_zegel itself: a batch of seals and
 * its checkpoint are one transaction, so a crash anywhere resumes exactly where it stopped.
 */
@Injectable()
export class Zegelaar implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Zegelaar');
  private readonly opslag: ZegelOpslag;
  private readonly publicatie: CheckpointPublicatie | null;
  private leider?: pg.PoolClient;
  private stoppen = false;
  private lus?: Promise<void>;
  private publiceerLus?: Promise<void>;
  private kop?: Kop;
  private stand?: CheckpointStand;
  private laatsteFout?: string;
  private wekker?: () => void;

  constructor(
    @Inject(ZEGEL_CONFIG) private readonly config: ZegelConfig,
    // The stored form, ciphertext and all: an erasure destroys a key and changes no sealed byte.
    @Inject(RUWE_EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {
    this.opslag = new ZegelOpslag(pool);
    this.publicatie = config.nats ? new CheckpointPublicatie(config.nats) : null;
  }

  onApplicationBootstrap(): void {
    if (process.env.AUDIT_ZEGELAAR === 'false') return; // a process that only reads (npm run rebuild)
    if (this.config.tijdelijk) {
      this.logger.warn(`AUDIT_SIGNING_KEY is not set: checkpoints are signed with a key of this process only (${this.config.sleutelId})`);
    }
    this.lus = this.draai();
    if (this.publicatie) this.publiceerLus = this.publiceerDoorlopend();
  }

  /** Before the pools close (onApplicationShutdown): the loops end after their current transaction. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stoppen = true;
    this.wekker?.();
    await this.lus;
    await this.publiceerLus;
    await this.publicatie?.sluit();
    this.laatLos();
  }

  /** Destroys the lock's connection: a session lock would outlive a connection returned to the pool. */
  private laatLos(): void {
    this.leider?.release(true);
    this.leider = undefined;
  }

  async huidig(): Promise<ZegelStatus> {
    const [head, kop, laatste] = await Promise.all([this.store.headPosition(), this.opslag.kop(), this.opslag.laatsteCheckpoint()]);
    const ongepubliceerd = this.publicatie
      ? Number((await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM es_zegel_checkpoint WHERE NOT gepubliceerd`)).rows[0].n)
      : undefined;
    return {
      actief: this.leider !== undefined,
      verzegeld: kop.positie,
      head,
      lag: Math.max(0, head - kop.positie),
      checkpoint: laatste ? { positie: laatste.positie, tijd: laatste.tijd } : null,
      sleutelId: this.config.sleutelId,
      ...(ongepubliceerd === undefined ? {} : { ongepubliceerd }),
      ...(this.laatsteFout ? { laatsteFout: this.laatsteFout } : {}),
    };
  }

  private async draai(): Promise<void> {
    let wacht = PAUZE_MS;
    let voortgang = { tijd: Date.now(), positie: -1 };
    while (!this.stoppen) {
      try {
        if (!(await this.wordLeider())) {
          await this.slaap(1000);
          continue;
        }
        const gezegeld = await this.stap();
        wacht = PAUZE_MS;
        if (Date.now() - voortgang.tijd >= VOORTGANG_MS && voortgang.positie !== this.kop!.positie) {
          const perSeconde = voortgang.positie < 0 ? 0 : ((this.kop!.positie - voortgang.positie) * 1000) / (Date.now() - voortgang.tijd);
          if (voortgang.positie >= 0) this.logger.log(`verzegeld tot positie ${this.kop!.positie} (${Math.round(perSeconde)} events/s)`);
          voortgang = { tijd: Date.now(), positie: this.kop!.positie };
        }
        if (gezegeld === 0) await this.slaap(PAUZE_MS);
      } catch (e) {
        this.laatsteFout = e instanceof Error ? e.message : String(e);
        this.logger.warn(`zegel: ${this.laatsteFout}; opnieuw over ${wacht} ms`);
        // What is in es_zegel is the truth: read it again rather than trust what we held.
        this.kop = undefined;
        // A lock on a connection that broke is gone: stop calling ourselves the sealer.
        if (
          this.leider &&
          !(await this.leider.query('SELECT 1').then(
            () => true,
            () => false,
          ))
        )
          this.laatLos();
        await this.slaap(wacht);
        wacht = Math.min(wacht * 2, 5000);
      }
    }
  }

  /** One batch: read after the kop, seal, write with a checkpoint when due. Returns how many were sealed. */
  async stap(nu = Date.now()): Promise<number> {
    this.kop ??= await this.opslag.kop();
    this.stand ??= await this.opslag.checkpointStand(nu);
    const regels = { events: this.config.checkpointEvents, seconden: this.config.checkpointSeconden };
    const events = await this.store.readAll({
      after: this.kop.positie,
      limit: volgendeLimiet(this.stand, this.config.batch, this.config.checkpointEvents),
    });
    const { zegels, kop } = verzegel(this.kop, events);
    const stand = { ...this.stand, sindsdien: this.stand.sindsdien + zegels.length };
    const checkpoint = checkpointNodig(stand, nu, regels) ? this.teken(kop, nu) : null;
    if (zegels.length === 0 && !checkpoint) return 0;
    await this.opslag.schrijf(zegels, checkpoint);
    this.kop = kop;
    this.stand = checkpoint ? { positie: checkpoint.positie, tijd: nu, sindsdien: 0 } : stand;
    if (checkpoint) this.wekker?.();
    return zegels.length;
  }

  private teken(kop: Kop, nu: number): Checkpoint {
    return onderteken(this.config.prive, { positie: kop.positie, keten: kop.keten, tijd: new Date(nu).toISOString() });
  }

  /** Only one sealer: the one holding the advisory lock on its own connection. */
  private async wordLeider(): Promise<boolean> {
    if (this.leider) return true;
    const client = await this.pool.connect();
    const { rows } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext(current_schema() || '.zegel')) AS ok`);
    if (!rows[0].ok) {
      client.release();
      return false;
    }
    client.on('error', () => undefined);
    this.leider = client;
    this.kop = undefined;
    this.stand = undefined;
    this.logger.log('zegelaar actief: deze replica verzegelt');
    return true;
  }

  /** Copies unpublished checkpoints to NATS beside the sealing, never in its way; retries with backoff. */
  private async publiceerDoorlopend(): Promise<void> {
    let wacht = 1000;
    while (!this.stoppen) {
      try {
        if (this.leider) {
          for (const c of await this.opslag.checkpoints({ vanPositie: 0, limit: 100, ongepubliceerd: true })) {
            if (this.stoppen) break;
            await this.publicatie!.publiceer(c);
            await this.opslag.gepubliceerd(c.positie);
          }
        }
        wacht = 1000;
        await this.slaap(wacht, true);
      } catch (e) {
        this.logger.warn(`checkpoint naar NATS: ${e instanceof Error ? e.message : String(e)}; opnieuw over ${wacht} ms`);
        await this.slaap(wacht);
        wacht = Math.min(wacht * 2, 30_000);
      }
    }
  }

  private slaap(ms: number, wekbaar = false): Promise<void> {
    return new Promise((r) => {
      const t = setTimeout(r, ms);
      if (wekbaar)
        this.wekker = () => {
          clearTimeout(t);
          r();
        };
    });
  }
}
