import { Global, Module } from '@nestjs/common';
import { HEALTH_EXTRA, type HealthExtra } from '@sd/http';
import { Zegelaar } from './audit/zegel/zegelaar.service.js';
import { ProjectieDaemon } from './projectie/projectie-daemon.js';
import { NotifyBron } from './projectie/wekker/notify-bron.js';

/**
 * /health of projections: this worker's gemeenten, what woke it (`gewekt`, per source) and whether
 * it listens for NOTIFY (`notifyVerbonden`; null when it does not listen), and where the audit
 * sealer stands.
 */
@Global()
@Module({
  providers: [
    {
      provide: HEALTH_EXTRA,
      useFactory: (d: ProjectieDaemon, n: NotifyBron, z: Zegelaar): HealthExtra[] => [
        { naam: 'projectie', details: () => Promise.resolve({ ...d.status(), notifyVerbonden: n.verbonden() }) },
        { naam: 'zegel', details: async () => ({ ...(await z.huidig()) }) },
      ],
      inject: [ProjectieDaemon, NotifyBron, Zegelaar],
    },
  ],
  exports: [HEALTH_EXTRA],
})
export class GezondheidModule {}
