import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@sd/event-store';
import { CheckpointStore } from './checkpoints/checkpoint-store.js';
import { projecteer } from './projector.js';
import { ReadModelWriter } from './read-model-writer.js';
import { WriteProgress } from './write-progress.js';

/** Events applied per transaction: large enough to amortise the commit, small enough to stay responsive. */
export const BATCH = Number(process.env.PROJECTIE_BATCH ?? 2000);
/** Batches (or a fill's pages) per gemeente in one step, before the daemon looks around again. */
export const RONDES = 10;

/**
 * Follows one gemeente in global order: a batch of its events per transaction, applied onto the
 * current versions (their state loaded) and the checkpoint moved in the same transaction. The
 * active generation always goes this way, so its reports stay consistent with their checkpoint.
 */
@Injectable()
export class CatchUp {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly writer: ReadModelWriter,
    private readonly progress: WriteProgress,
  ) {}

  /**
   * Up to RONDES batches of one gemeente from `from` to `head`, each next batch read while the
   * previous one is written; returns the events applied (an empty stretch up to the head counts as
   * one: it moved the checkpoint).
   */
  async run(schema: string, gemeente: string, from: number, head: number): Promise<number> {
    const read = (after: number) => this.store.readAll({ after, limit: BATCH, gemeente, upTo: head });
    let batch = await read(from);
    let applied = 0;
    for (let ronde = 0; ronde < RONDES; ronde++) {
      // Fewer than a full batch: every event of this gemeente up to the head is in it.
      const upTo = batch.length < BATCH ? head : batch.at(-1)!.globalPosition;
      const next = upTo < head ? read(upTo) : undefined;
      const done = await this.apply(schema, gemeente, batch, upTo);
      if (done) applied += Math.max(batch.length, 1);
      if (!done || !next) {
        next?.catch(() => undefined);
        break;
      }
      batch = await next;
    }
    return applied;
  }

  /**
   * Applies one gemeente's events (positions up to `upTo`) to a generation schema and moves its
   * checkpoint to `upTo`, in one transaction. False when another worker is at it or was first.
   */
  async apply(schema: string, gemeente: string, events: RecordedEvent[], upTo: number): Promise<boolean> {
    return this.checkpoints.transaction(schema, gemeente, async (client, cp) => {
      // Already there, or a fill of this gemeente is under way (its pages are not in global order).
      if (cp.positie >= upTo || cp.vulTot !== null) return null;
      const batch = events.filter((e) => e.globalPosition > cp.positie && e.globalPosition <= upTo);
      if (batch.length) await this.writer.write(client, projecteer(batch, await this.writer.loadState(client, batch)));
      this.progress.add(schema, batch.length);
      return { positie: upTo, laatste: batch.at(-1)?.globalPosition === upTo ? batch.at(-1) : undefined };
    });
  }
}
