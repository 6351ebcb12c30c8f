import type { KopRegel } from '@sd/audit';
import { herbereken, type Herberekening, type Oracle, vergelijkCijfers, type Vergelijking } from '@sd/herberekening';
import { CliFout, type CliContext } from '@sd/cli';
import type { RapportVraag } from './vraag.js';

/** Asks the projections app a path (`/rapportages/…?…`) and gives the JSON body. */
export type Haal = (pad: string) => Promise<Record<string, unknown>>;

/** The API path of the question, waiting (minPositie) until the read model has applied the export's last position. */
export function apiPad(v: RapportVraag, kop: KopRegel): string {
  const query = new URLSearchParams({ ...v.params, minPositie: String(kop.totPositie) });
  return `/rapportages/${v.rapport}?${query.toString()}`;
}

export interface TegenApi {
  herberekening: Herberekening;
  vergelijking: Vergelijking;
}

/** The report from the API against its recomputation from the export: every figure, less what an export cannot give. */
export async function vergelijkMetApi(oracle: Oracle, kop: KopRegel, v: RapportVraag, haal: Haal): Promise<TegenApi> {
  const herberekening = herbereken(oracle, v.vraag);
  const api = await haal(apiPad(v, kop));
  return {
    herberekening,
    vergelijking: vergelijkCijfers(
      api,
      herberekening.cijfers,
      herberekening.nietHerberekenbaar.map((n) => n.pad),
    ),
  };
}

/** Haal over HTTP with the context's URL and token; an answer other than 200 is a CliFout(2). */
export function haalVia(ctx: CliContext): Haal {
  return async (pad) => {
    let res: Response;
    try {
      res = await fetch(`${ctx.url}${pad}`, { headers: { Authorization: `Bearer ${await ctx.token()}`, Accept: 'application/json' } });
    } catch (e) {
      throw new CliFout(2, `geen verbinding met ${ctx.url}: ${(e as Error).message}`);
    }
    if (res.status !== 200) throw new CliFout(2, `${pad} gaf ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as Record<string, unknown>;
  };
}
