import { CliFout, type CliContext } from './context.js';

/*
 * The CLI's one way to the server: a GET with the bearer token, every failure turned into a
 * CliFout with one Dutch sentence (code 2: no connection, no access, a question the server refuses).
 */

/** A failed fetch (no answer at all) as a sentence: refused, unknown host, cut off. */
export function geenVerbinding(url: string, e: unknown): CliFout {
  // undici puts the reason in `cause`: a code (ECONNREFUSED, ENOTFOUND) or a message ("bad port").
  const { cause } = e as { cause?: { code?: string; message?: string } };
  const oorzaak = cause?.code ?? cause?.message;
  return new CliFout(2, `Geen verbinding met ${url}${oorzaak ? ` (${oorzaak})` : ''}: draait de server, en klopt --url?`);
}

/** The server's own explanation of a refusal (RFC 9457 problem detail), when it gave one. */
async function uitleg(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { detail?: unknown; title?: unknown; message?: unknown };
    const tekst = [body.detail, body.title, body.message].find((t) => typeof t === 'string');
    return typeof tekst === 'string' ? `: ${tekst}` : '';
  } catch {
    return '';
  }
}

export async function weigering(res: Response, wat: string): Promise<CliFout> {
  if (res.status === 401) return new CliFout(2, `Het token is geweigerd (401): geef een geldig token met --token of SD_TOKEN.`);
  if (res.status === 403)
    return new CliFout(2, `Geen toegang tot ${wat} (403): dit token heeft niet de rol auditor of niet deze gemeente.`);
  const zin = (tekst: string) => `${tekst[0].toUpperCase()}${tekst.slice(1).replace(/\.+$/, '')}.`;
  if (res.status === 404) return new CliFout(2, zin(`${wat} bestaat niet (404)`));
  return new CliFout(2, zin(`De server weigerde ${wat} (${res.status})${await uitleg(res)}`));
}

/**
 * One W3C trace per run: each request sends the `traceparent` the previous answer named, so the
 * server's processing log (GET /verwerkingen) and its log lines show the auditor's run as one trace.
 */
const traces = new WeakMap<CliContext, string>();

/** GET `pad` (with its query) on the server; the response only when it is 2xx. */
export async function haal(ctx: CliContext, pad: string, wat: string, signal?: AbortSignal): Promise<Response> {
  const token = await ctx.token();
  const traceparent = traces.get(ctx);
  let res: Response;
  try {
    res = await fetch(new URL(pad, ctx.url), {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(traceparent ? { traceparent } : {}) },
      signal,
    });
  } catch (e) {
    throw geenVerbinding(ctx.url, e);
  }
  const volgende = res.headers.get('traceparent');
  if (volgende) traces.set(ctx, volgende);
  if (!res.ok) throw await weigering(res, wat);
  return res;
}

/**
 * Without --token or SD_TOKEN: an auditor token for these gemeenten from POST /auth/dev-token,
 * which exists only while the server runs in dev mode.
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
      body: JSON.stringify({ rol: 'auditor', gemeenten, sub: 'audit-cli' }),
    });
  } catch (e) {
    throw geenVerbinding(url, e);
  }
  if (res.status === 404) throw new CliFout(2, 'Geen token: de server is niet in dev-modus, geef --token of SD_TOKEN.');
  if (!res.ok) throw await weigering(res, 'een ontwikkeltoken');
  return ((await res.json()) as { token: string }).token;
}
