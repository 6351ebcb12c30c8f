import 'reflect-metadata';
import { bootstrap } from '@sd/http';
import { PROJECTIONS_APP, ProjectionsModule } from './projections.module.js';
import { natsWekTransport } from './projectie/wekker/nats/nats-wekker.js';

// Hybrid with NATS (NATS_URL): the relay's JetStream stream wakes the projection daemon.
await bootstrap(ProjectionsModule, {
  ...PROJECTIONS_APP,
  portEnv: 'PROJECTIONS_PORT',
  defaultPort: 3003,
  microservice: natsWekTransport(),
});
