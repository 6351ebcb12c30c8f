import { createTestDatabase, setTestEnv, startTestApp, type TestApp, type TestDatabase } from '@sd/testing';
import { EVENT_STORE, type EventStore, PostgresEventStore, RUWE_EVENT_STORE } from '@sd/event-store';

/** The three apps, in this process, on one fresh schema: for tests that cross apps. */
export interface TestStack {
  db: TestDatabase;
  /** The events as the apps read them: personal fields decrypted. */
  store: EventStore;
  /** The events as stored: personal fields as ciphertext (what the audit chain seals). */
  ruweStore: PostgresEventStore;
  intake: TestApp;
  voorzieningen: TestApp;
  projections: TestApp;
  /** A dev token (any app issues them; all three accept them). */
  token(rol: string, gemeenten: string[], sub?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestStack(env: Record<string, string> = {}): Promise<TestStack> {
  const db = await createTestDatabase();
  setTestEnv(db, env);
  // One after the other: Jest's ESM loader fails on concurrent imports of shared modules.
  const { IntakeModule } = await import('../apps/intake/src/intake.module.js');
  const { VoorzieningenModule } = await import('../apps/voorzieningen/src/voorzieningen.module.js');
  const { ProjectionsModule } = await import('../apps/projections/src/projections.module.js');
  const { natsWekTransport } = await import('../apps/projections/src/projectie/wekker/nats/nats-wekker.js');
  const intake = await startTestApp(IntakeModule);
  const voorzieningen = await startTestApp(VoorzieningenModule);
  // As main.ts starts it: hybrid when NATS_URL is set (the relay's stream wakes the daemon).
  const projections = await startTestApp(ProjectionsModule, natsWekTransport());
  return {
    db,
    store: projections.app.get<EventStore>(EVENT_STORE),
    ruweStore: projections.app.get<PostgresEventStore>(RUWE_EVENT_STORE),
    intake,
    voorzieningen,
    projections,
    token: (rol, gemeenten, sub) => intake.token(rol, gemeenten, sub),
    async close() {
      await Promise.all([intake.close(), voorzieningen.close(), projections.close()]);
      await db.drop();
    },
  };
}
