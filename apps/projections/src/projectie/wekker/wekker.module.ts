import { Global, Module } from '@nestjs/common';
import { Wekker } from '@sd/event-store';
import { NatsBron } from './nats/nats-bron.controller.js';
import { KurrentDbBron } from './kurrentdb-bron.js';
import { NotifyBron } from './notify-bron.js';

/**
 * What wakes the projection daemon before its polling pause is over. The daemon knows only the
 * Wekker; each source is a provider (or, for NATS, a microservice handler) here that calls
 * `wekker.wek(<its name>)`: a NOTIFY after each append (NotifyBron), a message on the relay's
 * JetStream stream (NatsBron, through the transport of nats/nats-wekker.ts), a live subscription to
 * KurrentDB's `$all` (KurrentDbBron). A new source is one more provider here and one more name in
 * wekker.config.ts.
 */
@Global()
@Module({
  controllers: [NatsBron],
  providers: [{ provide: Wekker, useFactory: () => new Wekker() }, NotifyBron, KurrentDbBron],
  exports: [Wekker, NotifyBron],
})
export class WekkerModule {}
