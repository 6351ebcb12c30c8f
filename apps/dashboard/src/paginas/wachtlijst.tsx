import { Heading2 } from '@utrecht/component-library-react';
import { enkelRapport, type Rapport, type Reeks, reeks, type WachtlijstPunt } from '../api/rapportages';
import { Figuur } from '../componenten/figuur';
import { aantal } from '../lib/cel';
import { datumNl, perInterval } from '../lib/datum';
import type { Tabel } from '../lib/figuur';
import { wetNaam } from '../lib/labels';
import { K, peilReeks, uitsplitsing } from '../lib/tabellen';
import { Kader, type PaginaProps } from './kader';

const DRIE = [K.aanmeldingen, K.aanmeldingenBovenNorm, K.nietGestart];

function WachtlijstFiguren({ p, r, s }: { p: PaginaProps; r: Reeks<WachtlijstPunt>; s: Rapport<WachtlijstPunt> }) {
  const pub = p.effectief.publicatie;
  const op = `op ${datumNl(s.peildatum)}`;
  const trend = peilReeks(r.punten, DRIE, (punt) => Object.fromEntries(DRIE.map((k) => [k.sleutel, aantal(punt.totaal, k.sleutel, pub)])));
  const wachttijd: Tabel = {
    kolommen: [
      { sleutel: 'klasse', kop: 'Wachttijd' },
      { sleutel: 'aanmeldingen', kop: 'Open aanmeldingen' },
    ],
    rijen: s.wachttijdVerdeling.map((k) => ({
      sleutel: k.klasse,
      cellen: { klasse: `${k.klasse.replace('-', '–')} dagen`, aanmeldingen: aantal(k, 'aanmeldingen', pub) },
    })),
  };
  const perWet = uitsplitsing(
    { sleutel: 'wet', kop: 'Wet' },
    s.perWet,
    (x) => x.wet,
    (x) => wetNaam(x.wet),
    DRIE,
    pub,
  );
  perWet.kolommen.splice(1, 0, { sleutel: 'norm', kop: 'Norm (dagen)' });
  for (const rij of perWet.rijen) rij.cellen.norm = s.normen[rij.sleutel] ?? null;
  return (
    <>
      <Heading2>Trend</Heading2>
      <Figuur
        titel={`Wachtlijst ${perInterval(p.effectief.interval)}`}
        tabel={trend}
        grafiek={{ soort: 'lijn', reeksen: DRIE.map((k) => k.sleutel) }}
      />
      <Heading2>Wachtlijst {op}</Heading2>
      <Figuur
        titel={`Wachttijd van de open aanmeldingen ${op}`}
        tabel={wachttijd}
        grafiek={{ soort: 'staaf', reeksen: ['aanmeldingen'] }}
      />
      <Figuur titel={`Wachtlijst ${op} per wet`} tabel={perWet} grafiek={{ soort: 'staaf', reeksen: DRIE.map((k) => k.sleutel) }} />
      <Figuur
        titel={`Wachtlijst ${op} per gemeente`}
        tabel={uitsplitsing(
          { sleutel: 'gemeente', kop: 'Gemeente' },
          s.perGemeente,
          (x) => x.gemeente,
          (x) => x.gemeente,
          DRIE,
          pub,
        )}
        grafiek={{ soort: 'staaf', reeksen: DRIE.map((k) => k.sleutel) }}
      />
    </>
  );
}

/**
 * Wachtlijst: open aanmeldingen (and those above the norm of their wet), toegekend maar niet
 * gestart, the wachttijd classes on the peildatum, and the trend.
 */
export function WachtlijstPagina(p: PaginaProps) {
  const verzoeken = [reeks('reeks', 'wachtlijst', p.weergave, p.effectief), enkelRapport('stand', 'wachtlijst', p.weergave, p.effectief)];
  return (
    <Kader props={p} verzoeken={verzoeken}>
      {(data) => <WachtlijstFiguren p={p} r={data.reeks as Reeks<WachtlijstPunt>} s={data.stand as Rapport<WachtlijstPunt>} />}
    </Kader>
  );
}
