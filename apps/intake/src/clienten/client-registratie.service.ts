import { Inject, Injectable } from '@nestjs/common';
import { eisGemeente } from '@sd/auth';
import { CLIENT, CommandHandler, type CommandMetadata, type CommandResult, nieuwId } from '@sd/commands';
import { bsnDigest, Conflict } from '@sd/domain';
import { Sleutelkluis } from '@sd/event-store';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config.js';
import type { RegistreerClientDto } from './registreer-client.dto.js';

/**
 * Registers a client under a random clientId, one per person per gemeente: the BSN's keyed digest
 * is claimed in the index first (a unique key, so two registrations at once cannot both win); a
 * claim held by a client that was never stored (a crash between claim and append) is taken over.
 */
@Injectable()
export class ClientRegistratie {
  constructor(
    private readonly commands: CommandHandler,
    private readonly kluis: Sleutelkluis,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async registreer(body: RegistreerClientDto, metadata: CommandMetadata): Promise<CommandResult> {
    eisGemeente(metadata, body.gemeente); // before the index is touched: it would tell whether the BSN is known there
    const clientId = nieuwId(metadata);
    const digest = bsnDigest(body.gemeente, body.bsn, this.config.pseudoniemSleutel);
    let bestaand = await this.kluis.claimBsn(body.gemeente, digest, clientId);
    if (bestaand && !(await this.bestaat(bestaand))) {
      await this.kluis.geefBsnVrij(body.gemeente, digest, bestaand);
      bestaand = await this.kluis.claimBsn(body.gemeente, digest, clientId);
    }
    if (bestaand) throw new Conflict('Deze cliënt is in deze gemeente al geregistreerd.', { clientId: bestaand });
    const command = { type: 'RegistreerClient', clientId, ...body } as const;
    try {
      return await this.commands.handle({ aggregate: CLIENT, id: clientId, gemeente: body.gemeente, command, metadata });
    } catch (e) {
      if (!(await this.bestaat(clientId))) await this.kluis.geefBsnVrij(body.gemeente, digest, clientId);
      throw e;
    }
  }

  private async bestaat(clientId: string): Promise<boolean> {
    return (await this.commands.load(CLIENT, clientId)).versie > 0;
  }
}
