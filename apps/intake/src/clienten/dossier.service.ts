import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { CommandService } from '@sd/commands';
import { PG_POOL } from '@sd/database';
import {
  aanmeldingDecider,
  afwijzingDecider,
  bezwaarDecider,
  type Decider,
  uitkeringDecider,
  voorzieningDecider,
} from '@sd/domain';

/* eslint-disable @typescript-eslint/no-explicit-any */
const DECIDERS: Record<string, { lijst: keyof Dossier; decider: Decider<any, any, any> }> = {
  aanmelding: { lijst: 'aanmeldingen', decider: aanmeldingDecider },
  voorziening: { lijst: 'voorzieningen', decider: voorzieningDecider },
  uitkering: { lijst: 'uitkeringen', decider: uitkeringDecider },
  afwijzing: { lijst: 'afwijzingen', decider: afwijzingDecider },
  bezwaar: { lijst: 'bezwaren', decider: bezwaarDecider },
};

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
    private readonly commands: CommandService,
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
      const soort = DECIDERS[row.stream_type];
      if (!soort) continue;
      const { state, versie } = await this.commands.loadState(row.stream_id, soort.decider);
      dossier[soort.lijst].push({ ...state, versie });
    }
    return dossier;
  }
}
