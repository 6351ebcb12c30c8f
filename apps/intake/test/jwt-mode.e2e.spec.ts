import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as jose from 'jose';
import { createTestDatabase, setTestEnv, startTestApp, type TestApp, type TestDatabase } from '@sd/testing';

/**
 * Production auth: AUTH_MODE=jwt. Tokens come from the gemeente's identity provider and are
 * checked against its keys (here a JWKS served on loopback), issuer and audience.
 */
const ISSUER = 'https://idp.gemeente.test';
const AUDIENCE = 'sociaal-domein';

let db: TestDatabase;
let t: TestApp;
let jwks: http.Server;
let privateKey: jose.CryptoKey;

const sign = (claims: Record<string, unknown>, over: { iss?: string; aud?: string; key?: jose.CryptoKey } = {}) =>
  new jose.SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setSubject('anna@gemeente.test')
    .setIssuer(over.iss ?? ISSUER)
    .setAudience(over.aud ?? AUDIENCE)
    .setExpirationTime('10m')
    .sign(over.key ?? privateKey);

beforeAll(async () => {
  const pair = await jose.generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  const jwk = { ...(await jose.exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
  db = await createTestDatabase();
  setTestEnv(db, {
    AUTH_MODE: 'jwt',
    JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    PSEUDONIEM_SLEUTEL: 'test-sleutel',
    SLEUTEL_MASTER: 'aa'.repeat(32),
  });
  const { IntakeModule } = await import('../src/intake.module.js');
  t = await startTestApp(IntakeModule);
});
afterAll(async () => {
  await t.close();
  await db.drop();
  jwks.close();
});

const register = (token: string) =>
  t.http
    .post('/clienten')
    .set('Authorization', `Bearer ${token}`)
    .send({ bsn: '111222333', geboortedatum: '1980-01-31', geslacht: 'vrouw', gemeente: 'GM0005' });

describe('AUTH_MODE=jwt', () => {
  it('has no dev-token endpoint', async () => {
    const res = await t.http.post('/auth/dev-token').send({ rol: 'consulent', gemeenten: ['GM0005'] });
    expect(res.status).toBe(404);
  });

  it('accepts a token signed by the configured keys with the right issuer and audience', async () => {
    const res = await register(await sign({ rol: 'consulent', gemeenten: ['GM0005'] }));
    expect(res.status).toBe(201);
  });

  it.each([
    ['another issuer', { iss: 'https://evil.test' }],
    ['another audience', { aud: 'other-app' }],
  ])('refuses a token from %s with 401', async (_, over) => {
    expect((await register(await sign({ rol: 'consulent', gemeenten: ['GM0005'] }, over))).status).toBe(401);
  });

  it('refuses a token signed with another key with 401', async () => {
    const other = await jose.generateKeyPair('RS256');
    expect((await register(await sign({ rol: 'consulent', gemeenten: ['GM0005'] }, { key: other.privateKey }))).status).toBe(401);
  });

  it('refuses an HS256 token (algorithm confusion) with 401', async () => {
    const token = await new jose.SignJWT({ rol: 'consulent', gemeenten: ['GM0005'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('test-dev-secret-0123456789abcdef'));
    expect((await register(token)).status).toBe(401);
  });

  it('refuses a token without a known role or with malformed gemeenten with 401', async () => {
    expect((await register(await sign({ rol: 'admin', gemeenten: ['GM0005'] }))).status).toBe(401);
    expect((await register(await sign({ rol: 'consulent', gemeenten: 'GM0005' }))).status).toBe(401);
  });
});
