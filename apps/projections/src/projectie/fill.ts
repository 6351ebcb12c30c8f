import { Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@sd/event-store';
import { RONDES } from './catch-up.js';
import { type Checkpoint, CheckpointStore } from './checkpoints/checkpoint-store.js';
import { projecteer } from './projector.js';
import { ReadModelWriter } from './read-model-writer.js';
import { WriteProgress } from './write-progress.js';

/**
 * Fills one gemeente of a generation being built (a rebuild) stream by stream rather than in global
 * order: each stream's events seen together make all its versions at once, so no state is loaded
 * and no version closed afterwards. A page of streams per transaction, with the cursor in the
 * checkpoint row; the checkpoint itself moves to the fill's end position with the last page.
 */
@Injectable()
export class Fill {
  private readonly logger = new Logger(Fill.name);
  /** Streams per page (a transaction); about 2.5 events each. */
  streamsPerPage = Math.max(1, Number(process.env.PROJECTIE_STREAMS_PER_PAGINA) || 2000);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly writer: ReadModelWriter,
    private readonly progress: WriteProgress,
  ) {}

  /** Up to RONDES pages (then the other generations get their turn); returns the events applied. */
  async run(schema: string, gemeente: string, checkpoint: Checkpoint | undefined, head: number): Promise<number> {
    const read = (tot: number, na: string | null) =>
      this.store.readStreams({ gemeente, upTo: tot, cursor: na ?? undefined, limit: this.streamsPerPage });
    /** Where the fill stands by a checkpoint (none yet: at the start, up to the head). */
    const cursorOf = (cp: Checkpoint | undefined) => ({ klaar: (cp?.positie ?? 0) > 0, tot: cp?.vulTot ?? head, na: cp?.vulNa ?? null });
    let cursor = cursorOf(checkpoint);
    // Each page is read before its transaction opens (the next one while this one is written): a
    // transaction holds back the event store's readers, so it should only write.
    let page = read(cursor.tot, cursor.na);
    let applied = 0;
    let filledUpTo: number | undefined;
    try {
      for (let ronde = 0; ronde < RONDES && filledUpTo === undefined; ronde++) {
        const deze = await page;
        const next = deze.next === null ? undefined : { tot: cursor.tot, na: deze.next, page: read(cursor.tot, deze.next) };
        next?.page.catch(() => undefined); // awaited in the next round, or dropped
        let moved = false;
        const done = await this.checkpoints.transaction(schema, gemeente, async (client, cp) => {
          if (cp.positie > 0) return null;
          // Another worker moved the cursor since it was read: this page is not the next one.
          if ((cp.vulTot ?? head) !== cursor.tot || cp.vulNa !== cursor.na) {
            moved = true;
            return null;
          }
          if (deze.events.length) await this.writer.write(client, projecteer(deze.events, new Map()));
          if (deze.next !== null) return { vulTot: cursor.tot, vulNa: deze.next };
          filledUpTo = cursor.tot;
          return { positie: cursor.tot };
        });
        if (moved) {
          cursor = cursorOf((await this.checkpoints.read(schema)).get(gemeente));
          if (cursor.klaar) break; // filled already, or followed in global order
          page = read(cursor.tot, cursor.na);
          continue;
        }
        if (!done) break; // another worker holds the gemeente
        applied += deze.events.length;
        this.progress.add(schema, deze.events.length);
        if (next) {
          cursor = { klaar: false, tot: next.tot, na: next.na };
          page = next.page;
        }
      }
    } finally {
      page.catch(() => undefined);
    }
    if (filledUpTo !== undefined) this.logger.log(`${schema}: ${gemeente} gevuld tot positie ${filledUpTo}`);
    return Math.max(applied, filledUpTo !== undefined ? 1 : 0);
  }
}
