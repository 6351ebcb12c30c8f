import { Inject, Injectable } from '@nestjs/common';
import { AANMELDING, AFWIJZING, type Aggregate, BEZWAAR, CommandHandler, UITKERING, VOORZIENING } from '@sd/commands';
import { EVENT_STORE, type EventStore } from '@sd/event-store';
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
 * current state (the store finds them: EventStore.streamsAbout).
 */
@Injectable()
export class DossierService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandHandler,
  ) {}

  async voor(clientId: string): Promise<Dossier> {
    const dossier: Dossier = { aanmeldingen: [], voorzieningen: [], uitkeringen: [], afwijzingen: [], bezwaren: [] };
    for (const { streamId, streamType } of await this.store.streamsAbout(clientId)) {
      const soort = PER_STREAM_TYPE.get(streamType);
      if (!soort) continue;
      const { state, versie } = await this.commands.loadStream(streamId, soort.aggregate.decider);
      dossier[soort.lijst].push({ ...state, versie });
    }
    return dossier;
  }
}
