import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, headers, nanos, type NatsConnection } from '@nats-io/transport-node';
import type pg from 'pg';
import { databaseConfigFromEnv, PG_POOL } from '@sd/database';
import { EVENT_STORE, type EventStore, NieuweEventsLuisteraar, Wekker } from '@sd/event-store';
import { integratieEvent, subjectVoor } from './integratie-event.js';
import type { RelayConfig } from './relay.config.js';

export const RELAY_CONFIG = Symbol('RELAY_CONFIG');

/** Header with the event's global position: where a restarted relay resumes. */
export const POSITIE_HEADER = 'Sd-Positie';

export interface RelayStatus {
  actief: boolean;
  verbonden: boolean;
  /** Listening for the NOTIFY after each append (null: RELAY_NOTIFY=false). */
  notifyVerbonden?: boolean | null;
  gepubliceerd: number;
  head: number;
  lag: number;
  laatsteFout?: string;
}

/**
 * Publishes every stored event once to JetStream, in global order (the event store is the
 * outbox). Its checkpoint is the stream itself: on (re)start it resumes after the position in the
 * header of the stream's last message, so neither a crash nor a duplicate window that has passed
 * can double or drop an event. Each publish expects the stream's previous sequence, so a lost
 * publish stops the ones behind it instead of leaving a gap. One relay is active at a time
 * (a PostgreSQL advisory lock); others wait to take over. When idle it looks again after 100 ms,
 * or at once on the NOTIFY that follows an append: the projections' NATS wake-up is only as quick
 * as this relay.
 */
@Injectable()
export class RelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Relay');
  private nc?: NatsConnection;
  private js?: JetStreamClient;
  private jsm?: JetStreamManager;
  private leider?: pg.PoolClient;
  private stoppen = false;
  private lus?: Promise<void>;
  private readonly wekker = new Wekker();
  private luisteraar?: NieuweEventsLuisteraar;
  private status: RelayStatus = { actief: false, verbonden: false, gepubliceerd: 0, head: 0, lag: 0 };

  constructor(
    @Inject(RELAY_CONFIG) private readonly config: RelayConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.notify) {
      const { url, schema } = databaseConfigFromEnv();
      this.luisteraar = new NieuweEventsLuisteraar({ url, schema, naam: 'relay-notify' }, (positie) => this.wekker.wek('notify', positie));
      this.luisteraar.start();
    }
    this.lus = this.draai();
  }

  /** Before the pools close (onApplicationShutdown): the loop ends after its current transaction. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stoppen = true;
    this.wekker.wek();
    await this.lus;
    await this.luisteraar?.stop();
    await this.nc?.close().catch(() => undefined);
    this.leider?.release();
  }

  async huidig(): Promise<RelayStatus & Record<string, unknown>> {
    const head = await this.store.headPosition();
    const notifyVerbonden = this.luisteraar ? this.luisteraar.verbonden : null;
    return { ...this.status, notifyVerbonden, head, lag: Math.max(0, head - this.status.gepubliceerd) };
  }

  private async draai(): Promise<void> {
    let wacht = 100;
    while (!this.stoppen) {
      try {
        if (!(await this.wordLeider())) {
          await this.slaap(1000);
          continue;
        }
        await this.verbind();
        const gepubliceerd = await this.publiceerBatch();
        wacht = 100;
        if (!gepubliceerd) await this.wekker.slaap(100, this.status.gepubliceerd);
      } catch (e) {
        this.status.laatsteFout = e instanceof Error ? e.message : String(e);
        this.logger.warn(`relay: ${this.status.laatsteFout}; opnieuw over ${wacht} ms`);
        await this.slaap(wacht);
        wacht = Math.min(wacht * 2, 5000); // backoff while NATS is away
      }
    }
  }

  /** Only one relay publishes: the one holding the advisory lock on its own connection. */
  private async wordLeider(): Promise<boolean> {
    if (this.leider) return true;
    const client = await this.pool.connect();
    const { rows } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext(current_schema() || '.relay')) AS ok`);
    if (!rows[0].ok) {
      client.release();
      return false;
    }
    client.on('error', () => undefined);
    this.leider = client;
    this.status.actief = true;
    return true;
  }

  private async verbind(): Promise<void> {
    if (this.nc && !this.nc.isClosed()) return;
    this.nc = await connect({
      servers: this.config.natsUrl,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      name: 'sociaal-domein-relay',
    });
    this.status.verbonden = true;
    void (async () => {
      for await (const s of this.nc!.status()) {
        if (s.type === 'disconnect') this.status.verbonden = false;
        if (s.type === 'reconnect') this.status.verbonden = true;
      }
    })().catch(() => undefined);
    this.jsm = await jetstreamManager(this.nc);
    this.js = jetstream(this.nc);
    await this.zorgVoorStream();
  }

  private async zorgVoorStream(): Promise<void> {
    try {
      await this.jsm!.streams.info(this.config.stream);
    } catch {
      await this.jsm!.streams.add({
        name: this.config.stream,
        subjects: [`${this.config.subjectPrefix}.>`],
        duplicate_window: nanos(this.config.duplicateWindowSeconden * 1000),
        max_age: nanos(this.config.maxLeeftijdDagen * 86_400_000),
      });
      this.logger.log(`JetStream stream ${this.config.stream} aangemaakt`);
    }
  }

  /** Where the stream stands: its last sequence and the event position in that message's header. */
  private async laatstGepubliceerd(): Promise<{ seq: number; positie: number }> {
    const info = await this.jsm!.streams.info(this.config.stream);
    const seq = info.state.last_seq;
    if (info.state.messages === 0) return { seq, positie: 0 };
    const msg = await this.jsm!.streams.getMessage(this.config.stream, { seq });
    return { seq, positie: Number(msg?.header.get(POSITIE_HEADER) ?? 0) };
  }

  private async publiceerBatch(): Promise<boolean> {
    const { seq, positie } = await this.laatstGepubliceerd();
    this.status.gepubliceerd = positie;
    const batch = await this.store.readAll({ after: positie, limit: this.config.venster * 8 });
    if (batch.length === 0) return false;
    let verwacht = seq;
    for (let i = 0; i < batch.length; i += this.config.venster) {
      const acks = batch.slice(i, i + this.config.venster).map((e) => {
        const h = headers();
        h.set(POSITIE_HEADER, String(e.globalPosition));
        const ack = this.js!.publish(subjectVoor(this.config.subjectPrefix, e), JSON.stringify(integratieEvent(e)), {
          msgID: e.eventId,
          headers: h,
          expect: { lastSequence: verwacht },
        });
        verwacht++;
        return ack;
      });
      await Promise.all(acks);
      this.status.gepubliceerd = batch[Math.min(i + this.config.venster, batch.length) - 1].globalPosition;
    }
    return true;
  }

  private slaap(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
  }
}
