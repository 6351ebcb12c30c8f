export interface RelayConfig {
  natsUrl: string;
  stream: string;
  subjectPrefix: string;
  /** JetStream de-duplication window (Nats-Msg-Id), seconds. */
  duplicateWindowSeconden: number;
  /** How long JetStream keeps messages (0: forever). */
  maxLeeftijdDagen: number;
  /** Publishes in flight at once; each waits for its JetStream ack before the next batch. */
  venster: number;
  /** Woken by the NOTIFY after each append rather than only looking every 100 ms (RELAY_NOTIFY, default true). */
  notify: boolean;
}

export function relayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RelayConfig | null {
  if (!env.NATS_URL) return null;
  return {
    natsUrl: env.NATS_URL,
    stream: env.NATS_STREAM ?? 'SOCIAAL_DOMEIN',
    subjectPrefix: env.NATS_SUBJECT_PREFIX ?? 'sociaal-domein',
    duplicateWindowSeconden: Number(env.NATS_DUPLICATE_WINDOW_S ?? 120),
    maxLeeftijdDagen: Number(env.NATS_MAX_AGE_DAYS ?? 0),
    venster: Number(env.RELAY_VENSTER ?? 256),
    notify: env.RELAY_NOTIFY !== 'false' && (env.EVENT_STORE ?? 'postgres') === 'postgres',
  };
}
