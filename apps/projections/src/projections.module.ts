import { Module } from '@nestjs/common';
import { CommandsModule } from '@sd/commands';
import { PlatformModule } from '@sd/http';
import { AuditController } from './audit/audit.controller.js';
import { BevolkingController } from './bevolking/bevolking.controller.js';
import { HerbouwController } from './herbouw/herbouw.controller.js';
import { Herbouw } from './herbouw/herbouw.service.js';
import { ProjectieModule } from './projectie/projectie.module.js';
import { RapportageService } from './rapportages/rapportage.service.js';
import { RapportagesController } from './rapportages/rapportages.controller.js';

/** apps/projections: read models, reports and the audit trail. */
@Module({
  imports: [PlatformModule.forApp('projections'), CommandsModule, ProjectieModule],
  controllers: [RapportagesController, AuditController, BevolkingController, HerbouwController],
  providers: [RapportageService, Herbouw],
})
export class ProjectionsModule {}

export const PROJECTIONS_APP = {
  title: 'Sociaal domein — rapportages en audit',
  description: 'Rapportages per peildatum en kennisdatum (alleen aggregaten) en de audit van streams.',
};
