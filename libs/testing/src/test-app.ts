import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { configureApp, connectTransport } from '@sd/http';
import type { TestDatabase } from './test-database.js';
import { databaseEnv } from './test-database.js';

export const TEST_DEV_SECRET = 'test-dev-secret-0123456789abcdef';

/**
 * Environment for apps under test. Modules read it when they are imported, so call this before
 * the dynamic `import()` of an app module.
 */
export function setTestEnv(db: TestDatabase, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    ...databaseEnv(db),
    AUTH_MODE: 'dev',
    DEV_JWT_SECRET: TEST_DEV_SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // `npm run test:kurrentdb`: every test file's streams under its own prefix on the one server.
    ...(process.env.EVENT_STORE === 'kurrentdb' ? { KURRENTDB_STREAM_PREFIX: `${db.config.schema}-` } : {}),
    ...extra,
  });
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  /** A dev token for this role and gemeenten. */
  token(rol: string, gemeenten: string[], sub?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots a real app module (real PostgreSQL, real guards, filters and pipes) on an ephemeral port;
 * with a `microservice`, hybrid as `bootstrap` makes it.
 */
export async function startTestApp(module: Type, microservice?: CustomTransportStrategy | null): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [module] }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  configureApp(app, { title: 'test', description: 'test' });
  await connectTransport(app, microservice);
  await app.init();
  const server = app.getHttpServer();
  const http = request(server);
  return {
    app,
    http,
    async token(rol, gemeenten, sub) {
      const res = await request(server)
        .post('/auth/dev-token')
        .send({ rol, gemeenten, ...(sub ? { sub } : {}) });
      if (res.status !== 200) throw new Error(`dev-token failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    close: () => app.close(),
  };
}
