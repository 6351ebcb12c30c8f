import cliProgress from 'cli-progress';

/**
 * Progress on stderr: a cli-progress bar when stderr is a terminal, otherwise (a log file, CI) a
 * line at each quarter of the way and every ten seconds at most; the last quarter is the end.
 */
export interface Voortgang<V> {
  /** `klaar` of `totaal` (null while not known yet), with the fields the bar and the line show. */
  zet(klaar: number, totaal: number | null, velden: V): void;
  stop(): void;
}

export interface VoortgangVorm<V> {
  /** The bar's cli-progress format: {bar}, {value}, {total}, {eta_formatted} and the fields. */
  balk: string;
  /** The line for a log. */
  regel(klaar: number, totaal: number | null, velden: V): string;
}

export function voortgang<V extends object>(vorm: VoortgangVorm<V>, meld: (regel: string) => void): Voortgang<V> {
  if (process.stderr.isTTY) {
    const balk = new cliProgress.SingleBar(
      { format: vorm.balk, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let gestart = false;
    return {
      zet(klaar, totaal, velden) {
        if (!gestart) balk.start(totaal ?? 0, 0, velden);
        gestart = true;
        if (totaal !== null && balk.getTotal() !== totaal) balk.setTotal(totaal);
        balk.update(klaar, velden);
      },
      stop: () => balk.stop(),
    };
  }
  let kwart = 0;
  let vorige = Date.now();
  return {
    zet(klaar, totaal, velden) {
      const nu = Date.now();
      const deel = totaal ? Math.floor((klaar / totaal) * 4) : 0;
      if (deel > kwart || nu - vorige > 10_000) {
        kwart = Math.max(kwart, deel);
        vorige = nu;
        meld(vorm.regel(klaar, totaal, velden));
      }
    },
    stop: () => undefined,
  };
}
