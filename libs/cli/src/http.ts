import { CliFout } from './cli-fout.js';
import type { CliContext } from './context.js';

/*
 * A CLI's way to the server: every failure to reach it or to be let in turned into a CliFout with
 * one Dutch sentence (code 2). What a command does with a refusal of its own (count it and go on)
 * stays in the command.
 */

/** A failed fetch (no answer at all) as a sentence: refused, unknown host, cut off. `optie` names where the URL came from. */
export function geenVerbinding(url: string, e: unknown, optie = '--url'): CliFout {
  // undici puts the reason in `cause`: a code (ECONNREFUSED, ENOTFOUND) or a message ("bad port").
  const { cause } = e as { cause?: { code?: string; message?: string } };
  const oorzaak = cause?.code ?? cause?.message;
  return new CliFout(2, `Geen verbinding met ${url}${oorzaak ? ` (${oorzaak})` : ''}: draait de server, en klopt ${optie}?`);
}

/** The server's own explanation of a refusal (RFC 9457 problem detail, else Nest's message), when it gave one; else ''. */
export async function uitleg(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { detail?: unknown; title?: unknown; message?: unknown };
    const tekst = [body.detail, body.message, body.title].find((t) => typeof t === 'string');
    return typeof tekst === 'string' ? tekst : '';
  } catch {
    return '';
  }
}

/** A capital at the start and one full stop at the end: `wat` may begin a sentence. */
const zin = (tekst: string) => `${tekst[0].toUpperCase()}${tekst.slice(1).replace(/\.+$/, '')}.`;

/** A refusal that stops the whole command: a token refused, no access for `rol`, a question the server refuses. */
export async function weigering(res: Response, wat: string, rol: string): Promise<CliFout> {
  if (res.status === 401) return new CliFout(2, `Het token is geweigerd (401): geef een geldig token met --token of SD_TOKEN.`);
  if (res.status === 403) return new CliFout(2, `Geen toegang tot ${wat} (403): dit token heeft niet de rol ${rol} of niet deze gemeente.`);
  const reden = await uitleg(res);
  return new CliFout(2, zin(`De server weigerde ${wat} (${res.status})${reden ? `: ${reden}` : ''}`));
}

/**
 * One W3C trace per run (a run has one context): each request sends the `traceparent` the previous
 * answer named, so the server's processing log (GET /verwerkingen) and its log lines show the run
 * as one trace, across the apps it talks to.
 */
const traces = new WeakMap<CliContext, string>();
export function traceHeader(ctx: CliContext): Record<string, string> {
  const traceparent = traces.get(ctx);
  return traceparent ? { traceparent } : {};
}
export function volgTrace(ctx: CliContext, res: Response): void {
  const volgende = res.headers.get('traceparent');
  if (volgende) traces.set(ctx, volgende);
}

/**
 * GET `pad` (with its query) on the projections app; the response only when it is 2xx. With
 * `bestaatNiet`, a 404 says that what was asked for by its path (a stream, a report) does not exist.
 */
export async function haal(ctx: CliContext, pad: string, wat: string, opties: { bestaatNiet?: boolean } = {}): Promise<Response> {
  const token = await ctx.token();
  let res: Response;
  try {
    res = await fetch(new URL(pad, ctx.url), {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...traceHeader(ctx) },
    });
  } catch (e) {
    throw geenVerbinding(ctx.url, e);
  }
  volgTrace(ctx, res);
  if (res.ok) return res;
  if (opties.bestaatNiet && res.status === 404) throw new CliFout(2, zin(`${wat} bestaat niet (404)`));
  throw await weigering(res, wat, ctx.rol);
}
