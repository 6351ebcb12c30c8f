import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { type BezwarenPunt, type Reeks, reeks } from '../api/rapportages';
import { Figuur } from '../componenten/figuur';
import { aandeel, aantal } from '../lib/cel';
import { perInterval } from '../lib/datum';
import { codeKolommen } from '../lib/figuur';
import { codeNaam } from '../lib/labels';
import { K, periodeReeks } from '../lib/tabellen';
import { Kader, type PaginaProps } from './kader';

function BezwarenFiguren({ p, r }: { p: PaginaProps; r: Reeks<BezwarenPunt> }) {
  const pub = p.effectief.publicatie;
  const per = perInterval(p.effectief.interval);
  const drie = [K.ontvangen, K.afgehandeld, K.binnenTermijn];
  const overzicht = periodeReeks(
    r.punten,
    p.effectief.interval,
    [...drie, { sleutel: 'aandeel', kop: 'Binnen termijn (% van afgehandeld)', procent: true }],
    (punt) => {
      const cellen = Object.fromEntries(drie.map((k) => [k.sleutel, aantal(punt.totaal, k.sleutel, pub)]));
      return { ...cellen, aandeel: aandeel(cellen.binnenTermijn, cellen.afgehandeld) };
    },
  );
  const perCode = (veld: 'perUitkomst' | 'perOnderwerp') => {
    const codes = codeKolommen(
      r.punten.map((punt) => punt.totaal[veld]),
      codeNaam,
    );
    return periodeReeks(r.punten, p.effectief.interval, codes, (punt) =>
      Object.fromEntries(codes.map((k) => [k.sleutel, aantal(punt.totaal, `${veld}.${k.sleutel}`, pub)])),
    );
  };
  const uitkomst = perCode('perUitkomst');
  const onderwerp = perCode('perOnderwerp');
  return (
    <>
      <Paragraph>
        Binnen de Awb-termijn: afgehandeld binnen zes weken (twaalf met een adviescommissie, plus zes bij verdaging) na afloop van de
        bezwaartermijn (art. 7:10 Awb).
      </Paragraph>
      <Heading2>Cijfers {per}</Heading2>
      <Figuur titel={`Bezwaren ${per}`} tabel={overzicht} grafiek={{ soort: 'staaf', reeksen: drie.map((k) => k.sleutel) }} />
      <Figuur
        titel={`Afgehandelde bezwaren per uitkomst, ${per}`}
        tabel={uitkomst}
        grafiek={{ soort: 'gestapeld', reeksen: uitkomst.kolommen.slice(1).map((k) => k.sleutel) }}
      />
      <Figuur
        titel={`Ontvangen bezwaren per onderwerp, ${per}`}
        tabel={onderwerp}
        grafiek={{ soort: 'gestapeld', reeksen: onderwerp.kolommen.slice(1).map((k) => k.sleutel) }}
      />
    </>
  );
}

/** Bezwaren per interval: ontvangen, afgehandeld per uitkomst, per onderwerp, share within the Awb term. */
export function BezwarenPagina(p: PaginaProps) {
  const verzoeken = [reeks('reeks', 'bezwaren', p.weergave, p.effectief)];
  return (
    <Kader props={p} verzoeken={verzoeken}>
      {(data) => <BezwarenFiguren p={p} r={data.reeks as Reeks<BezwarenPunt>} />}
    </Kader>
  );
}
