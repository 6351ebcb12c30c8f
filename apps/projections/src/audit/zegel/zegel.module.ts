import { Global, Module } from '@nestjs/common';
import { zegelConfigFromEnv, ZEGEL_CONFIG } from './zegel.config.js';
import { Zegelaar } from './zegelaar.service.js';

/** The audit sealer and its settings (the key that signs checkpoints). */
@Global()
@Module({
  providers: [{ provide: ZEGEL_CONFIG, useFactory: () => zegelConfigFromEnv() }, Zegelaar],
  exports: [ZEGEL_CONFIG, Zegelaar],
})
export class ZegelModule {}
