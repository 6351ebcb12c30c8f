import { Global, Module } from '@nestjs/common';
import { HEALTH_EXTRA, type HealthExtra } from '@sd/http';
import { Zegelaar } from './audit/zegel/zegelaar.service.js';
import { ProjectieDaemon } from './projectie/projectie-daemon.js';

/** /health of projections: this worker's gemeenten, and where the audit sealer stands. */
@Global()
@Module({
  providers: [
    {
      provide: HEALTH_EXTRA,
      useFactory: (d: ProjectieDaemon, z: Zegelaar): HealthExtra[] => [
        { naam: 'projectie', details: () => Promise.resolve(d.status()) },
        { naam: 'zegel', details: async () => ({ ...(await z.huidig()) }) },
      ],
      inject: [ProjectieDaemon, Zegelaar],
    },
  ],
  exports: [HEALTH_EXTRA],
})
export class GezondheidModule {}
