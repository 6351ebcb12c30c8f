import { Global, Module } from '@nestjs/common';
import { HEALTH_EXTRA } from '@sd/http';
import { CatchUp } from './catch-up.js';
import { CheckpointStore } from './checkpoints/checkpoint-store.js';
import { GemeenteLeases } from './coordination/gemeente-leases.js';
import { Fill } from './fill.js';
import { Generaties } from './generaties.service.js';
import { ProjectieDaemon } from './projectie-daemon.js';
import { ReadModelWriter } from './read-model-writer.js';
import { WriteProgress } from './write-progress.js';

/** The read-model generations and the daemon that fills them; /health shows this worker's gemeenten. */
@Global()
@Module({
  providers: [
    Generaties,
    CheckpointStore,
    GemeenteLeases,
    ReadModelWriter,
    WriteProgress,
    CatchUp,
    Fill,
    ProjectieDaemon,
    {
      provide: HEALTH_EXTRA,
      useFactory: (d: ProjectieDaemon) => ({ naam: 'projectie', details: () => Promise.resolve(d.status()) }),
      inject: [ProjectieDaemon],
    },
  ],
  exports: [Generaties, CheckpointStore, WriteProgress, CatchUp, Fill, ProjectieDaemon, HEALTH_EXTRA],
})
export class ProjectieModule {}
