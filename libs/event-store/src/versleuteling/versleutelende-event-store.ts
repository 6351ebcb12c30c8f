import type {
  AppendContext,
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamsOptions,
  RecordedEvent,
  StreamsPage,
} from '../event-store.port.js';
import type { Sleutelkluis } from './sleutelkluis.js';
import { heeftPersoonlijkeVelden, heeftVersleuteld, ontsleutelVelden, versleutelVelden } from './veld-versleuteling.js';

/**
 * The event store as the apps see it: personal fields encrypted with their client's key on the way
 * in, decrypted on the way out (VERGETEN once the key is destroyed). The store below holds only
 * ciphertext; the audit chain seals that stored form (RUWE_EVENT_STORE), so an erasure changes no
 * sealed byte. The client an append is about is stored with it as `metadata.betrokkene` (a
 * pseudonymous id), so a reader knows which key to ask for without reading other streams.
 */
export class VersleutelendeEventStore implements EventStore {
  constructor(
    private readonly opslag: EventStore,
    private readonly kluis: Sleutelkluis,
  ) {}

  async append(streamId: string, expectedVersion: ExpectedVersion, events: NewEvent[], context: AppendContext): Promise<AppendResult> {
    if (!events.some((e) => heeftPersoonlijkeVelden(e.type, e.data))) return this.opslag.append(streamId, expectedVersion, events, context);
    const betrokkene = context.betrokkene ?? events.map((e) => e.data.clientId).find((id): id is string => typeof id === 'string');
    if (!betrokkene)
      throw new Error(`append to ${streamId}: events with personal data need the client they are about (AppendContext.betrokkene)`);
    const sleutel = await this.kluis.sleutelVoorSchrijven(betrokkene, context.gemeente);
    return this.opslag.append(
      streamId,
      expectedVersion,
      events.map((e) => ({ ...e, data: versleutelVelden(e.type, e.data, sleutel, betrokkene) })),
      { ...context, betrokkene, metadata: { ...context.metadata, betrokkene } },
    );
  }

  async readStream(streamId: string, options?: { fromVersion?: number }): Promise<RecordedEvent[]> {
    return this.ontsleutel(await this.opslag.readStream(streamId, options));
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.ontsleutel(await this.opslag.readAll(options));
  }

  async readStreams(options: ReadStreamsOptions): Promise<StreamsPage> {
    const page = await this.opslag.readStreams(options);
    return { ...page, events: await this.ontsleutel(page.events) };
  }

  async findEvent(eventId: string): Promise<RecordedEvent | null> {
    const e = await this.opslag.findEvent(eventId);
    return e && (await this.ontsleutel([e]))[0];
  }

  streamsAbout(clientId: string): Promise<{ streamId: string; streamType: string }[]> {
    return this.opslag.streamsAbout(clientId);
  }

  async eventAt(position: number): Promise<RecordedEvent | null> {
    const e = await this.opslag.eventAt(position);
    return e && (await this.ontsleutel([e]))[0];
  }

  headPosition(): Promise<number> {
    return this.opslag.headPosition();
  }

  gemeenten(): Promise<string[]> {
    return this.opslag.gemeenten();
  }

  /** One key query per batch, for the clients whose events in it hold ciphertext. */
  async ontsleutel(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const ids = new Set<string>();
    for (const e of events) if (heeftVersleuteld(e.data)) ids.add(betrokkeneVan(e));
    if (ids.size === 0) return events;
    const sleutels = await this.kluis.sleutelsVoorLezen([...ids]);
    return events.map((e) => {
      if (!heeftVersleuteld(e.data)) return e;
      const id = betrokkeneVan(e);
      return { ...e, data: ontsleutelVelden(e.data, sleutels.get(id) ?? null, id) };
    });
  }
}

function betrokkeneVan(e: RecordedEvent): string {
  const id = e.metadata.betrokkene;
  if (typeof id !== 'string') throw new Error(`event ${e.eventId} holds ciphertext but names no betrokkene`);
  return id;
}
