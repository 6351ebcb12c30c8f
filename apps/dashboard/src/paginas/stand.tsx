import { Heading2 } from '@utrecht/component-library-react';
import { enkelRapport, type Rapport, type Reeks, reeks, type StandPunt } from '../api/rapportages';
import { Figuur } from '../componenten/figuur';
import { aantal } from '../lib/cel';
import { datumNl, perInterval } from '../lib/datum';
import { codeKolommen, type Kolom } from '../lib/figuur';
import { codeNaam, GESLACHTEN, leeftijdNaam, LEVERINGSVORMEN, productcategorieNaam, wetNaam } from '../lib/labels';
import { K, peilReeks, rijMet, uitsplitsing } from '../lib/tabellen';
import { Kader, type PaginaProps } from './kader';

const DRIE = [K.voorzieningen, K.clienten, K.huishoudens];
const STAAF = { soort: 'staaf' as const, reeksen: ['voorzieningen', 'clienten'] };

function StandFiguren({ p, r, s }: { p: PaginaProps; r: Reeks<StandPunt>; s: Rapport<StandPunt> }) {
  const pub = p.effectief.publicatie;
  const op = `op ${datumNl(s.peildatum)}`;
  // The wetten that occur in the series (a wet filter leaves one).
  const wetten = codeKolommen(
    r.punten.map((punt) => Object.fromEntries(punt.perWet.map((x) => [x.wet, x]))),
    wetNaam,
  );
  const trend = peilReeks(r.punten, [...wetten, { sleutel: 'totaal', kop: 'Totaal' }], (punt) => ({
    ...Object.fromEntries(wetten.map((w) => [w.sleutel, aantal(rijMet(punt.perWet, 'wet', w.sleutel), 'voorzieningen', pub)])),
    totaal: aantal(punt.totaal, 'voorzieningen', pub),
  }));
  const naamKolom = (sleutel: string, kop: string): Kolom => ({ sleutel, kop });
  return (
    <>
      <Heading2>Trend</Heading2>
      <Figuur
        titel={`Lopende voorzieningen per wet, ${perInterval(p.effectief.interval)}`}
        tabel={trend}
        grafiek={{ soort: 'lijn', reeksen: [...wetten.map((w) => w.sleutel), 'totaal'] }}
      />
      <Heading2>Op de peildatum</Heading2>
      <Figuur
        titel={`Stand ${op}`}
        tabel={uitsplitsing(
          naamKolom('naam', 'Populatie'),
          [{ ...s.totaal, naam: 'totaal' }],
          () => 'totaal',
          () => 'Totaal',
          DRIE,
          pub,
        )}
      />
      <Figuur
        titel={`Stand ${op} per wet`}
        tabel={uitsplitsing(
          naamKolom('wet', 'Wet'),
          s.perWet,
          (x) => x.wet,
          (x) => wetNaam(x.wet),
          DRIE,
          pub,
        )}
        grafiek={STAAF}
      />
      <Figuur
        titel={`Stand ${op} per productcategorie`}
        tabel={uitsplitsing(
          naamKolom('productcategorie', 'Productcategorie'),
          s.perProductcategorie,
          (x) => `${x.wet}:${x.productcategorie}`,
          (x) => `${productcategorieNaam(x.productcategorie)} (${wetNaam(x.wet)})`,
          DRIE,
          pub,
        )}
        grafiek={{ soort: 'liggend', reeksen: ['voorzieningen', 'clienten'] }}
      />
      <Figuur
        titel={`Stand ${op} per leveringsvorm`}
        tabel={uitsplitsing(
          naamKolom('leveringsvorm', 'Leveringsvorm'),
          s.perLeveringsvorm,
          (x) => x.leveringsvorm,
          (x) => LEVERINGSVORMEN[x.leveringsvorm] ?? codeNaam(x.leveringsvorm),
          DRIE,
          pub,
        )}
        grafiek={STAAF}
      />
      <Figuur
        titel={`Stand ${op} per leeftijdsgroep`}
        tabel={uitsplitsing(
          naamKolom('leeftijdsgroep', 'Leeftijdsgroep'),
          s.perLeeftijdsgroep,
          (x) => x.leeftijdsgroep,
          (x) => leeftijdNaam(x.leeftijdsgroep),
          DRIE,
          pub,
        )}
        grafiek={STAAF}
      />
      <Figuur
        titel={`Stand ${op} per geslacht`}
        tabel={uitsplitsing(
          naamKolom('geslacht', 'Geslacht'),
          s.perGeslacht,
          (x) => x.geslacht,
          (x) => GESLACHTEN[x.geslacht] ?? codeNaam(x.geslacht),
          DRIE,
          pub,
        )}
        grafiek={STAAF}
      />
      <Figuur
        titel={`Stand ${op} per gemeente`}
        tabel={uitsplitsing(
          naamKolom('gemeente', 'Gemeente'),
          s.perGemeente,
          (x) => x.gemeente,
          (x) => x.gemeente,
          DRIE,
          pub,
        )}
        grafiek={STAAF}
      />
    </>
  );
}

/** Stand: the trend per wet per interval, and the breakdowns on the peildatum. */
export function StandPagina(p: PaginaProps) {
  const verzoeken = [reeks('reeks', 'stand', p.weergave, p.effectief), enkelRapport('stand', 'stand', p.weergave, p.effectief)];
  return (
    <Kader props={p} verzoeken={verzoeken}>
      {(data) => <StandFiguren p={p} r={data.reeks as Reeks<StandPunt>} s={data.stand as Rapport<StandPunt>} />}
    </Kader>
  );
}
