import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Wekker } from '@sd/event-store';
import { natsSubjects } from '../wekker.config.js';
import type { JetStreamBericht } from './jetstream-transport.js';

/**
 * Wakes the daemon on each integration event the relay publishes. Only wakes: the message carries
 * no event (the consumer asks for headers only), and the daemon reads the event store from its
 * checkpoints as always, so a message lost, doubled or early changes nothing but the timing.
 * Without NATS (see natsWekTransport) no transport calls it.
 */
/** The relay's header with the event's global position (apps/voorzieningen/src/relay). */
const POSITIE_HEADER = 'Sd-Positie';

@Controller()
export class NatsBron {
  constructor(@Inject(Wekker) private readonly wekker: Wekker) {}

  @EventPattern<Record<string, JetStreamBericht>>(natsSubjects())
  gepubliceerd(@Payload() bericht: JetStreamBericht): void {
    this.wekker.wek('nats', Number(bericht.headers?.get(POSITIE_HEADER)));
  }
}
