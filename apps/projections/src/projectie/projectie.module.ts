import { Global, Module } from '@nestjs/common';
import { CatchUp } from './catch-up.js';
import { CheckpointStore } from './checkpoints/checkpoint-store.js';
import { GemeenteLeases } from './coordination/gemeente-leases.js';
import { Fill } from './fill.js';
import { Generaties } from './generaties.service.js';
import { ProjectieDaemon } from './projectie-daemon.js';
import { ReadModelWriter } from './read-model-writer.js';
import { WekkerModule } from './wekker/wekker.module.js';
import { WriteProgress } from './write-progress.js';

/** The read-model generations and the daemon that fills them (/health shows this worker's gemeenten: gezondheid.module.ts). */
@Global()
@Module({
  imports: [WekkerModule],
  providers: [Generaties, CheckpointStore, GemeenteLeases, ReadModelWriter, WriteProgress, CatchUp, Fill, ProjectieDaemon],
  exports: [Generaties, CheckpointStore, WriteProgress, CatchUp, Fill, ProjectieDaemon],
})
export class ProjectieModule {}
