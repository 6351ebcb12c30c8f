import { Module } from '@nestjs/common';
import { CommandsModule } from '@sd/commands';
import { PlatformModule } from '@sd/http';
import { ClientenController } from './clienten/clienten.controller.js';
import { INTAKE_CONFIG, intakeConfigFromEnv } from './intake.config.js';

/** apps/intake: clienten and aanmeldingen (the toegang). */
@Module({
  imports: [PlatformModule.forApp('intake'), CommandsModule],
  controllers: [ClientenController],
  providers: [{ provide: INTAKE_CONFIG, useFactory: () => intakeConfigFromEnv() }],
})
export class IntakeModule {}

export const INTAKE_APP = {
  title: 'Sociaal domein — intake',
  description: 'Registratie van cliënten en aanmeldingen door CJG- en Wmo-consulenten.',
};
