import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, setTestEnv, startTestApp, type TestApp, type TestDatabase } from '@sd/testing';
import { expectToegankelijk, geladen, startChromium } from './browser.js';
import { type NepIdp, startNepIdp } from './nep-idp.js';

/**
 * AUTH_MODE=jwt: the dashboard has no form; it signs in with OpenID Connect (authorization code
 * flow with PKCE) at OIDC_ISSUER, here a stand-in provider on loopback, and calls the API with the
 * access token it got, which the API verifies like any other (JWT_PUBLIC_KEY, JWT_ISSUER).
 */
let db: TestDatabase;
let idp: NepIdp;
let projections: TestApp;
let browser: Browser;
let page: Page;
let basis: string;

beforeAll(async () => {
  idp = await startNepIdp({ rol: 'rapportage', gemeenten: ['GM0005'] }, 'sd-dashboard');
  db = await createTestDatabase();
  setTestEnv(db, {
    AUTH_MODE: 'jwt',
    JWT_PUBLIC_KEY: idp.publicKeyPem,
    JWT_ISSUER: idp.issuer,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: 'sd-dashboard',
    SLEUTEL_MASTER: 'dd'.repeat(32),
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  });
  const { ProjectionsModule } = await import('../../apps/projections/src/projections.module.js');
  projections = await startTestApp(ProjectionsModule);
  await projections.app.listen(0, '127.0.0.1');
  basis = `http://127.0.0.1:${(projections.app.getHttpServer().address() as AddressInfo).port}`;
  browser = await startChromium();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await projections?.close();
  await db?.drop();
  await idp?.close();
}, 30_000);

describe('the dashboard with OpenID Connect', () => {
  it('says how to sign in: jwt mode, the issuer and the client id', async () => {
    const res = await projections.http.get('/dashboard/config.json');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ authMode: 'jwt', oidcIssuer: idp.issuer, oidcClientId: 'sd-dashboard' });
    expect((await projections.http.post('/auth/dev-token').send({ rol: 'rapportage', gemeenten: ['GM0005'] })).status).toBe(404);
  });

  it('signs in with the code flow and PKCE, then shows the view the link named, with no token in any URL', async () => {
    const view = '/dashboard/stand?gemeente=GM0005&peildatum=2016-06-30';
    const adressen: string[] = [];
    page.on('request', (r) => adressen.push(r.url()));
    await page.goto(`${basis}${view}`);
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    expect(await page.getByLabel('Gemeenten').count()).toBe(0);
    await expectToegankelijk(page, 'inloggen (OIDC)');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${basis}${view}`);
    expect(await geladen(page)).toBe('ja');

    const vraag = idp.autorisaties[0];
    expect(vraag.get('response_type')).toBe('code');
    expect(vraag.get('code_challenge_method')).toBe('S256');
    expect(vraag.get('client_id')).toBe('sd-dashboard');
    expect(vraag.get('redirect_uri')).toBe(`${basis}/dashboard/aangemeld`);
    expect(idp.uitwisselingen).toEqual([{ pkce: true, clientId: 'sd-dashboard', redirectUri: `${basis}/dashboard/aangemeld` }]);
    expect(await page.getByText('Ingelogd als rapportage voor GM0005').count()).toBe(1);
    // The access token went in headers only.
    expect(adressen.filter((a) => /eyJ|access_token|id_token/.test(a))).toEqual([]);
  }, 60_000);
});
