import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { BASIS } from '../lib/weergave';
import type { DashboardConfig } from './config';

/**
 * AUTH_MODE=jwt: OpenID Connect authorization code flow with PKCE (oidc-client-ts makes the code
 * verifier and challenge). The identity provider sends the browser back to /dashboard/aangemeld;
 * the view to return to travels in the flow's state, the tokens stay in sessionStorage.
 */
export function maakUserManager(config: DashboardConfig): UserManager {
  if (!config.oidcIssuer || !config.oidcClientId) {
    throw new Error('De dashboardconfiguratie noemt geen OIDC_ISSUER en OIDC_CLIENT_ID.');
  }
  return new UserManager({
    authority: config.oidcIssuer,
    client_id: config.oidcClientId,
    redirect_uri: `${window.location.origin}${BASIS}aangemeld`,
    post_logout_redirect_uri: `${window.location.origin}${BASIS}`,
    response_type: 'code',
    scope: config.oidcScope ?? 'openid profile',
    // The PKCE verifier and the tokens stay in this tab (oidc-client-ts keeps its state in localStorage by default).
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
  });
}

export async function startInloggen(um: UserManager, terug: string): Promise<void> {
  await um.signinRedirect({ state: { terug } });
}

/** On /dashboard/aangemeld: exchanges the code (with the PKCE verifier) for the tokens. */
export async function voltooiInloggen(um: UserManager): Promise<{ token: string; terug: string }> {
  const user = await um.signinRedirectCallback();
  const terug = (user.state as { terug?: unknown } | undefined)?.terug;
  return { token: user.access_token, terug: typeof terug === 'string' && terug.startsWith(BASIS) ? terug : BASIS };
}
