import { Module } from '@nestjs/common';
import { CommandsModule } from '@sd/commands';
import { PlatformModule } from '@sd/http';
import { LogboekModule } from '@sd/logboek';
import { AfwijzingenController } from './afwijzingen/afwijzingen.controller.js';
import { BezwarenController } from './bezwaren/bezwaren.controller.js';
import { ProductcategorieenController } from './productcategorieen/productcategorieen.controller.js';
import { UitkeringenController } from './uitkeringen/uitkeringen.controller.js';
import { VoorzieningenController } from './voorzieningen/voorzieningen.controller.js';

/** apps/voorzieningen: beschikkingen (toekenning, afwijzing, beëindiging), uitkeringen, bezwaren. */
@Module({
  imports: [PlatformModule.forApp('voorzieningen'), LogboekModule.forApp('voorzieningen'), CommandsModule],
  controllers: [VoorzieningenController, UitkeringenController, AfwijzingenController, BezwarenController, ProductcategorieenController],
})
export class VoorzieningenModule {}

export const VOORZIENINGEN_APP = {
  title: 'Sociaal domein — voorzieningen',
  description: 'Beschikkingen, levering, beëindigingen, uitkeringen en bezwaren.',
};
