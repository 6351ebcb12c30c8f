import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { nieuwBsn } from './helpers.js';

/** Where the apps listen (the relay is not loaded: it answers no commands). */
export interface AppPoorten {
  intake: number;
  voorzieningen: number;
  projections: number;
}

/** One command that was answered 2xx: enough to find it again and to send it once more. */
export interface GeslaagdeOpdracht {
  poort: number;
  pad: string;
  body: Record<string, unknown>;
  sleutel: string;
  status: number;
  antwoord: { positie: number; [id: string]: unknown };
}

export interface Uitkomst {
  /** Answers per HTTP status. */
  statussen: Record<number, number>;
  /** Requests that got no answer at all (connection refused or cut): a client retries those. */
  zonderAntwoord: number;
  geslaagd: GeslaagdeOpdracht[];
}

export async function devToken(poort: number, rol: string, gemeenten: string[]): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${poort}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rol, gemeenten, sub: `belasting-${rol}` }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** Sends a command with an Idempotency-Key; the answer's status and body. */
export async function stuur(
  poort: number,
  pad: string,
  body: unknown,
  sleutel: string,
  token: string,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`http://127.0.0.1:${poort}${pad}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': sleutel },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

/**
 * A steady load on the three apps until stop(): `clients` loops, each in turn registering a client
 * (intake), granting that client a voorziening (voorzieningen) and asking the stand (projections).
 * Fetch keeps its connections alive, as a real client would.
 */
export function startBelasting(poorten: AppPoorten, tokens: { consulent: string; rapportage: string }, clients = 12) {
  const uitkomst: Uitkomst = { statussen: {}, zonderAntwoord: 0, geslaagd: [] };
  let stoppen = false;
  const tel = (status: number) => (uitkomst.statussen[status] = (uitkomst.statussen[status] ?? 0) + 1);

  async function opdracht(poort: number, pad: string, body: Record<string, unknown>): Promise<GeslaagdeOpdracht['antwoord'] | null> {
    const sleutel = randomUUID();
    try {
      const { status, json } = await stuur(poort, pad, body, sleutel, tokens.consulent);
      tel(status);
      if (status >= 300) return null;
      const antwoord = json as GeslaagdeOpdracht['antwoord'];
      uitkomst.geslaagd.push({ poort, pad, body, sleutel, status, antwoord });
      return antwoord;
    } catch {
      uitkomst.zonderAntwoord++;
      return null;
    }
  }

  async function lus(): Promise<void> {
    while (!stoppen) {
      const client = await opdracht(poorten.intake, '/clienten', {
        bsn: nieuwBsn(),
        geboortedatum: '1970-05-01',
        geslacht: 'vrouw',
        gemeente: 'GM0005',
      });
      if (client) {
        await opdracht(poorten.voorzieningen, '/voorzieningen', {
          clientId: client.clientId,
          wet: 'wmo',
          productcategorie: '01',
          leveringsvorm: 'zin',
          besluitdatum: '2026-01-05',
          ingangsdatum: '2026-01-10',
        });
      }
      try {
        const res = await fetch(`http://127.0.0.1:${poorten.projections}/rapportages/stand?peildatum=2026-06-30&gemeente=GM0005`, {
          headers: { authorization: `Bearer ${tokens.rapportage}` },
        });
        await res.arrayBuffer();
        tel(res.status);
      } catch {
        uitkomst.zonderAntwoord++;
      }
      if (uitkomst.zonderAntwoord > 0) await sleep(20); // the apps are going: don't spin on refused connections
    }
  }

  const lussen = Array.from({ length: clients }, lus);
  return {
    uitkomst,
    async stop(): Promise<Uitkomst> {
      stoppen = true;
      await Promise.all(lussen);
      return uitkomst;
    },
  };
}

/** Statuses of 500 and up among the answers (none is allowed while apps stop). */
export const vijfhonderden = (u: Uitkomst) => Object.entries(u.statussen).filter(([s]) => Number(s) >= 500);
