import { CliFout } from './context.js';

/*
 * The CLI's ways to the apps, every failure to reach them or to be let in turned into a CliFout
 * with one Dutch sentence (code 2). A refusal of one client's erasure is not a CliFout: the command
 * counts it and goes on.
 */

/** A failed fetch (no answer at all) as a sentence: refused, unknown host, cut off. */
export function geenVerbinding(url: string, e: unknown, optie = '--url'): CliFout {
  // undici puts the reason in `cause`: a code (ECONNREFUSED, ENOTFOUND) or a message ("bad port").
  const { cause } = e as { cause?: { code?: string; message?: string } };
  const oorzaak = cause?.code ?? cause?.message;
  return new CliFout(2, `Geen verbinding met ${url}${oorzaak ? ` (${oorzaak})` : ''}: draait de server, en klopt ${optie}?`);
}

/** The server's own explanation of a refusal (RFC 9457 problem detail), when it gave one. */
export async function uitleg(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { detail?: unknown; title?: unknown; message?: unknown };
    const tekst = [body.detail, body.message, body.title].find((t) => typeof t === 'string');
    return typeof tekst === 'string' ? tekst : '';
  } catch {
    return '';
  }
}

const zin = (tekst: string) => `${tekst[0].toUpperCase()}${tekst.slice(1).replace(/\.+$/, '')}.`;

/** A refusal that stops the whole command: no token, no access, a question the server refuses. */
export async function weigering(res: Response, wat: string): Promise<CliFout> {
  if (res.status === 401) return new CliFout(2, `Het token is geweigerd (401): geef een geldig token met --token of SD_TOKEN.`);
  if (res.status === 403) return new CliFout(2, `Geen toegang tot ${wat} (403): dit token heeft niet de rol beheer of niet deze gemeente.`);
  const reden = await uitleg(res);
  return new CliFout(2, zin(`De server weigerde ${wat} (${res.status})${reden ? `: ${reden}` : ''}`));
}

/**
 * One W3C trace per run, as the audit CLI keeps: each request sends the `traceparent` the previous
 * answer named, so the processing log (GET /verwerkingen) shows a run's erasures as one trace.
 */
let traceparent: string | undefined;
export const traceHeader = (): Record<string, string> => (traceparent ? { traceparent } : {});
export function volgTrace(res: Response): void {
  traceparent = res.headers.get('traceparent') ?? traceparent;
}

/** GET `pad` (with its query) on `basis`; the parsed JSON only when it is 2xx. */
export async function haalJson<T>(basis: string, pad: string, token: string, wat: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(pad, basis), { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...traceHeader() } });
  } catch (e) {
    throw geenVerbinding(basis, e);
  }
  volgTrace(res);
  if (!res.ok) throw await weigering(res, wat);
  return (await res.json()) as T;
}

/**
 * Without --token or SD_TOKEN: a beheer token for these gemeenten from POST /auth/dev-token, which
 * exists only while the server runs in dev mode (all three apps accept each other's dev tokens).
 */
export async function devToken(url: string, gemeenten: string[]): Promise<string> {
  if (gemeenten.length === 0) {
    throw new CliFout(2, 'Geen token: geef --token of SD_TOKEN, of (alleen tegen een server in dev-modus) --gemeente GM0000.');
  }
  let res: Response;
  try {
    res = await fetch(new URL('/auth/dev-token', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rol: 'beheer', gemeenten, sub: 'beheer-cli' }),
    });
  } catch (e) {
    throw geenVerbinding(url, e);
  }
  if (res.status === 404) throw new CliFout(2, 'Geen token: de server is niet in dev-modus, geef --token of SD_TOKEN.');
  if (!res.ok) throw await weigering(res, 'een ontwikkeltoken');
  return ((await res.json()) as { token: string }).token;
}
