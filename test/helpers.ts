import { expect } from '@jest/globals';
import type { TestStack } from './stack.js';

/** A supertest response (what `.http.post(...)` resolves to). */
export interface Antwoord {
  status: number;
  body: any;
  headers: Record<string, string>;
  text: string;
}

let volgnummer = 100_000;

/** A fresh BSN that passes the elfproef (never the same twice in one run). */
export function nieuwBsn(): string {
  for (;;) {
    const acht = String(volgnummer++).padStart(8, '0');
    let som = 0;
    for (let i = 0; i < 8; i++) som += Number(acht[i]) * (9 - i);
    const laatste = som % 11;
    if (laatste <= 9) return `${acht}${laatste}`;
  }
}

/**
 * The store's headPosition once every committed event is visible to readers. headPosition hides
 * events while an older transaction still runs (the projection daemon's, say), so a bare reading
 * may lag behind a commit that has already answered; wait until it equals the highest committed
 * position.
 */
export async function settledHead(stack: Pick<TestStack, 'store' | 'db'>): Promise<number> {
  // KurrentDB shows an event once it is committed: nothing to wait for.
  if (process.env.EVENT_STORE === 'kurrentdb') return stack.store.headPosition();
  const deadline = Date.now() + 5000;
  for (;;) {
    const head = await stack.store.headPosition();
    const { rows } = await stack.db.pool.query<{ max: string | null }>('SELECT max(global_position) AS max FROM es_events');
    if (head === Number(rows[0]?.max ?? 0)) return head;
    if (Date.now() > deadline) throw new Error(`headPosition ${head} stays behind the committed ${rows[0]?.max}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The events appended after `before` (a settledHead reading). */
export async function appendedSince(stack: Pick<TestStack, 'store' | 'db'>, before: number) {
  await settledHead(stack);
  return stack.store.readAll({ after: before, limit: 1000 });
}

/** Runs a request and proves it appended nothing: the store's head position did not move. */
export async function appendsNothing(stack: Pick<TestStack, 'store' | 'db'>, run: () => PromiseLike<unknown>): Promise<Antwoord> {
  const before = await settledHead(stack);
  const res = (await run()) as Antwoord;
  expect(await settledHead(stack)).toBe(before);
  return res;
}

/** An RFC 9457 answer with this status, naming `field` among its errors when given. */
export function expectProblem(res: Antwoord, status: number, field?: string): void {
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  }
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  if (field) {
    expect(Array.isArray(res.body.errors)).toBe(true);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  }
}

/** Shortcuts for a consultant that registers cases through REST, failing loudly on a refusal. */
export class Casus {
  constructor(
    private readonly stack: TestStack,
    readonly token: string,
    readonly gemeente = 'GM0005',
  ) {}

  private async expectOk(res: PromiseLike<unknown>, status: number): Promise<Antwoord> {
    const r = (await res) as Antwoord;
    if (r.status !== status) throw new Error(`setup call refused: ${r.status} ${r.text}`);
    return r;
  }

  intake(method: 'get' | 'post', path: string, body?: object, token = this.token) {
    const req = this.stack.intake.http[method](path).set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body);
  }

  vz(method: 'get' | 'post', path: string, body?: object, token = this.token) {
    const req = this.stack.voorzieningen.http[method](path).set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body);
  }

  async client(extra: Record<string, unknown> = {}): Promise<string> {
    const body = { bsn: nieuwBsn(), geboortedatum: '1970-05-01', geslacht: 'man', gemeente: this.gemeente, ...extra };
    return (await this.expectOk(this.intake('post', '/clienten', body), 201)).body.clientId;
  }

  async aanmelding(clientId: string, extra: Record<string, unknown> = {}): Promise<string> {
    const body = { clientId, wet: 'wmo', ontvangenOp: '2024-01-10', ...extra };
    return (await this.expectOk(this.intake('post', '/aanmeldingen', body), 201)).body.aanmeldingId;
  }

  async voorziening(extra: Record<string, unknown> = {}): Promise<string> {
    const clientId = (extra.clientId as string | undefined) ?? (await this.client());
    const body = {
      clientId,
      wet: 'wmo',
      productcategorie: '01',
      leveringsvorm: 'zin',
      besluitdatum: '2024-01-15',
      ingangsdatum: '2024-02-01',
      ...extra,
    };
    return (await this.expectOk(this.vz('post', '/voorzieningen', body), 201)).body.voorzieningId;
  }

  async uitkering(extra: Record<string, unknown> = {}): Promise<string> {
    const clientId = (extra.clientId as string | undefined) ?? (await this.client());
    const body = { clientId, regeling: 'participatiewet', ingangsdatum: '2024-02-01', instroomreden: 'einde-ww', ...extra };
    return (await this.expectOk(this.vz('post', '/uitkeringen', body), 201)).body.uitkeringId;
  }

  async afwijzing(extra: Record<string, unknown> = {}): Promise<string> {
    const clientId = (extra.clientId as string | undefined) ?? (await this.client());
    const body = { clientId, wet: 'wmo', besluitdatum: '2024-01-15', reden: 'geen beperking in zelfredzaamheid', ...extra };
    return (await this.expectOk(this.vz('post', '/afwijzingen', body), 201)).body.afwijzingId;
  }

  async bezwaar(besluitId: string, extra: Record<string, unknown> = {}): Promise<string> {
    const body = { besluitId, ontvangenOp: '2024-02-01', onderwerp: 'huishoudelijke-hulp', ...extra };
    return (await this.expectOk(this.vz('post', '/bezwaren', body), 201)).body.bezwaarId;
  }

  /** POST on an existing resource that must succeed with 200. */
  async ok(path: string, body: object): Promise<Antwoord> {
    return this.expectOk(this.vz('post', path, body), 200);
  }
}
