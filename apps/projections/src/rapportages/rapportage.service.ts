import { ForbiddenException, HttpException, Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { Principal } from '@sd/auth';
import { PG_POOL, quoteIdent } from '@sd/database';
import { invalidField, kennisdatumInstant, ongeldig, ProblemException } from '@sd/http';
import { RegioService } from '../regios/regio.service.js';
import { LeesmodelVoortgang } from './leesmodel-voortgang.js';
import { periodeGrenzen } from './periode.js';
import { publiceer } from './publicatie.js';
import type { RapportVraagDto } from './rapportage.dto.js';
import type { RapportMeta } from './rapportage.types.js';
import { type Selectie, type Snapshot, snapshotCheckpoint } from './sql.js';

/** How long a report waits for minPositie before answering 503 (10 s; tests shorten it). */
const MAX_WACHT_MS = Number(process.env.MIN_POSITIE_WACHT_MS ?? 10_000);

export const WACHTLIJST_NORMEN = (): Record<string, number> => ({
  wmo: Number(process.env.NORM_WMO_DAGEN ?? 42),
  jeugdwet: Number(process.env.NORM_JEUGDWET_DAGEN ?? 56),
  participatiewet: Number(process.env.NORM_PARTICIPATIEWET_DAGEN ?? 56),
});

/**
 * What every report does around its query: the gemeenten the caller may see, waiting for
 * minPositie, the kennisdatum, one consistent snapshot of the active generation, the metadata
 * that makes the figure reproducible, and the publication mode.
 */
@Injectable()
export class RapportageService {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly voortgang: LeesmodelVoortgang,
    private readonly regios: RegioService,
  ) {}

  async maak<T extends object>(
    rapport: RapportMeta['rapport'],
    vraag: RapportVraagDto,
    gebruiker: Principal,
    query: (db: Snapshot, selectie: Selectie) => Promise<T>,
    opties: { tweeVerbindingen?: boolean } = {},
  ): Promise<T & RapportMeta> {
    const kennis = vraag.kennisdatum ? kennisdatumInstant(vraag.kennisdatum) : null;
    if (vraag.kennisdatum && !kennis) throw ongeldig([invalidField('kennisdatum', 'geen bestaande datum of tijdstip')]);
    const gemeenten = await this.gemeenten(vraag, gebruiker, kennis);
    if (vraag.minPositie !== undefined) await this.wachtOp(vraag.minPositie, gemeenten);

    const schema = await this.voortgang.actiefSchema();
    if (!schema) throw new HttpException('Het leesmodel wordt nog aangemaakt.', 503);
    const client = await this.pool.connect();
    let naast: pg.PoolClient | undefined;
    // Reports sort tens of thousands of rows per grouping set: keep the sorts in memory, and skip
    // JIT compilation, which costs more than it saves on queries of this size.
    const instellen = async (c: pg.PoolClient) => {
      await c.query(`SET LOCAL work_mem = '64MB'; SET LOCAL jit = off`);
      await c.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
    };
    try {
      // One snapshot for every query of the report and the checkpoint it reflects.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await instellen(client);
      naast = opties.tweeVerbindingen ? await this.tweedeVerbinding() : undefined;
      if (naast) {
        // A second connection in the same snapshot, for a report that runs two statements at once.
        const { rows: snapshot } = await client.query<{ id: string }>(`SELECT pg_export_snapshot() AS id`);
        await naast.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        await naast.query(`SET TRANSACTION SNAPSHOT '${snapshot[0].id.replace(/'/g, '')}'`);
        await instellen(naast);
      }
      const checkpoint = await snapshotCheckpoint(client, gemeenten);
      const selectie: Selectie = {
        gemeenten,
        kennis,
        wet: vraag.wet,
        productcategorie: vraag.productcategorie,
        leveringsvorm: vraag.leveringsvorm,
        regeling: vraag.regeling,
      };
      const db: Snapshot = naast ? { query: client.query.bind<pg.PoolClient['query']>(client), naast } : client;
      const cijfers = await query(db, selectie);
      await naast?.query('COMMIT');
      await client.query('COMMIT');
      const publicatie = vraag.publicatie === 'true';
      const meta: RapportMeta = {
        rapport,
        kennisdatum: (kennis ?? checkpoint.geregistreerdOp ?? new Date(0)).toISOString(),
        positie: checkpoint.positie,
        filters: {
          gemeente: gemeenten,
          ...(vraag.regio ? { regio: vraag.regio } : {}),
          ...(vraag.wet ? { wet: vraag.wet } : {}),
          ...(vraag.productcategorie ? { productcategorie: vraag.productcategorie } : {}),
          ...(vraag.leveringsvorm ? { leveringsvorm: vraag.leveringsvorm } : {}),
          ...(vraag.regeling ? { regeling: vraag.regeling } : {}),
        },
        publicatie,
      };
      const volledig = { ...meta, ...cijfers };
      return publicatie ? publiceer(volledig, Number(process.env.PUBLICATIE_GEHEIM_TOT ?? 7)) : volledig;
    } catch (e) {
      await naast?.query('ROLLBACK').catch(() => undefined);
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      naast?.release();
      client.release();
    }
  }

  /** The gemeenten asked for (a list, a regio, or all of the token's), each of them the caller's. */
  private async gemeenten(vraag: RapportVraagDto, gebruiker: Principal, kennis: Date | null): Promise<string[]> {
    if (vraag.regio !== undefined && vraag.gemeente !== undefined)
      throw ongeldig([invalidField('regio', 'geef gemeente of regio, niet beide')]);
    let gemeenten = [...gebruiker.gemeenten];
    if (vraag.gemeente) gemeenten = vraag.gemeente.split(',');
    if (vraag.regio) {
      const regio = await this.regios.regio(vraag.regio, kennis);
      if (!regio) throw ongeldig([invalidField('regio', 'deze regio bestaat niet (GET /regios)')]);
      gemeenten = regio.gemeenten;
    }
    gemeenten = [...new Set(gemeenten)].sort();
    const verboden = gemeenten.filter((g) => !gebruiker.gemeenten.includes(g));
    if (verboden.length) throw new ForbiddenException(`Geen toegang tot gemeente ${verboden.join(', ')}.`);
    return gemeenten;
  }

  /**
   * A second connection if the pool has one at hand, else none (the report then runs its statements
   * one after the other). Never waited for: if every connection were held by a report waiting for
   * its second one, they would all wait forever.
   */
  private async tweedeVerbinding(): Promise<pg.PoolClient | undefined> {
    const verzoek = this.pool.connect();
    const naast = await Promise.race([verzoek, new Promise<undefined>((r) => setTimeout(r, 10, undefined))]);
    if (!naast)
      void verzoek.then(
        (c) => c.release(),
        () => undefined,
      );
    return naast;
  }

  /** Read-your-writes: waits (bounded) until the active read model has applied `positie` for these gemeenten. */
  private async wachtOp(positie: number, gemeenten: string[]): Promise<void> {
    if (await this.voortgang.wachtTot(positie, gemeenten, MAX_WACHT_MS)) return;
    throw new ProblemException({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: `Het leesmodel heeft positie ${positie} na ${MAX_WACHT_MS / 1000} s nog niet verwerkt; probeer het zo opnieuw.`,
      retryAfter: 2,
    });
  }
}

/** van/tot from the query, or from `periode`; van must not be after tot. */
export function periodeUit(vraag: { van?: string; tot?: string; periode?: string }): { van: string; tot: string } {
  if (vraag.periode !== undefined && (vraag.van !== undefined || vraag.tot !== undefined)) {
    throw ongeldig([invalidField('periode', 'geef periode, of van en tot, niet beide')]);
  }
  const grenzen = vraag.periode !== undefined ? periodeGrenzen(vraag.periode) : { van: vraag.van!, tot: vraag.tot! };
  if (!grenzen) throw ongeldig([invalidField('periode', 'geen bestaande periode')]);
  if (grenzen.van > grenzen.tot) throw ongeldig([invalidField('tot', 'tot ligt voor van')]);
  return grenzen;
}
