import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandsModule } from '@sd/commands';
import { EVENT_STORE, type EventStore } from '@sd/event-store';
import { PlatformModule } from '@sd/http';
import { LogboekModule } from '@sd/logboek';
import { AuditController } from './audit/audit.controller.js';
import { VergetenController } from './audit/vergeten.controller.js';
import { ZegelController } from './audit/zegel.controller.js';
import { ZegelModule } from './audit/zegel/zegel.module.js';
import { BEWAARTERMIJNEN, bewaartermijnenUitEnv } from './bewaartermijnen/bewaartermijnen.config.js';
import { BewaartermijnenController } from './bewaartermijnen/bewaartermijnen.controller.js';
import { BewaartermijnenService } from './bewaartermijnen/bewaartermijnen.service.js';
import { BevolkingController } from './bevolking/bevolking.controller.js';
import { BevolkingService } from './bevolking/bevolking.service.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { GezondheidModule } from './gezondheid.module.js';
import { HerbouwController } from './herbouw/herbouw.controller.js';
import { Herbouw } from './herbouw/herbouw.service.js';
import { ProjectieVoortgang } from './projectie-voortgang.adapter.js';
import { CheckpointStore } from './projectie/checkpoints/checkpoint-store.js';
import { Generaties } from './projectie/generaties.service.js';
import { ProjectieDaemon } from './projectie/projectie-daemon.js';
import { ProjectieModule } from './projectie/projectie.module.js';
import { LeesmodelVoortgang } from './rapportages/leesmodel-voortgang.js';
import { RapportageService } from './rapportages/rapportage.service.js';
import { RapportagesController } from './rapportages/rapportages.controller.js';
import { RegioService } from './regios/regio.service.js';
import { RegiosController } from './regios/regios.controller.js';

/** apps/projections: read models, reports and the audit trail. */
@Module({
  imports: [
    PlatformModule.forApp('projections'),
    LogboekModule.forApp('projections'),
    CommandsModule,
    ProjectieModule,
    ZegelModule,
    GezondheidModule,
    DashboardModule,
  ],
  controllers: [
    RapportagesController,
    RegiosController,
    AuditController,
    ZegelController,
    VergetenController,
    BevolkingController,
    HerbouwController,
    BewaartermijnenController,
  ],
  providers: [
    RapportageService,
    BevolkingService,
    RegioService,
    Herbouw,
    BewaartermijnenService,
    // Read once at start: a bad BEWAARTERMIJN_*_JAREN stops the app before it serves anything.
    { provide: BEWAARTERMIJNEN, useFactory: (c: ConfigService) => bewaartermijnenUitEnv((n) => c.get<string>(n)), inject: [ConfigService] },
    // The reports' port, over the daemon and the store this app already has.
    {
      provide: LeesmodelVoortgang,
      useFactory: (g: Generaties, c: CheckpointStore, d: ProjectieDaemon, s: EventStore) => new ProjectieVoortgang(g, c, d, s),
      inject: [Generaties, CheckpointStore, ProjectieDaemon, EVENT_STORE],
    },
  ],
})
export class ProjectionsModule {}

export const PROJECTIONS_APP = {
  title: 'Sociaal domein — rapportages en audit',
  description: 'Rapportages per peildatum en kennisdatum (alleen aggregaten) en de audit van streams.',
};
