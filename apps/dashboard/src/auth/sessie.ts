import { createContext, useContext } from 'react';

/**
 * The signed-in user's bearer token, kept for this browser tab only (sessionStorage: gone when the
 * tab closes, never in a URL, never in a cookie the API would trust on its own).
 */
export interface Sessie {
  token: string;
  rol?: string;
  gemeenten?: string[];
}

const SLEUTEL = 'sd-dashboard-sessie';

/** The token's claims, for showing who is signed in; the API verifies them, not we. */
export function sessieUitToken(token: string): Sessie {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '='))) as { rol?: unknown; gemeenten?: unknown };
    return {
      token,
      rol: typeof claims.rol === 'string' ? claims.rol : undefined,
      gemeenten: Array.isArray(claims.gemeenten) ? claims.gemeenten.filter((g): g is string => typeof g === 'string') : undefined,
    };
  } catch {
    return { token };
  }
}

export function leesSessie(): Sessie | null {
  const token = window.sessionStorage.getItem(SLEUTEL);
  return token ? sessieUitToken(token) : null;
}

export function bewaarSessie(token: string): Sessie {
  window.sessionStorage.setItem(SLEUTEL, token);
  return sessieUitToken(token);
}

export function wisSessie(): void {
  window.sessionStorage.removeItem(SLEUTEL);
}

export interface SessieContext {
  sessie: Sessie;
  /** The API answered 401: back to sign-in, saying why. */
  verlopen: () => void;
}

export const SessieCtx = createContext<SessieContext | null>(null);

export function useSessie(): SessieContext {
  const ctx = useContext(SessieCtx);
  if (!ctx) throw new Error('useSessie buiten een ingelogde weergave');
  return ctx;
}
