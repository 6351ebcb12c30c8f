import { Logger } from '@nestjs/common';
import { BaseRpcContext, type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { type ConsumerMessages, JetStreamApiCodes, JetStreamApiError, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';

/** The context an @EventPattern handler gets: the message's subject. */
export class JetStreamContext extends BaseRpcContext<[string]> {
  getSubject(): string {
    return this.args[0];
  }
}

/** What a handler gets: the message's subject, stream sequence and headers (not its body: never fetched). */
export interface JetStreamBericht {
  subject: string;
  seq: number;
  headers?: MsgHdrs;
}

export interface JetStreamTransportOpties {
  servers: string;
  stream: string;
  /** The connection's name on the server. */
  naam: string;
}

/**
 * A Nest microservice transport that reads a JetStream stream (Nest's own NATS transport reads core
 * NATS only). Each @EventPattern is a subject filter of the stream (wildcards allowed); for each, an
 * ordered consumer (ephemeral, in memory, no acks, recreated by the client when it falls out of
 * step) delivers the headers of every message published from now on. Not earlier ones: the handlers
 * only react to what is new.
 *
 * It never holds up or stops the app: listen() returns at once, a NATS that is not there (yet) or a
 * stream that does not exist yet is tried again with backoff and said once (a stream that appears
 * later is followed from its first message), and after the first connection the client reconnects
 * by itself.
 */
export class JetStreamTransport extends Server implements CustomTransportStrategy {
  private readonly log = new Logger('JetStreamTransport');
  private nc?: NatsConnection;
  private readonly volgers = new Set<ConsumerMessages>();
  private readonly onderbrekers = new Set<() => void>();
  private readonly gemeld = new Set<string>();
  private gestopt = false;

  constructor(private readonly opties: JetStreamTransportOpties) {
    super();
  }

  listen(callback: () => void): void {
    void this.draai();
    callback();
  }

  async close(): Promise<void> {
    this.gestopt = true;
    for (const onderbreek of this.onderbrekers) onderbreek();
    await Promise.all([...this.volgers].map((v) => v.close().catch(() => undefined)));
    await this.nc?.close().catch(() => undefined);
  }

  on(): never {
    throw new Error('JetStreamTransport has no events to subscribe to');
  }

  unwrap<T>(): T {
    return this.nc as T;
  }

  private async draai(): Promise<void> {
    // The first connection is ours to retry, so close() can end the attempts; later outages the
    // client bridges itself (maxReconnectAttempts -1).
    for (let wacht = 500; !this.nc && !this.gestopt; wacht = Math.min(wacht * 2, 5_000)) {
      try {
        this.nc = await connect({ servers: this.opties.servers, name: this.opties.naam, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
      } catch (e) {
        this.eenmaal('verbinden', `NATS ${this.opties.servers}: ${bericht(e)}; trying again, meanwhile without it`);
        await this.pauze(wacht);
      }
    }
    if (!this.nc) return;
    if (this.gestopt) return void (await this.nc.close().catch(() => undefined));
    this.hersteld('verbinden', `NATS ${this.opties.servers}: connected`);
    void this.volgStatus(this.nc);
    await Promise.all([...this.messageHandlers.keys()].map((patroon) => this.volg(this.nc!, patroon)));
  }

  private async volgStatus(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect')
        this.eenmaal('verbinding', `NATS ${this.opties.servers}: disconnected; reconnecting, meanwhile without it`);
      if (s.type === 'reconnect') this.hersteld('verbinding', `NATS ${this.opties.servers}: reconnected`);
    }
  }

  /** One ordered consumer for one pattern, created again after anything that ends it. */
  private async volg(nc: NatsConnection, patroon: string): Promise<void> {
    // A stream that was not there when we first looked is new to us as a whole once it appears.
    let nieuweStream = false;
    for (let wacht = 250; !this.gestopt; wacht = Math.min(wacht * 2, 2_000)) {
      try {
        const { state } = await (await jetstreamManager(nc)).streams.info(this.opties.stream).catch((e: unknown) => {
          if (e instanceof JetStreamApiError && e.code === JetStreamApiCodes.StreamNotFound) nieuweStream = true;
          throw e;
        });
        const consumer = await jetstream(nc).consumers.get(this.opties.stream, {
          filter_subjects: patroon,
          // From the current end rather than deliver_policy "new": the client keeps the position, so
          // a consumer it recreates (after a server restart) resumes there instead of from the start.
          opt_start_seq: nieuweStream ? 1 : state.last_seq + 1,
          headers_only: true,
        });
        nieuweStream = false;
        const berichten = await consumer.consume({ max_messages: 256 });
        this.volgers.add(berichten);
        this.hersteld(`volg ${patroon}`, `JetStream ${this.opties.stream}: following ${patroon}`);
        wacht = 250;
        for await (const m of berichten) {
          await this.handleEvent(
            patroon,
            { pattern: patroon, data: { subject: m.subject, seq: m.seq, headers: m.headers } satisfies JetStreamBericht },
            new JetStreamContext([m.subject]),
          );
        }
        this.volgers.delete(berichten);
      } catch (e) {
        if (this.gestopt) return;
        this.eenmaal(`volg ${patroon}`, `JetStream ${this.opties.stream} (${patroon}): ${bericht(e)}; trying again`);
      }
      await this.pauze(wacht);
    }
  }

  /** A problem is logged once, until it is over. */
  private eenmaal(sleutel: string, tekst: string): void {
    if (this.gemeld.has(sleutel)) return;
    this.gemeld.add(sleutel);
    this.log.warn(tekst);
  }

  private hersteld(sleutel: string, tekst: string): void {
    this.gemeld.delete(sleutel);
    this.log.log(tekst);
  }

  private pauze(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const klaar = () => {
        clearTimeout(timer);
        this.onderbrekers.delete(klaar);
        resolve();
      };
      const timer = setTimeout(klaar, ms);
      this.onderbrekers.add(klaar);
    });
  }
}

function bericht(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
