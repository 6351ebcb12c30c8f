import cliProgress from 'cli-progress';

/**
 * Download progress on stderr: a cli-progress bar over the positions when stderr is a terminal,
 * otherwise (a log file, CI) a line at each quarter of the way and every ten seconds at most.
 */
export interface Voortgang {
  /** Bytes and lines so far, the last position seen, totPositie once the kop told it. */
  zet(stand: { bytes: number; regels: number; positie: number; totPositie: number | null }): void;
  stop(): void;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function voortgang(meld: (regel: string) => void): Voortgang {
  if (process.stderr.isTTY) {
    const balk = new cliProgress.SingleBar(
      { format: 'export |{bar}| positie {value}/{total} · {regels} regels · {mb}', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let gestart = false;
    return {
      zet({ bytes, regels, positie, totPositie }) {
        if (!gestart) balk.start(totPositie ?? 0, 0, { regels: 0, mb: mb(0) });
        gestart = true;
        if (totPositie !== null && balk.getTotal() !== totPositie) balk.setTotal(totPositie);
        balk.update(positie, { regels, mb: mb(bytes) });
      },
      stop: () => balk.stop(),
    };
  }
  let kwart = 0;
  let vorige = Date.now();
  return {
    zet({ bytes, regels, positie, totPositie }) {
      const nu = Date.now();
      const deel = totPositie ? Math.floor((positie / totPositie) * 4) : 0;
      if (deel > kwart || nu - vorige > 10_000) {
        kwart = Math.max(kwart, deel);
        vorige = nu;
        meld(`export: positie ${positie}${totPositie ? ` van ${totPositie}` : ''}, ${regels} regels, ${mb(bytes)}`);
      }
    },
    stop: () => undefined,
  };
}
