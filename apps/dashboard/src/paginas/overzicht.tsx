import { Heading2 } from '@utrecht/component-library-react';
import { enkelRapport, type Rapport, type Reeks, reeks, type StandPunt, type WachtlijstPunt } from '../api/rapportages';
import { Figuur } from '../componenten/figuur';
import { aantal } from '../lib/cel';
import { datumNl, perInterval } from '../lib/datum';
import type { Tabel } from '../lib/figuur';
import { K, peilReeks } from '../lib/tabellen';

import { Kader, type PaginaProps } from './kader';

const KERN = [
  { sleutel: 'voorzieningen', kop: 'Lopende voorzieningen en uitkeringen', rapport: 'stand' },
  { sleutel: 'clienten', kop: 'Cliënten', rapport: 'stand' },
  { sleutel: 'huishoudens', kop: 'Huishoudens', rapport: 'stand' },
  { sleutel: 'aanmeldingen', kop: 'Open aanmeldingen', rapport: 'wachtlijst' },
  { sleutel: 'aanmeldingenBovenNorm', kop: 'Aanmeldingen boven de norm', rapport: 'wachtlijst' },
  { sleutel: 'nietGestart', kop: 'Toegekend, niet gestart', rapport: 'wachtlijst' },
] as const;

function OverzichtFiguren({ p, data }: { p: PaginaProps; data: Record<string, unknown> }) {
  const pub = p.effectief.publicatie;
  const stand = data.stand as Rapport<StandPunt>;
  const wachtlijst = data.wachtlijst as Rapport<WachtlijstPunt>;
  const standReeks = data.standReeks as Reeks<StandPunt>;
  const wachtReeks = data.wachtReeks as Reeks<WachtlijstPunt>;
  const op = `op ${datumNl(stand.peildatum)}`;
  const kern: Tabel = {
    kolommen: [
      { sleutel: 'cijfer', kop: 'Kerncijfer' },
      { sleutel: 'aantal', kop: `Aantal ${op}` },
    ],
    rijen: KERN.map((k) => ({
      sleutel: k.sleutel,
      cellen: { cijfer: k.kop, aantal: aantal(k.rapport === 'stand' ? stand.totaal : wachtlijst.totaal, k.sleutel, pub) },
    })),
  };
  // Both series have the same peildata (the same van, tot and interval).
  const trend = peilReeks(standReeks.punten, [K.voorzieningen, K.clienten, K.aanmeldingen, K.nietGestart], (punt) => {
    const wacht = wachtReeks.punten.find((w) => w.peildatum === punt.peildatum);
    return {
      voorzieningen: aantal(punt.totaal, 'voorzieningen', pub),
      clienten: aantal(punt.totaal, 'clienten', pub),
      aanmeldingen: aantal(wacht?.totaal, 'aanmeldingen', pub),
      nietGestart: aantal(wacht?.totaal, 'nietGestart', pub),
    };
  });
  return (
    <>
      <Heading2>Op de peildatum</Heading2>
      <Figuur titel={`Kerncijfers ${op}`} tabel={kern} />
      <Heading2>Trend</Heading2>
      <Figuur
        titel={`Kerncijfers ${perInterval(p.effectief.interval)}`}
        tabel={trend}
        grafiek={{ soort: 'lijn', reeksen: ['voorzieningen', 'clienten', 'aanmeldingen', 'nietGestart'] }}
      />
    </>
  );
}

/** Overzicht: the key figures on the peildatum, and their trend per interval. */
export function OverzichtPagina(p: PaginaProps) {
  const verzoeken = [
    enkelRapport('stand', 'stand', p.weergave, p.effectief),
    enkelRapport('wachtlijst', 'wachtlijst', p.weergave, p.effectief),
    reeks('standReeks', 'stand', p.weergave, p.effectief),
    reeks('wachtReeks', 'wachtlijst', p.weergave, p.effectief),
  ];
  return (
    <Kader props={p} verzoeken={verzoeken}>
      {(data) => <OverzichtFiguren p={p} data={data} />}
    </Kader>
  );
}
