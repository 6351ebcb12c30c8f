import type { EventStore } from '@sd/event-store';
import type { CheckpointStore } from './projectie/checkpoints/checkpoint-store.js';
import type { Generaties } from './projectie/generaties.service.js';
import type { ProjectieDaemon } from './projectie/projectie-daemon.js';
import { LeesmodelVoortgang } from './rapportages/leesmodel-voortgang.js';

/** LeesmodelVoortgang over the generations, their checkpoints, the daemon that fills them and the event store. */
export class ProjectieVoortgang extends LeesmodelVoortgang {
  constructor(
    private readonly generaties: Generaties,
    private readonly checkpoints: CheckpointStore,
    private readonly daemon: ProjectieDaemon,
    private readonly store: EventStore,
  ) {
    super();
  }

  async actiefSchema(): Promise<string | null> {
    return (await this.generaties.actief())?.schema ?? null;
  }

  async wachtTot(positie: number, gemeenten: string[], ms: number): Promise<boolean> {
    const tot = Date.now() + ms;
    for (;;) {
      const generatie = await this.generaties.actief();
      const bekend = new Set(await this.store.gemeenten());
      const metEvents = gemeenten.filter((g) => bekend.has(g)); // a gemeente without events is never behind
      if (generatie && (await this.checkpoints.minimum(generatie.schema, metEvents)) >= positie) return true;
      if (generatie && metEvents.length === 0) return true;
      if (Date.now() >= tot) return false;
      this.daemon.wake();
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
