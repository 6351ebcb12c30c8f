import { Module } from '@nestjs/common';
import { CommandsModule } from '@sd/commands';
import { PlatformModule } from '@sd/http';
import { AanmeldingenController } from './aanmeldingen/aanmeldingen.controller.js';
import { ClientRegistratie } from './clienten/client-registratie.service.js';
import { ClientVergetenService } from './clienten/client-vergeten.service.js';
import { ClientenController } from './clienten/clienten.controller.js';
import { DossierService } from './clienten/dossier.service.js';
import { INTAKE_CONFIG, intakeConfigFromEnv } from './intake.config.js';

/** apps/intake: clienten and aanmeldingen (the toegang). */
@Module({
  imports: [PlatformModule.forApp('intake'), CommandsModule],
  controllers: [ClientenController, AanmeldingenController],
  providers: [
    { provide: INTAKE_CONFIG, useFactory: () => intakeConfigFromEnv() },
    DossierService,
    ClientRegistratie,
    ClientVergetenService,
  ],
})
export class IntakeModule {}

export const INTAKE_APP = {
  title: 'Sociaal domein — intake',
  description: 'Registratie van cliënten en aanmeldingen door CJG- en Wmo-consulenten.',
};
