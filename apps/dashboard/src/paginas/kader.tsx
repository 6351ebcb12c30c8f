import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useRapporten } from '../api/gegevens';
import type { Regio, Verzoek } from '../api/rapportages';
import { Foutmelding } from '../componenten/foutmelding';
import { Herkomst, PublicatieMelding } from '../componenten/herkomst';
import type { Effectief, Pagina, Weergave } from '../lib/weergave';

export interface PaginaProps {
  pagina: Pagina;
  weergave: Weergave;
  effectief: Effectief;
  publicatieGeheimTot: number;
  regios: Regio[] | null;
}

/**
 * What every page does around its figures: ask its reports, say while it waits (aria-busy and a
 * status line), show a refusal as the API worded it, and say what the figures reflect.
 */
export function Kader({
  props,
  verzoeken,
  children,
}: {
  props: PaginaProps;
  verzoeken: Verzoek[];
  children: (data: Record<string, unknown>) => ReactNode;
}) {
  const { data, herkomst, fout, bezig } = useRapporten(verzoeken);
  return (
    <div className="sd-cijfers" aria-busy={bezig} data-geladen={bezig ? 'nee' : fout ? 'fout' : 'ja'}>
      <div role="status" className="sd-status">
        {bezig ? <Paragraph>Cijfers laden…</Paragraph> : null}
      </div>
      {fout !== null && <Foutmelding fout={fout} />}
      {data && herkomst && (
        <>
          <Herkomst pagina={props.pagina} weergave={props.weergave} effectief={props.effectief} herkomst={herkomst} />
          {props.effectief.publicatie && <PublicatieMelding geheimTot={props.publicatieGeheimTot} />}
          {children(data)}
        </>
      )}
    </div>
  );
}
