import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommandHeadersInterceptor } from '@sd/http';
import { CommandHandler } from './command-handler.js';
import { Feiten } from './feiten.service.js';
import { StateReader } from './state-reader.js';

@Global()
@Module({
  providers: [
    CommandHandler,
    Feiten,
    StateReader,
    // Controllers answer WithHeaders; this sets their ETag and Location at the edge.
    { provide: APP_INTERCEPTOR, useClass: CommandHeadersInterceptor },
  ],
  exports: [CommandHandler, Feiten, StateReader],
})
export class CommandsModule {}
