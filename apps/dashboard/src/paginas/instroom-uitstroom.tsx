import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { type Reeks, reeks, type StroomPunt } from '../api/rapportages';
import { Figuur } from '../componenten/figuur';
import { aantal } from '../lib/cel';
import { perInterval } from '../lib/datum';
import { codeKolommen } from '../lib/figuur';
import { codeNaam } from '../lib/labels';
import { K, periodeReeks } from '../lib/tabellen';
import { Kader, type PaginaProps } from './kader';

function StroomFiguren({ p, r }: { p: PaginaProps; r: Reeks<StroomPunt> }) {
  const pub = p.effectief.publicatie;
  const per = perInterval(p.effectief.interval);
  const vier = [K.beginstand, K.instroom, K.uitstroom, K.eindstand];
  const stroom = periodeReeks(r.punten, p.effectief.interval, vier, (punt) =>
    Object.fromEntries(vier.map((k) => [k.sleutel, aantal(punt.totaal, k.sleutel, pub)])),
  );
  const perReden = (veld: 'uitstroomPerReden' | 'instroomPerReden') => {
    const redenen = codeKolommen(
      r.punten.map((punt) => punt.totaal[veld]),
      codeNaam,
    );
    return periodeReeks(r.punten, p.effectief.interval, redenen, (punt) =>
      Object.fromEntries(redenen.map((k) => [k.sleutel, aantal(punt.totaal, `${veld}.${k.sleutel}`, pub)])),
    );
  };
  const uit = perReden('uitstroomPerReden');
  const inn = perReden('instroomPerReden');
  return (
    <>
      <Paragraph>
        Beginstand is de stand op de dag vóór de periode, eindstand de stand op de laatste dag: eindstand = beginstand + instroom −
        uitstroom.
      </Paragraph>
      <Heading2>Cijfers {per}</Heading2>
      <Figuur titel={`Instroom en uitstroom ${per}`} tabel={stroom} grafiek={{ soort: 'staaf', reeksen: ['instroom', 'uitstroom'] }} />
      <Figuur
        titel={`Uitstroom per reden, ${per}`}
        tabel={uit}
        grafiek={{ soort: 'gestapeld', reeksen: uit.kolommen.slice(1).map((k) => k.sleutel) }}
      />
      <Figuur
        titel={`Instroom per reden, ${per}`}
        tabel={inn}
        grafiek={{ soort: 'gestapeld', reeksen: inn.kolommen.slice(1).map((k) => k.sleutel) }}
      />
    </>
  );
}

/** Instroom en uitstroom per interval: begin- and eindstand beside them, uitstroom per reden. */
export function InstroomUitstroomPagina(p: PaginaProps) {
  const verzoeken = [reeks('reeks', 'instroom-uitstroom', p.weergave, p.effectief)];
  return (
    <Kader props={p} verzoeken={verzoeken}>
      {(data) => <StroomFiguren p={p} r={data.reeks as Reeks<StroomPunt>} />}
    </Kader>
  );
}
