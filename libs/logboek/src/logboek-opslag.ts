import type pg from 'pg';
import type { ActiviteitId } from './verwerkingsactiviteiten.js';
import { DATA_SUBJECT_ID_TYPE, type StatusCode, type Vastlegging } from './verwerking.js';

/** One page of a client's records, oldest first. */
export interface LogboekVraag {
  clientId: string;
  /** Only records of these gemeenten (the reader's token). */
  gemeenten: readonly string[];
  van?: Date;
  /** Inclusive. */
  tot?: Date;
  limit: number;
  /** The `volgende` of the previous page. */
  na?: number;
}

export interface LogboekPagina {
  verwerkingen: Vastlegging[];
  /** Pass as `na` for the next page; null on the last. */
  volgende: number | null;
}

interface Rij {
  volgnummer: string;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  start_time: Date;
  end_time: Date;
  status_code: number;
  resource: { 'service.name'?: string };
  processing_activity_id: string;
  data_subject_id: string | null;
  actor_id: string;
  rol: string | null;
  gemeente: string | null;
}

/**
 * The processing log in PostgreSQL (`<schema>_logboek.verwerking`, migration 1763900000008). A
 * write is one INSERT that returns when it is committed: the standard asks the Logboek to confirm
 * every record, and the interceptor answers only after that.
 */
export class LogboekOpslag {
  /** `schema`: the quoted name of the logboek schema (`logboekSchema(config)`). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {}

  async schrijf(v: Vastlegging): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schema}.verwerking
         (trace_id, span_id, parent_span_id, name, start_time, end_time, status_code, resource,
          processing_activity_id, data_subject_id, data_subject_id_type, actor_id, rol, gemeente)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        v.traceId,
        v.spanId,
        v.parentSpanId ?? null,
        v.name,
        v.startTime,
        v.endTime,
        v.statusCode,
        { 'service.name': v.dienst },
        v.activiteit,
        v.betrokkene?.clientId ?? null,
        v.betrokkene ? DATA_SUBJECT_ID_TYPE : null,
        v.actor,
        v.rol ?? null,
        v.betrokkene?.gemeente ?? null,
      ],
    );
  }

  /** A client's records in time order (ties in the order written), by the index on (data_subject_id, start_time). */
  async lees(vraag: LogboekVraag): Promise<LogboekPagina> {
    const { rows } = await this.pool.query<Rij>(
      `SELECT v.* FROM ${this.schema}.verwerking v
        WHERE v.data_subject_id = $1 AND v.gemeente = ANY($2::text[])
          AND ($3::timestamptz IS NULL OR v.start_time >= $3)
          AND ($4::timestamptz IS NULL OR v.start_time <= $4)
          AND ($5::bigint IS NULL OR (v.start_time, v.volgnummer) >
               (SELECT n.start_time, n.volgnummer FROM ${this.schema}.verwerking n WHERE n.volgnummer = $5))
        ORDER BY v.start_time, v.volgnummer
        LIMIT $6`,
      [vraag.clientId, vraag.gemeenten, vraag.van ?? null, vraag.tot ?? null, vraag.na ?? null, vraag.limit + 1],
    );
    const meer = rows.length > vraag.limit;
    const pagina = rows.slice(0, vraag.limit);
    return {
      verwerkingen: pagina.map(alsVastlegging),
      volgende: meer ? Number(pagina[pagina.length - 1].volgnummer) : null,
    };
  }
}

function alsVastlegging(r: Rij): Vastlegging {
  return {
    traceId: r.trace_id,
    spanId: r.span_id,
    ...(r.parent_span_id ? { parentSpanId: r.parent_span_id } : {}),
    name: r.name,
    startTime: r.start_time,
    endTime: r.end_time,
    statusCode: r.status_code as StatusCode,
    dienst: r.resource['service.name'] ?? '',
    activiteit: r.processing_activity_id as ActiviteitId,
    ...(r.data_subject_id && r.gemeente ? { betrokkene: { clientId: r.data_subject_id, gemeente: r.gemeente } } : {}),
    actor: r.actor_id,
    ...(r.rol ? { rol: r.rol } : {}),
  };
}
