import { useEffect, useState } from 'react';
import { useSessie } from '../auth/sessie';
import { ApiFout, vraagJson } from './http';
import type { Verzoek } from './rapportages';

export interface Herkomst {
  /** The instant whose knowledge the figures reflect. */
  kennisdatum: string;
  /** The read model's position when the first report answered. */
  positie: number;
}

export interface Gegevens {
  data: Record<string, unknown> | null;
  herkomst: Herkomst | null;
  fout: unknown;
  bezig: boolean;
}

/**
 * The reports of one view. The first answers first; the others are asked "as known on" its
 * kennisdatum, so every figure on the page reflects the same knowledge even while new events
 * arrive, and the link that pins that kennisdatum reproduces the whole page.
 */
export function useRapporten(verzoeken: Verzoek[]): Gegevens {
  const { sessie, verlopen } = useSessie();
  // Each answer remembers which requests it answers: with other requests the page is loading at once.
  const [staat, setStaat] = useState<Omit<Gegevens, 'bezig'> & { voor: string | null }>({
    voor: null,
    data: null,
    herkomst: null,
    fout: null,
  });
  const sleutel = verzoeken.map((v) => `${v.sleutel} ${v.pad}?${v.params.toString()}`).join('\n');

  useEffect(() => {
    const afbreken = new AbortController();
    const vraag = (v: Verzoek, params = v.params) =>
      vraagJson<{ kennisdatum: string; positie: number }>(v.pad, { token: sessie.token, params, signal: afbreken.signal });
    (async () => {
      const [eerste, ...rest] = verzoeken;
      const antwoord = await vraag(eerste);
      const kennisdatum = eerste.params.get('kennisdatum') ?? antwoord.kennisdatum;
      const overige = await Promise.all(
        rest.map((v) => {
          const params = new URLSearchParams(v.params);
          params.set('kennisdatum', kennisdatum);
          return vraag(v, params);
        }),
      );
      const data: Record<string, unknown> = { [eerste.sleutel]: antwoord };
      rest.forEach((v, i) => (data[v.sleutel] = overige[i]));
      if (!afbreken.signal.aborted) {
        setStaat({ voor: sleutel, data, herkomst: { kennisdatum: antwoord.kennisdatum, positie: antwoord.positie }, fout: null });
      }
    })().catch((fout: unknown) => {
      if (afbreken.signal.aborted) return;
      if (fout instanceof ApiFout && fout.status === 401) verlopen();
      else setStaat({ voor: sleutel, data: null, herkomst: null, fout });
    });
    return () => afbreken.abort();
    // `sleutel` stands for the requests; the token changes only with a new session.
  }, [sleutel, sessie.token]);

  const bezig = staat.voor !== sleutel;
  return { data: bezig ? null : staat.data, herkomst: bezig ? null : staat.herkomst, fout: bezig ? null : staat.fout, bezig };
}
