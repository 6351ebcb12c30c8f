import { Module } from '@nestjs/common';
import { CommandsModule } from '@sd/commands';
import { PlatformModule } from '@sd/http';

/** apps/voorzieningen: beschikkingen (toekenning, afwijzing, beëindiging), uitkeringen, bezwaren. */
@Module({
  imports: [PlatformModule.forApp('voorzieningen'), CommandsModule],
})
export class VoorzieningenModule {}

export const VOORZIENINGEN_APP = {
  title: 'Sociaal domein — voorzieningen',
  description: 'Beschikkingen, levering, beëindigingen, uitkeringen en bezwaren.',
};
