import { JetStreamTransport } from './jetstream-transport.js';
import { wekBronnenUitEnv } from '../wekker.config.js';

/**
 * The projections app's microservice: the relay's JetStream stream (NATS_STREAM, default
 * SOCIAAL_DOMEIN) as transport of NatsBron. null without NATS_URL, or when PROJECTIE_WEKKERS leaves
 * `nats` out: then the app is not hybrid at all.
 */
export function natsWekTransport(env: NodeJS.ProcessEnv = process.env): JetStreamTransport | null {
  if (!wekBronnenUitEnv(env).has('nats')) return null;
  return new JetStreamTransport({ servers: env.NATS_URL!, stream: env.NATS_STREAM ?? 'SOCIAAL_DOMEIN', naam: 'sociaal-domein-projecties' });
}
