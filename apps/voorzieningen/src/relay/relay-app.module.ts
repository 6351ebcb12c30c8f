import { Module } from '@nestjs/common';
import { PlatformModule } from '@sd/http';
import { RelayModule } from './relay.module.js';

/** The relay process: platform (health, metrics, logging, database) and the relay itself. */
@Module({ imports: [PlatformModule.forApp('relay'), RelayModule] })
export class RelayAppModule {}

export const RELAY_APP = {
  title: 'Sociaal domein — relay',
  description: 'Publiceert elk opgeslagen event één keer op NATS JetStream.',
};
