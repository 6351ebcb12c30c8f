import { Inject, Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { eisGemeente } from '@sd/auth';
import { decodeEvent, type DomainEvent, encodeEvent } from '@sd/contracts';
import { type Decider, fold } from '@sd/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent, WrongExpectedVersionError } from '@sd/event-store';
import { PROBLEM_TYPES, ProblemException } from '@sd/http';
import type { Aggregate } from './aggregates.js';
import type { CommandMetadata } from './command-metadata.js';

/** Namespace for ids derived from idempotency keys (UUIDv5). */
const IDEMPOTENCY_NAMESPACE = '0b7d3f0e-2a51-4c1f-9d4e-5e0c6a1b7f21';

/**
 * The id of a new registration (client, voorziening, …): derived from the Idempotency-Key when there
 * is one, so that a retry, even one racing its first request, names the same new stream and the
 * store sees the same append twice (KurrentDB recognises a retry within one stream only); random
 * otherwise.
 */
export function nieuwId(metadata: Pick<CommandMetadata, 'actor' | 'idempotencyKey'>): string {
  return metadata.idempotencyKey ? uuidv5(`${metadata.actor}\n${metadata.idempotencyKey}`, NIEUW_ID_NAMESPACE) : crypto.randomUUID();
}
const NIEUW_ID_NAMESPACE = '5d0f8a52-3c1e-4b7a-9f61-2e8d7c4b1a90';

/** A command for one aggregate, with its metadata beside it. */
export interface CommandRequest<C, S, E extends DomainEvent> {
  aggregate: Aggregate<C, S, E>;
  /** The aggregate's id; its stream id is made from it. */
  id: string;
  command: C;
  metadata: CommandMetadata;
  /** The gemeente that owns a new stream; an existing stream keeps the gemeente of its first event. */
  gemeente?: string;
  /** The id was just made (nieuwId): the stream has no events unless this retries a request, so none are read. */
  newStream?: boolean;
}

export interface CommandResult {
  streamId: string;
  /** Global position of the last event this command appended (or, if it appended none, of the stream's last). */
  positie: number;
  /** The stream's version after the command: the ETag of the resource. */
  versie: number;
  /** True when this answers a retry of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * Runs a command through its decider: read the stream, fold, decide, append with the version
 * read (optimistic concurrency). A retried request (same Idempotency-Key) appends nothing: its
 * events get ids derived from the key, so the store refuses them a second time and the first
 * answer is given again, even when both requests race.
 */
@Injectable()
export class CommandHandler {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The current state of one aggregate and its version. */
  load<C, S, E extends DomainEvent>(aggregate: Aggregate<C, S, E>, id: string) {
    return this.loadStream(aggregate.streamId(id), aggregate.decider);
  }

  async loadStream<C, S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<C, S, E>,
  ): Promise<{ state: S; versie: number; events: RecordedEvent[] }> {
    const events = await this.store.readStream(streamId);
    const state = fold(
      decider,
      events.map((e) => decodeEvent(e) as E),
    );
    return { state, versie: events.length, events };
  }

  async handle<C, S, E extends DomainEvent>(req: CommandRequest<C, S, E>): Promise<CommandResult> {
    const { metadata } = req;
    const commandId = metadata.idempotencyKey ? uuidv5(`${metadata.actor}\n${metadata.idempotencyKey}`, IDEMPOTENCY_NAMESPACE) : undefined;
    if (commandId) {
      const earlier = await this.earlierAnswer(commandId, metadata.requestHash);
      if (earlier) return earlier;
    }

    try {
      return await this.decideAndAppend(req, commandId);
    } catch (e) {
      // A retry that raced its first request (both passed the check above): whatever refused it
      // (the stream moved on, the decider saw the first one's event, a duplicate event id), the
      // first request's answer is the answer once it is stored.
      if (commandId) {
        const earlier = await this.earlierAnswer(commandId, metadata.requestHash);
        if (earlier) return earlier;
      }
      throw e;
    }
  }

  private async decideAndAppend<C, S, E extends DomainEvent>(
    req: CommandRequest<C, S, E>,
    commandId: string | undefined,
  ): Promise<CommandResult> {
    const { aggregate, metadata } = req;
    const streamId = aggregate.streamId(req.id);
    const {
      state,
      versie,
      events: history,
    } = req.newStream
      ? { state: aggregate.decider.initialState(), versie: 0, events: [] as RecordedEvent[] }
      : await this.loadStream(streamId, aggregate.decider);
    if (metadata.ifMatch !== undefined && metadata.ifMatch !== versie) {
      throw preconditionFailed(versie);
    }
    const gemeente = history[0]?.gemeente ?? req.gemeente;
    // The one check of who may act for which gemeente, on the metadata, so deciders hold only
    // business rules. No gemeente yet (a new stream whose client or besluit does not exist): the
    // decider refuses the command itself.
    if (gemeente !== undefined) eisGemeente(metadata, gemeente);
    const decided = aggregate.decider.decide(req.command, state);
    if (decided.length === 0 || gemeente === undefined) {
      return { streamId, positie: history.at(-1)?.globalPosition ?? 0, versie, replayed: false };
    }
    const events = decided.map((e, i) => ({
      ...encodeEvent(e),
      eventId: commandId ? uuidv5(`${commandId}:${i}`, IDEMPOTENCY_NAMESPACE) : crypto.randomUUID(),
    }));
    try {
      const result = await this.store.append(streamId, versie === 0 ? 'no-stream' : versie, events, {
        streamType: aggregate.streamType,
        gemeente,
        actorId: metadata.actor,
        correlationId: metadata.correlationId,
        metadata: { requestHash: metadata.requestHash, ...(commandId ? { commandId } : {}) },
        betrokkene: betrokkeneVan([...history, ...events]),
      });
      return { streamId, positie: result.lastPosition, versie: result.nextExpectedVersion, replayed: false };
    } catch (e) {
      if (e instanceof WrongExpectedVersionError && metadata.ifMatch !== undefined) throw preconditionFailed(e.actual);
      throw e;
    }
  }

  /** The answer given to the first request with this command id, or null if there was none. */
  private async earlierAnswer(commandId: string, requestHash: string): Promise<CommandResult | null> {
    const first = await this.store.findEvent(uuidv5(`${commandId}:0`, IDEMPOTENCY_NAMESPACE));
    if (!first) return null;
    if (first.metadata.requestHash !== requestHash) {
      throw new ProblemException({
        type: PROBLEM_TYPES.idempotency,
        title: 'Idempotency-Key al gebruikt',
        status: 422,
        detail: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek.',
        errors: [{ field: 'Idempotency-Key', pointer: 'header:Idempotency-Key', message: 'al gebruikt voor een ander verzoek' }],
      });
    }
    const own = (await this.store.readStream(first.streamId, { fromVersion: first.streamVersion })).filter(
      (e) => e.metadata.commandId === commandId,
    );
    return {
      streamId: first.streamId,
      positie: own.at(-1)!.globalPosition,
      versie: own.at(-1)!.streamVersion,
      replayed: true,
    };
  }
}

function preconditionFailed(versie: number): ProblemException {
  return new ProblemException({
    type: PROBLEM_TYPES.versieConflict,
    title: 'Precondition Failed',
    status: 412,
    detail: 'De registratie is gewijzigd sinds u haar ophaalde (If-Match klopt niet meer).',
    huidigeVersie: versie,
  });
}

/** The client a stream is about: every case stream's first event names it (whose key encrypts its personal fields). */
function betrokkeneVan(events: { data: Record<string, unknown> }[]): string | undefined {
  return events.map((e) => e.data.clientId).find((id): id is string => typeof id === 'string');
}
