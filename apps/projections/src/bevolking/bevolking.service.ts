import { Injectable } from '@nestjs/common';
import { BEVOLKING, CommandHandler, type CommandMetadata, type CommandResult } from '@sd/commands';
import type { BevolkingDto } from './bevolking.dto.js';

/** Records a gemeente's population for a year: one command on the gemeente's bevolking stream. */
@Injectable()
export class BevolkingService {
  constructor(private readonly commands: CommandHandler) {}

  /** The same figures again append nothing (the decider says so). */
  stelVast(gemeente: string, jaar: number, cijfers: BevolkingDto, metadata: CommandMetadata): Promise<CommandResult> {
    const command = { type: 'StelBevolkingVast', gemeente, jaar, ...cijfers } as const;
    return this.commands.handle({ aggregate: BEVOLKING, id: gemeente, gemeente, command, metadata });
  }
}
