/**
 * What reports need of the projection outside their own snapshot: which generation of the read
 * model answers, and read-your-writes (waiting until a position is applied). A port, so the reports
 * know neither the daemon nor the event store; projections.module.ts binds it to them.
 */
export abstract class LeesmodelVoortgang {
  /** The schema of the active generation; null while the first one is still being made. */
  abstract actiefSchema(): Promise<string | null>;

  /**
   * Waits until the active generation has applied `positie` for these gemeenten, nudging the
   * daemon meanwhile. False when it has not within `ms`.
   */
  abstract wachtTot(positie: number, gemeenten: string[], ms: number): Promise<boolean>;
}
