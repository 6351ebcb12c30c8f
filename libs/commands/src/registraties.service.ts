import { Injectable, NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import { eisGemeente, type Principal } from '@sd/auth';
import type { DomainEvent } from '@sd/contracts';
import type { Decider } from '@sd/domain';
import { type CommandRequest, type CommandResult, CommandService } from './command.service.js';

/** The id part of a stream id: `voorziening-<uuid>` → `<uuid>`. */
export const idVan = (streamId: string): string => streamId.slice(streamId.indexOf('-') + 1);

/**
 * What every registration controller does around its decider: run a command and answer the new
 * version as ETag; read the current state of a stream for a consultant of its gemeente.
 */
@Injectable()
export class Registraties {
  constructor(private readonly commands: CommandService) {}

  async voerUit<C, S, E extends DomainEvent>(req: CommandRequest<C, S, E>, res: Response): Promise<CommandResult> {
    const result = await this.commands.execute(req);
    res.setHeader('ETag', `"${result.versie}"`);
    return result;
  }

  /** The current state of a stream, for a command that needs a fact of it before deciding. */
  async huidig<C, S, E extends DomainEvent>(streamId: string, decider: Decider<C, S, E>): Promise<S> {
    return (await this.commands.loadState(streamId, decider)).state;
  }

  async lees<C, S extends { status: string }, E extends DomainEvent>(
    streamId: string,
    decider: Decider<C, S, E>,
    gebruiker: Principal,
    res: Response,
    naam: string,
  ): Promise<Exclude<S, { status: 'onbekend' }> & { versie: number }> {
    const { state, versie } = await this.commands.loadState(streamId, decider);
    if (state.status === 'onbekend') throw new NotFoundException(`${naam} ${idVan(streamId)} bestaat niet.`);
    eisGemeente(gebruiker, (state as unknown as { gemeente: string }).gemeente);
    res.setHeader('ETag', `"${versie}"`);
    return { ...(state as Exclude<S, { status: 'onbekend' }>), versie };
  }
}
