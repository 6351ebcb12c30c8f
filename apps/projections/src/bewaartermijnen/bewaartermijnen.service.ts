import { HttpException, Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { eisGemeente, type Principal } from '@sd/auth';
import { PG_POOL, quoteIdent } from '@sd/database';
import { type Bewaartermijnen, vandaag } from '@sd/domain';
import { ProblemException } from '@sd/http';
import { LeesmodelVoortgang } from '../rapportages/leesmodel-voortgang.js';
import { snapshotCheckpoint } from '../rapportages/sql.js';
import { BEWAARTERMIJNEN } from './bewaartermijnen.config.js';
import { CURSOR, type VerlopenAntwoordDto, type VerlopenVraagDto } from './bewaartermijnen.dto.js';
import { verlopenClienten } from './verlopen.query.js';

const MAX_WACHT_MS = Number(process.env.MIN_POSITIE_WACHT_MS ?? 10_000);

/** The list of clients past their bewaartermijn, over the active read-model generation in one snapshot. */
@Injectable()
export class BewaartermijnenService {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(BEWAARTERMIJNEN) private readonly termijnen: Bewaartermijnen,
    private readonly voortgang: LeesmodelVoortgang,
  ) {}

  async verlopen(vraag: VerlopenVraagDto, gebruiker: Principal): Promise<VerlopenAntwoordDto> {
    eisGemeente(gebruiker, vraag.gemeente);
    const peildatum = vraag.peildatum ?? vandaag();
    const limit = vraag.limit ?? 1000;
    const cursor = vraag.na ? CURSOR.exec(vraag.na) : null;
    if (vraag.minPositie !== undefined && !(await this.voortgang.wachtTot(vraag.minPositie, [vraag.gemeente], MAX_WACHT_MS))) {
      throw new ProblemException({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: `Het leesmodel heeft positie ${vraag.minPositie} na ${MAX_WACHT_MS / 1000} s nog niet verwerkt; probeer het zo opnieuw.`,
        retryAfter: 2,
      });
    }
    const schema = await this.voortgang.actiefSchema();
    if (!schema) throw new HttpException('Het leesmodel wordt nog aangemaakt.', 503);
    const db = await this.pool.connect();
    try {
      await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // The connection's own schema holds the event store; the read models are in the generation's.
      const { rows } = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
      // As the reports: the per-client sort of every item of the gemeente stays in memory, no JIT.
      await db.query(`SET LOCAL work_mem = '64MB'; SET LOCAL jit = off`);
      await db.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
      const { positie } = await snapshotCheckpoint(db, [vraag.gemeente]);
      const pagina = await verlopenClienten(db, {
        gemeente: vraag.gemeente,
        peildatum,
        termijnen: this.termijnen,
        na: cursor ? { verlooptOp: cursor[1], clientId: cursor[2] } : null,
        limit,
        eventSchema: rows[0].schema,
      });
      await db.query('COMMIT');
      const laatste = pagina.clienten.at(-1);
      return {
        peildatum,
        gemeente: vraag.gemeente,
        termijnen: { ...this.termijnen },
        positie,
        aantal: pagina.aantal,
        clienten: pagina.clienten,
        ...(laatste && pagina.clienten.length === limit ? { volgende: `${laatste.verlooptOp}_${laatste.clientId}` } : {}),
      };
    } catch (e) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      db.release();
    }
  }
}
