import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { type CommandContext, Registraties } from '@sd/commands';
import { BEVOLKING_STREAM } from '@sd/contracts';
import { bevolkingDecider, bevolkingStreamId } from '@sd/domain';
import type { BevolkingDto } from './bevolking.dto.js';

/** Records a gemeente's population for a year: one command on the gemeente's bevolking stream. */
@Injectable()
export class BevolkingService {
  constructor(private readonly registraties: Registraties) {}

  /** Answers the global position of the event; `res` gets the stream's new version as ETag. */
  async stelVast(gemeente: string, jaar: number, cijfers: BevolkingDto, opdracht: CommandContext, res: Response): Promise<number> {
    const { positie } = await this.registraties.voerUit(
      {
        streamId: bevolkingStreamId(gemeente),
        streamType: BEVOLKING_STREAM,
        gemeente,
        decider: bevolkingDecider,
        command: { type: 'StelBevolkingVast', gemeente, jaar, ...cijfers },
        context: opdracht,
      },
      res,
    );
    return positie;
  }
}
