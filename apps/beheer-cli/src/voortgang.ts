import cliProgress from 'cli-progress';

/**
 * Erasure progress on stderr: a cli-progress bar when stderr is a terminal, otherwise (a log file,
 * CI) a line at each quarter of the way and every ten seconds at most, and always at the end.
 */
export interface Voortgang {
  zet(klaar: number, stand: { gewist: number; alGewist: number; mislukt: number }): void;
  stop(): void;
}

export function voortgang(totaal: number, meld: (regel: string) => void): Voortgang {
  if (process.stderr.isTTY) {
    const balk = new cliProgress.SingleBar(
      {
        format: 'vergeten |{bar}| {value}/{total} · gewist {gewist} · al gewist {alGewist} · mislukt {mislukt} · {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    balk.start(totaal, 0, { gewist: 0, alGewist: 0, mislukt: 0 });
    return { zet: (klaar, stand) => balk.update(klaar, stand), stop: () => balk.stop() };
  }
  let kwart = 0;
  let vorige = Date.now();
  return {
    zet(klaar, { gewist, alGewist, mislukt }) {
      const nu = Date.now();
      const deel = Math.floor((klaar / totaal) * 4);
      if (deel > kwart || nu - vorige > 10_000 || klaar === totaal) {
        kwart = Math.max(kwart, deel);
        vorige = nu;
        meld(`vergeten: ${klaar} van ${totaal} (gewist ${gewist}, al gewist ${alGewist}, mislukt ${mislukt})`);
      }
    },
    stop: () => undefined,
  };
}
