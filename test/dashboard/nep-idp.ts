import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as jose from 'jose';

/**
 * A stand-in OpenID Connect provider for the dashboard's jwt mode, on loopback: discovery, an
 * authorization endpoint that signs in at once (no login page), and a token endpoint that only
 * hands out tokens for a code whose PKCE verifier matches its S256 challenge. Its access tokens are
 * what the API verifies (RS256, JWT_PUBLIC_KEY, JWT_ISSUER).
 */
export interface NepIdp {
  issuer: string;
  publicKeyPem: string;
  /** What the token endpoint saw: every exchange and whether its verifier matched. */
  uitwisselingen: { pkce: boolean; clientId: string | null; redirectUri: string | null }[];
  /** The query strings the authorization endpoint was called with. */
  autorisaties: URLSearchParams[];
  close(): Promise<void>;
}

export async function startNepIdp(claims: { rol: string; gemeenten: string[] }, clientId: string): Promise<NepIdp> {
  const { publicKey, privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const codes = new Map<string, { challenge: string; redirectUri: string; nonce: string | null }>();
  const uitwisselingen: NepIdp['uitwisselingen'] = [];
  const autorisaties: URLSearchParams[] = [];
  let issuer = '';

  const teken = (extra: jose.JWTPayload, audience: string) =>
    new jose.SignJWT({ ...extra })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(issuer)
      .setSubject('oidc-rapporteur')
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    // The dashboard is another origin: discovery and the token exchange are cross-origin fetches.
    res.setHeader('Access-Control-Allow-Origin', '*');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': '*' });
      return res.end();
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/authorize') {
      autorisaties.push(url.searchParams);
      const code = randomBytes(16).toString('hex');
      codes.set(code, {
        challenge: url.searchParams.get('code_challenge') ?? '',
        redirectUri: url.searchParams.get('redirect_uri') ?? '',
        nonce: url.searchParams.get('nonce'),
      });
      const terug = new URL(url.searchParams.get('redirect_uri')!);
      terug.searchParams.set('code', code);
      terug.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: terug.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const gegeven = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const pkce = !!gegeven && createHash('sha256').update(verifier).digest('base64url') === gegeven.challenge;
        uitwisselingen.push({ pkce, clientId: form.get('client_id'), redirectUri: form.get('redirect_uri') });
        if (!pkce || form.get('redirect_uri') !== gegeven.redirectUri) return json(400, { error: 'invalid_grant' });
        void Promise.all([
          teken({ ...claims }, 'sociaal-domein'),
          teken({ name: 'Rapporteur', ...(gegeven.nonce ? { nonce: gegeven.nonce } : {}) }, clientId),
        ]).then(([access, id]) =>
          json(200, { access_token: access, id_token: id, token_type: 'Bearer', expires_in: 3600, scope: 'openid profile' }),
        );
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    publicKeyPem: await jose.exportSPKI(publicKey),
    uitwisselingen,
    autorisaties,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
