import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { AANMELDING, AFWIJZING, type Aggregate, BEZWAAR, CommandHandler, UITKERING, VOORZIENING } from '@sd/commands';
import { PG_POOL } from '@sd/database';
import type { DomainEvent } from '@sd/domain';

// Read only: their commands are never decided here, so any command type will do.
const SOORTEN: { lijst: keyof Dossier; aggregate: Aggregate<never, object, DomainEvent> }[] = [
  { lijst: 'aanmeldingen', aggregate: AANMELDING },
  { lijst: 'voorzieningen', aggregate: VOORZIENING },
  { lijst: 'uitkeringen', aggregate: UITKERING },
  { lijst: 'afwijzingen', aggregate: AFWIJZING },
  { lijst: 'bezwaren', aggregate: BEZWAAR },
];
const PER_STREAM_TYPE = new Map(SOORTEN.map((s) => [s.aggregate.streamType, s]));

export interface Dossier {
  aanmeldingen: object[];
  voorzieningen: object[];
  uitkeringen: object[];
  afwijzingen: object[];
  bezwaren: object[];
}

/**
 * A client's dossier: every case stream whose first event names the client, each folded to its
 * current state. Reads the event store (PostgreSQL) through the partial clientId index.
 */
@Injectable()
export class DossierService {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly commands: CommandHandler,
  ) {}

  async voor(clientId: string): Promise<Dossier> {
    const { rows } = await this.pool.query<{ stream_id: string; stream_type: string }>(
      `SELECT stream_id, stream_type FROM es_events
        WHERE stream_version = 1 AND data->>'clientId' = $1 AND stream_type <> 'client'
        ORDER BY global_position`,
      [clientId],
    );
    const dossier: Dossier = { aanmeldingen: [], voorzieningen: [], uitkeringen: [], afwijzingen: [], bezwaren: [] };
    for (const row of rows) {
      const soort = PER_STREAM_TYPE.get(row.stream_type);
      if (!soort) continue;
      const { state, versie } = await this.commands.loadStream(row.stream_id, soort.aggregate.decider);
      dossier[soort.lijst].push({ ...state, versie });
    }
    return dossier;
  }
}
