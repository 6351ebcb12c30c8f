import { Alert, Link, Paragraph } from '@utrecht/component-library-react';
import type { Herkomst as HerkomstData } from '../api/gegevens';
import { tijdstipNl } from '../lib/datum';
import { volgLink } from '../lib/locatie';
import { type Effectief, href, type Pagina, type Weergave } from '../lib/weergave';

/**
 * What the figures reflect (kennisdatum and the read model's positie) and the link that pins that
 * kennisdatum: opened later, after corrections, it shows the same numbers.
 */
export function Herkomst({
  pagina,
  weergave,
  effectief,
  herkomst,
}: {
  pagina: Pagina;
  weergave: Weergave;
  effectief: Effectief;
  herkomst: HerkomstData;
}) {
  const vast = href(pagina, {
    ...weergave,
    peildatum: effectief.peildatum,
    van: effectief.van,
    tot: effectief.tot,
    interval: effectief.interval,
    kennisdatum: herkomst.kennisdatum,
  });
  return (
    <div className="sd-herkomst">
      <Paragraph>
        Zoals bekend op <strong data-kennisdatum={herkomst.kennisdatum}>{tijdstipNl(herkomst.kennisdatum)}</strong>
        {weergave.kennisdatum ? ' (vastgezet)' : ''}, positie <strong data-positie={herkomst.positie}>{herkomst.positie}</strong> van het
        leesmodel.{' '}
        <Link href={vast} onClick={(e) => volgLink(e, vast)} className="sd-vastgezet">
          Link naar deze cijfers met vastgezette kennisdatum
        </Link>
      </Paragraph>
    </div>
  );
}

/** Publication mode: says what the reader sees, in the words of the CBS monitor (seed 004). */
export function PublicatieMelding({ geheimTot }: { geheimTot: number }) {
  return (
    <Alert type="info" className="sd-publicatie">
      <Paragraph>
        Publicatiemodus: de aantallen zijn afgerond op vijftallen. Om onthulling van individuen te voorkomen zijn de waarden 0 tot en met{' '}
        {geheimTot} weergegeven als geheim.
      </Paragraph>
    </Alert>
  );
}
