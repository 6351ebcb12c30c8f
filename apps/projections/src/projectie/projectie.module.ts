import { Global, Module } from '@nestjs/common';
import { HEALTH_EXTRA } from '@sd/http';
import { Generaties } from './generaties.service.js';
import { ProjectieDaemon } from './projectie-daemon.js';

/** The read-model generations and the daemon that fills them; /health shows this worker's gemeenten. */
@Global()
@Module({
  providers: [
    Generaties,
    ProjectieDaemon,
    { provide: HEALTH_EXTRA, useFactory: (d: ProjectieDaemon) => ({ naam: 'projectie', details: async () => d.status() }), inject: [ProjectieDaemon] },
  ],
  exports: [Generaties, ProjectieDaemon, HEALTH_EXTRA],
})
export class ProjectieModule {}
