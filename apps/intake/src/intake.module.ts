import { Module } from '@nestjs/common';
import { CommandsModule } from '@sd/commands';
import { PlatformModule } from '@sd/http';
import { LogboekModule } from '@sd/logboek';
import { AanmeldingenController } from './aanmeldingen/aanmeldingen.controller.js';
import { ClientRegistratie } from './clienten/client-registratie.service.js';
import { ClientVergetenService } from './clienten/client-vergeten.service.js';
import { ClientenController } from './clienten/clienten.controller.js';
import { DossierService } from './clienten/dossier.service.js';
import { INTAKE_CONFIG, intakeConfigFromEnv } from './intake.config.js';
import { VerwerkingenController } from './verwerkingen/verwerkingen.controller.js';

/** apps/intake: clienten and aanmeldingen (the toegang), and the privacy officer's processing log. */
@Module({
  imports: [PlatformModule.forApp('intake'), LogboekModule.forApp('intake'), CommandsModule],
  controllers: [ClientenController, AanmeldingenController, VerwerkingenController],
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
