import { Global, Module } from '@nestjs/common';
import { CommandService } from './command.service.js';
import { Feiten } from './feiten.service.js';
import { Registraties } from './registraties.service.js';

@Global()
@Module({ providers: [CommandService, Feiten, Registraties], exports: [CommandService, Feiten, Registraties] })
export class CommandsModule {}
