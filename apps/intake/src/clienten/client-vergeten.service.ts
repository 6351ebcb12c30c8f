import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CLIENT, CommandHandler, type CommandMetadata } from '@sd/commands';
import { Conflict, vandaag } from '@sd/domain';
import { type EventStore, leesAlles, RUWE_EVENT_STORE, Sleutelkluis } from '@sd/event-store';
import type { VergeetClientDto } from './vergeet-client.dto.js';

/**
 * Vergeten (AVG art. 17): the event ClientVergeten first, then the client's key and BSN index entry
 * destroyed. Every personal field of the client's history, in every stream, then reads
 * `[vergeten]`; counts stay. The event is the decision, the key store follows it: an erasure cut
 * off between the two is completed by a retry of the request, by a second request (409, but the
 * key is destroyed) and at every start of this app.
 */
@Injectable()
export class ClientVergetenService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Vergeten');

  constructor(
    private readonly commands: CommandHandler,
    private readonly kluis: Sleutelkluis,
    @Inject(RUWE_EVENT_STORE) private readonly store: EventStore,
  ) {}

  async vergeet(clientId: string, body: VergeetClientDto, metadata: CommandMetadata): Promise<{ clientId: string; positie: number }> {
    const command = {
      type: 'VergeetClient',
      grondslag: body.grondslag,
      vergetenOp: vandaag(),
      ...(body.toelichting ? { toelichting: body.toelichting } : {}),
    } as const;
    try {
      const result = await this.commands.handle({ aggregate: CLIENT, id: clientId, command, metadata });
      await this.maakAf(clientId);
      return { clientId, positie: result.positie };
    } catch (e) {
      if (e instanceof Conflict) await this.maakAf(clientId); // already forgotten: make sure the key is gone too
      throw e;
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    const onaf = await this.onafgemaakt();
    for (const clientId of onaf) await this.maakAf(clientId);
    if (onaf.length) this.logger.log(`${onaf.length} onderbroken vergeten afgemaakt`);
  }

  private async maakAf(clientId: string): Promise<void> {
    const { state } = await this.commands.load(CLIENT, clientId);
    if (state.status === 'vergeten') await this.kluis.vergeet(clientId, state.gemeente);
  }

  /** Clients with a ClientVergeten event whose key or index entry still exists. */
  private async onafgemaakt(): Promise<string[]> {
    const vergeten = new Set<string>();
    for await (const e of leesAlles(this.store, { after: 0, types: ['ClientVergeten'] })) vergeten.add(e.data.clientId as string);
    return this.kluis.nogTeVernietigen([...vergeten]);
  }
}
