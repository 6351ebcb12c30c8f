/**
 * The relay's own process: `node dist/apps/voorzieningen/src/relay.main.js` (npm start runs it
 * when nats-server is on the PATH). Publishes the event store to NATS JetStream; /health on
 * RELAY_PORT (default 3004) shows how far behind it is.
 */
import 'reflect-metadata';
import { bootstrap } from '@sd/http';
import { RELAY_APP, RelayAppModule } from './relay/relay-app.module.js';

await bootstrap(RelayAppModule, { ...RELAY_APP, portEnv: 'RELAY_PORT', defaultPort: 3004 });
