/** How often each source woke a reader, and when it last did (for /health). */
export interface WekStand {
  gewekt: number;
  laatst: string | null;
}

/**
 * Wakes a reader of the event store that pauses between looks (the projection daemon, the relay)
 * when a source says there may be new events: a NOTIFY, a NATS message, a report that waits for a
 * position. The reader knows only this class, not which sources exist. A wake that arrives while
 * the reader is busy is kept, so the next pause ends at once: otherwise an event committed just
 * after the reader looked would wait a whole pause. Wakes coalesce: ten wakes during one look
 * cost one extra look, not ten. One reader sleeps on one Wekker.
 */
export class Wekker {
  private gewekt = false;
  private wakker?: () => void;
  private readonly bronnen = new Map<string, WekStand>();

  /** There may be new events (`bron` names the source in the counts; without it the wake is not counted). */
  wek(bron?: string): void {
    if (bron !== undefined) {
      const stand = this.bronnen.get(bron) ?? { gewekt: 0, laatst: null };
      stand.gewekt++;
      stand.laatst = new Date().toISOString();
      this.bronnen.set(bron, stand);
    }
    this.gewekt = true;
    this.wakker?.();
  }

  /** Resolves after `ms`, or at once when woken since the last call returned; true when woken. */
  slaap(ms: number): Promise<boolean> {
    if (this.gewekt) {
      this.gewekt = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const klaar = (gewekt: boolean) => {
        clearTimeout(timer);
        this.wakker = undefined;
        this.gewekt = false;
        resolve(gewekt);
      };
      const timer = setTimeout(() => klaar(false), ms);
      this.wakker = () => klaar(true);
    });
  }

  /** Per source: how often it woke the reader, and when last. */
  stand(): Record<string, WekStand> {
    return Object.fromEntries([...this.bronnen].map(([bron, s]) => [bron, { ...s }]));
  }
}
