import { CliFout } from './cli-fout.js';
import { geenVerbinding, weigering } from './http.js';

/**
 * Without --token or SD_TOKEN: a token with `rol` for these gemeenten from POST /auth/dev-token,
 * which exists only while the server runs in dev mode (all three apps accept each other's dev
 * tokens). `naam`, the CLI, is its subject: the actor in the processing log.
 */
export async function devToken(url: string, gemeenten: string[], { rol, naam }: { rol: string; naam: string }): Promise<string> {
  if (gemeenten.length === 0) {
    throw new CliFout(2, 'Geen token: geef --token of SD_TOKEN, of (alleen tegen een server in dev-modus) --gemeente GM0000.');
  }
  let res: Response;
  try {
    res = await fetch(new URL('/auth/dev-token', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rol, gemeenten, sub: naam }),
    });
  } catch (e) {
    throw geenVerbinding(url, e);
  }
  if (res.status === 404) throw new CliFout(2, 'Geen token: de server is niet in dev-modus, geef --token of SD_TOKEN.');
  if (!res.ok) throw await weigering(res, 'een ontwikkeltoken', rol);
  return ((await res.json()) as { token: string }).token;
}
