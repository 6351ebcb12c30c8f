import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { canoniek, type Checkpoint } from '@sd/audit';

/**
 * Copies checkpoints to JetStream, outside the database: a later rewrite of es_zegel_checkpoint
 * cannot reach those copies. The message id `checkpoint-<positie>` lets JetStream drop a copy sent
 * twice (a crash between the publish and marking it published).
 */
export class CheckpointPublicatie {
  private nc?: NatsConnection;
  private js?: JetStreamClient;

  constructor(private readonly nats: { url: string; stream: string; subject: string }) {}

  verbonden(): boolean {
    return this.nc !== undefined && !this.nc.isClosed();
  }

  async publiceer(c: Checkpoint): Promise<void> {
    const js = await this.verbind();
    await js.publish(this.nats.subject, canoniek(c), { msgID: `checkpoint-${c.positie}` });
  }

  async sluit(): Promise<void> {
    await this.nc?.close().catch(() => undefined);
  }

  private async verbind(): Promise<JetStreamClient> {
    if (this.js && this.verbonden()) return this.js;
    this.nc = await connect({ servers: this.nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 500, name: 'sociaal-domein-zegel' });
    const jsm = await jetstreamManager(this.nc);
    try {
      await jsm.streams.info(this.nats.stream);
    } catch {
      await jsm.streams.add({ name: this.nats.stream, subjects: [this.nats.subject] });
    }
    this.js = jetstream(this.nc);
    return this.js;
  }
}
