import { KurrentDBClient } from '@kurrent/kurrentdb-client';

export type EventStoreSoort = 'postgres' | 'kurrentdb';

/** Which adapter holds the events (EVENT_STORE), refused at start with one sentence when unknown. */
export function eventStoreSoort(env: NodeJS.ProcessEnv = process.env): EventStoreSoort {
  const soort = env.EVENT_STORE ?? 'postgres';
  if (soort === 'postgres' || soort === 'kurrentdb') return soort;
  throw new Error(`EVENT_STORE=${soort} is onbekend: kies postgres of kurrentdb.`);
}

/** The KurrentDB client for KURRENTDB_URL (a connection string, e.g. kurrentdb://localhost:2113?tls=false). */
export function kurrentDbClientUitEnv(env: NodeJS.ProcessEnv = process.env): KurrentDBClient {
  const url = env.KURRENTDB_URL;
  if (!url) throw new Error('EVENT_STORE=kurrentdb heeft KURRENTDB_URL nodig, bijvoorbeeld kurrentdb://localhost:2113?tls=false.');
  return KurrentDBClient.connectionString(url);
}
