import { createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Principal } from '@sd/auth';
import type { DomainEvent } from '@sd/contracts';
import type { Decider } from '@sd/domain';
import { idVan } from './answers.js';
import { CommandHandler, type CommandResult } from './command-handler.js';
import { type CommandHttpRequest, type CommandMetadata, commandMetadataFrom } from './command-metadata.js';

// The old entry points, kept only because apps/projections/src/bevolking (another owner's code)
// still calls them. Delete this file once it uses CommandHandler.handle, CommandMeta and BEVOLKING.

/** @deprecated CommandMetadata, plus the principal it was read from. */
export interface CommandContext extends CommandMetadata {
  principal: Principal;
}

/** @deprecated Use CommandMeta. */
export const Opdracht = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const req = ctx.switchToHttp().getRequest<CommandHttpRequest>();
  return { ...commandMetadataFrom(req), principal: req.principal };
});

/** @deprecated Use CommandHandler.handle with an Aggregate; headers go out through CommandHeadersInterceptor. */
@Injectable()
export class Registraties {
  constructor(private readonly commands: CommandHandler) {}

  async voerUit<C, S, E extends DomainEvent>(
    req: {
      streamId: string;
      streamType: string;
      gemeente?: string;
      decider: Decider<C, S, E>;
      command: C;
      context: CommandContext;
      nieuweStream?: boolean;
    },
    res: { setHeader(name: string, value: string): unknown },
  ): Promise<CommandResult> {
    const { streamId, streamType, decider } = req;
    const result = await this.commands.handle({
      aggregate: { streamType, streamId: () => streamId, decider, naam: streamType },
      id: idVan(streamId),
      command: req.command,
      metadata: req.context,
      gemeente: req.gemeente,
      newStream: req.nieuweStream,
    });
    res.setHeader('ETag', `"${result.versie}"`);
    return result;
  }
}
