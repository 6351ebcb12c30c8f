/**
 * The projections app's REST API, same origin, bearer token in the Authorization header (never in
 * a URL). Every refusal arrives as RFC 9457 problem+json and leaves here as an ApiFout.
 */

export interface Probleem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export class ApiFout extends Error {
  constructor(
    readonly status: number,
    readonly probleem: Probleem | null,
  ) {
    super(probleem?.detail ?? probleem?.title ?? (status ? `De server antwoordde ${status}.` : 'De server is niet bereikbaar.'));
    this.name = 'ApiFout';
  }

  /** The invalid fields the answer names, with their messages. */
  get velden(): { field: string; message: string }[] {
    return this.probleem?.errors ?? [];
  }
}

export interface Vraag {
  token?: string;
  params?: URLSearchParams;
  methode?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * One W3C trace per page load: each request sends the `traceparent` an earlier answer named, so the
 * API's log lines (and its processing log) show one visit as one trace.
 */
let traceparent: string | null = null;

export async function vraagJson<T>(pad: string, vraag: Vraag = {}): Promise<T> {
  const zoek = vraag.params?.toString();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (vraag.token) headers.authorization = `Bearer ${vraag.token}`;
  if (vraag.body !== undefined) headers['content-type'] = 'application/json';
  if (traceparent) headers.traceparent = traceparent;
  let antwoord: Response;
  try {
    antwoord = await fetch(zoek ? `${pad}?${zoek}` : pad, {
      method: vraag.methode ?? 'GET',
      headers,
      body: vraag.body === undefined ? undefined : JSON.stringify(vraag.body),
      signal: vraag.signal,
      credentials: 'omit',
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiFout(0, null);
  }
  traceparent = antwoord.headers.get('traceparent') ?? traceparent;
  if (antwoord.ok) return (await antwoord.json()) as T;
  let probleem: Probleem | null = null;
  if (/json/.test(antwoord.headers.get('content-type') ?? '')) {
    probleem = (await antwoord.json().catch(() => null)) as Probleem | null;
  }
  throw new ApiFout(antwoord.status, probleem);
}
