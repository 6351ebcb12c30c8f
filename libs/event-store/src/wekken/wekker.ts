/** How often each source woke a reader, and when it last did (for /health). */
export interface WekStand {
  gewekt: number;
  laatst: string | null;
}

/** The first retry when a position was announced that the reader cannot see yet; doubles up to the pause. */
const EERSTE_HERKANSING_MS = 2;

/**
 * Wakes a reader of the event store that pauses between looks (the projection daemon, the relay)
 * when a source says there may be new events: a NOTIFY, a NATS message, a report that waits for a
 * position. The reader knows only this class, not which sources exist. A wake that arrives while
 * the reader is busy is kept, so the next pause ends at once: otherwise an event committed just
 * after the reader looked would wait a whole pause. Wakes coalesce: ten wakes during one look
 * cost one extra look, not ten. One reader sleeps on one Wekker.
 *
 * A source may say up to which position it knows events are committed. An event is visible to
 * readers only once every older transaction has ended (the event store's VISIBLE rule), so a reader
 * woken by a NOTIFY can look a moment too early; when it passes the position it saw, the pause is
 * then a short retry (2 ms, doubling) instead of a whole polling pause.
 */
export class Wekker {
  private gewekt = false;
  private wakker?: () => void;
  private aangekondigd = 0;
  private herkansing = EERSTE_HERKANSING_MS;
  private readonly bronnen = new Map<string, WekStand>();

  /**
   * There may be new events, committed up to `positie` when the source knows it (`bron` names the
   * source in the counts; without it the wake is not counted).
   */
  wek(bron?: string, positie?: number): void {
    if (bron !== undefined) {
      const stand = this.bronnen.get(bron) ?? { gewekt: 0, laatst: null };
      stand.gewekt++;
      stand.laatst = new Date().toISOString();
      this.bronnen.set(bron, stand);
    }
    if (positie !== undefined && Number.isFinite(positie)) this.aangekondigd = Math.max(this.aangekondigd, positie);
    this.gewekt = true;
    this.wakker?.();
  }

  /**
   * Resolves after `ms`, or at once when woken since the last call returned; true when woken. With
   * `gezien` (the head the reader saw) below a position announced, after a short retry instead.
   */
  slaap(ms: number, gezien?: number): Promise<boolean> {
    if (this.gewekt) {
      this.gewekt = false;
      return Promise.resolve(true);
    }
    let duur = ms;
    if (gezien !== undefined && gezien < this.aangekondigd) {
      duur = Math.min(this.herkansing, ms);
      this.herkansing *= 2;
    } else {
      this.herkansing = EERSTE_HERKANSING_MS;
    }
    return new Promise((resolve) => {
      const klaar = (gewekt: boolean) => {
        clearTimeout(timer);
        this.wakker = undefined;
        this.gewekt = false;
        resolve(gewekt);
      };
      const timer = setTimeout(() => klaar(false), duur);
      this.wakker = () => klaar(true);
    });
  }

  /** Whether a wake has come since the reader last slept: more may be coming than it keeps up with. */
  wachtend(): boolean {
    return this.gewekt;
  }

  /** Per source: how often it woke the reader, and when last. */
  stand(): Record<string, WekStand> {
    return Object.fromEntries([...this.bronnen].map(([bron, s]) => [bron, { ...s }]));
  }
}
