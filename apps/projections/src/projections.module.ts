import { Module } from '@nestjs/common';
import { PlatformModule } from '@sd/http';
import { AuditController } from './audit/audit.controller.js';

/** apps/projections: read models, reports and the audit trail. */
@Module({
  imports: [PlatformModule.forApp('projections')],
  controllers: [AuditController],
})
export class ProjectionsModule {}

export const PROJECTIONS_APP = {
  title: 'Sociaal domein — rapportages en audit',
  description: 'Rapportages per peildatum en kennisdatum (alleen aggregaten) en de audit van streams.',
};
