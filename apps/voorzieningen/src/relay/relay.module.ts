import { Global, Module } from '@nestjs/common';
import { HEALTH_EXTRA } from '@sd/http';
import { relayConfigFromEnv } from './relay.config.js';
import { RELAY_CONFIG, RelayService } from './relay.service.js';

/** The outbox relay to NATS JetStream; /health of its process shows the lag. */
@Global()
@Module({
  providers: [
    {
      provide: RELAY_CONFIG,
      useFactory: () => {
        const config = relayConfigFromEnv();
        if (!config) throw new Error('NATS_URL is not set: the relay has nothing to publish to');
        return config;
      },
    },
    RelayService,
    {
      provide: HEALTH_EXTRA,
      useFactory: (relay: RelayService) => ({ naam: 'relay', details: () => relay.huidig() }),
      inject: [RelayService],
    },
  ],
  exports: [HEALTH_EXTRA],
})
export class RelayModule {}
