import { Injectable, NotFoundException } from '@nestjs/common';
import { eisGemeente, type Principal } from '@sd/auth';
import type { DomainEvent } from '@sd/contracts';
import { WithHeaders } from '@sd/http';
import type { Aggregate } from './aggregates.js';
import { CommandHandler } from './command-handler.js';

/** Reads a registration as it stands now, for a consultant of its gemeente. */
@Injectable()
export class StateReader {
  constructor(private readonly commands: CommandHandler) {}

  /** 404 when it does not exist, 403 for another gemeente; its version goes out as ETag. */
  async read<C, S extends { status: string }, E extends DomainEvent>(aggregate: Aggregate<C, S, E>, id: string, caller: Principal) {
    const { state, versie } = await this.commands.load(aggregate, id);
    if (state.status === 'onbekend') throw new NotFoundException(`${aggregate.naam} ${id} bestaat niet.`);
    eisGemeente(caller, (state as unknown as { gemeente: string }).gemeente);
    return new WithHeaders({ ...(state as Exclude<S, { status: 'onbekend' }>), versie }, { version: versie });
  }
}
