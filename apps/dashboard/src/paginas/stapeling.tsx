import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { enkelRapport, type Rapport, type StapelingGemeente, type StapelingPunt } from '../api/rapportages';
import { Figuur } from '../componenten/figuur';
import { aantal, type Cel, GEHEIM } from '../lib/cel';
import { datumNl } from '../lib/datum';
import type { Tabel } from '../lib/figuur';
import { combinatieNaam } from '../lib/labels';
import { kaartRijen } from '../lib/tabellen';
import { Kader, type PaginaProps } from './kader';

const KLASSEN = ['1', '2', '3', '4', '5', '6+'];
type Verhouding = 'clientenPer1000Inwoners' | 'huishoudensPer1000Huishoudens';

/** A ratio from the API: secret with its counts, absent ('–') without population figures. */
function verhouding(g: StapelingGemeente, veld: Verhouding): Cel {
  if (g.geheim?.includes(veld)) return GEHEIM;
  return typeof g[veld] === 'number' ? g[veld] : null;
}

/**
 * The regio beside its gemeenten: the gemeenten's ratios weighted by their population, which is
 * the regio's own ratio (to the decimal the API rounds to). Only when every gemeente has one.
 */
function regioVerhouding(gemeenten: StapelingGemeente[], veld: Verhouding, basis: 'inwoners' | 'huishoudens'): Cel {
  let teller = 0;
  let noemer = 0;
  for (const g of gemeenten) {
    const v = verhouding(g, veld);
    if (typeof v !== 'number' || !g.bevolking) return v === null ? null : GEHEIM;
    teller += v * g.bevolking[basis];
    noemer += g.bevolking[basis];
  }
  return noemer ? Math.round((teller / noemer) * 10) / 10 : null;
}

function StapelingFiguren({ p, s }: { p: PaginaProps; s: Rapport<StapelingPunt> }) {
  const pub = p.effectief.publicatie;
  const op = `op ${datumNl(s.peildatum ?? p.effectief.peildatum)}`;
  const verdeling: Tabel = {
    kolommen: [
      { sleutel: 'klasse', kop: 'Aantal voorzieningen en uitkeringen' },
      { sleutel: 'clienten', kop: 'Cliënten' },
      { sleutel: 'huishoudens', kop: 'Huishoudens' },
    ],
    rijen: KLASSEN.map((k) => ({
      sleutel: k,
      cellen: { klasse: k, clienten: aantal(s.totaal, `clienten.${k}`, pub), huishoudens: aantal(s.totaal, `huishoudens.${k}`, pub) },
    })),
  };
  const combinaties = kaartRijen(
    { sleutel: 'combinatie', kop: 'Wetten' },
    { sleutel: 'clienten', kop: 'Cliënten' },
    s.totaal,
    'combinaties',
    combinatieNaam,
    pub,
  );
  const regio = p.weergave.regio ? p.regios?.find((r) => r.code === p.weergave.regio) : undefined;
  const regioNaam = regio ? `Regio ${regio.naam}` : p.weergave.regio ? `Regio ${p.weergave.regio}` : 'Alle gekozen gemeenten samen';
  const per1000: Tabel = {
    kolommen: [
      { sleutel: 'gemeente', kop: 'Gemeente' },
      { sleutel: 'jaar', kop: 'Bevolking van' },
      { sleutel: 'clientenPer1000Inwoners', kop: 'Cliënten per 1.000 inwoners' },
      { sleutel: 'huishoudensPer1000Huishoudens', kop: 'Huishoudens per 1.000 huishoudens' },
    ],
    rijen: [
      ...s.perGemeente.map((g) => ({
        sleutel: g.gemeente,
        cellen: {
          gemeente: g.gemeente,
          jaar: g.bevolking ? String(g.bevolking.jaar) : 'onbekend',
          clientenPer1000Inwoners: verhouding(g, 'clientenPer1000Inwoners'),
          huishoudensPer1000Huishoudens: verhouding(g, 'huishoudensPer1000Huishoudens'),
        },
      })),
      {
        sleutel: 'regio',
        cellen: {
          gemeente: regioNaam,
          jaar: '',
          clientenPer1000Inwoners: regioVerhouding(s.perGemeente, 'clientenPer1000Inwoners', 'inwoners'),
          huishoudensPer1000Huishoudens: regioVerhouding(s.perGemeente, 'huishoudensPer1000Huishoudens', 'huishoudens'),
        },
      },
    ],
  };
  return (
    <>
      <Heading2>Stapeling {op}</Heading2>
      <Paragraph>Alle lopende voorzieningen en uitkeringen {op}, geteld per cliënt en per huishouden.</Paragraph>
      <Figuur
        titel={`Cliënten en huishoudens naar aantal voorzieningen ${op}`}
        tabel={verdeling}
        grafiek={{ soort: 'staaf', reeksen: ['clienten', 'huishoudens'] }}
      />
      <Figuur
        titel={`Cliënten per combinatie van wetten ${op}`}
        tabel={combinaties}
        grafiek={{ soort: 'liggend', reeksen: ['clienten'] }}
      />
      <Figuur
        titel={`Cliënten en huishoudens met een voorziening per 1.000 ${op}`}
        tabel={per1000}
        grafiek={{ soort: 'staaf', reeksen: ['clientenPer1000Inwoners', 'huishoudensPer1000Huishoudens'] }}
      />
      <Paragraph>
        Per 1.000 alleen waar bevolkingscijfers van de gemeente voor dat jaar geladen zijn (PUT /bevolking); de regio weegt de gemeenten
        naar hun bevolking.
      </Paragraph>
    </>
  );
}

/** Stapeling: items per client and household (1 … 6+), combinations of wetten, per 1,000 inwoners beside the regio. */
export function StapelingPagina(p: PaginaProps) {
  const verzoeken = [enkelRapport('stapeling', 'stapeling', p.weergave, p.effectief)];
  return (
    <Kader props={p} verzoeken={verzoeken}>
      {(data) => <StapelingFiguren p={p} s={data.stapeling as Rapport<StapelingPunt>} />}
    </Kader>
  );
}
