/** The sources that can wake the projection daemon; polling (PROJECTIE_INTERVAL_MS) always remains. */
export const WEK_BRONNEN = ['nats', 'notify', 'kurrentdb'] as const;
export type WekBron = (typeof WEK_BRONNEN)[number];

/**
 * PROJECTIE_WEKKERS (default `nats,notify,kurrentdb`; empty: polling only). `nats` needs NATS_URL as
 * well, `notify` the PostgreSQL event store and `kurrentdb` the KurrentDB one. A query-only instance (PROJECTIE_WORKER=false) has no daemon
 * to wake, so none. An unknown name stops the app at start rather than being ignored.
 */
export function wekBronnenUitEnv(env: NodeJS.ProcessEnv = process.env): Set<WekBron> {
  if (env.PROJECTIE_WORKER === 'false') return new Set();
  const namen = (env.PROJECTIE_WEKKERS ?? WEK_BRONNEN.join(','))
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const onbekend = namen.filter((n) => !(WEK_BRONNEN as readonly string[]).includes(n));
  if (onbekend.length > 0) throw new Error(`PROJECTIE_WEKKERS: unknown ${onbekend.join(', ')} (known: ${WEK_BRONNEN.join(', ')})`);
  const bronnen = new Set(namen as WekBron[]);
  if (!env.NATS_URL) bronnen.delete('nats');
  if ((env.EVENT_STORE ?? 'postgres') !== 'postgres') bronnen.delete('notify');
  if (env.EVENT_STORE !== 'kurrentdb') bronnen.delete('kurrentdb');
  return bronnen;
}

/** The subjects the relay publishes on (NATS_SUBJECT_PREFIX, as the relay reads it). */
export function natsSubjects(env: NodeJS.ProcessEnv = process.env): string {
  return `${env.NATS_SUBJECT_PREFIX ?? 'sociaal-domein'}.>`;
}
