import {
  Button,
  Document,
  Heading1,
  Link,
  Page,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { vraagJson } from './api/http';
import type { Regio } from './api/rapportages';
import { type DashboardConfig, laadConfig } from './auth/config';
import { Inloggen, OidcTerug } from './auth/inloggen';
import { bewaarSessie, leesSessie, type Sessie, SessieCtx, wisSessie } from './auth/sessie';
import { Bediening, type Bedieningen } from './componenten/bediening';
import { Foutmelding } from './componenten/foutmelding';
import { useLocatie, volgLink } from './lib/locatie';
import { effectief, href, leesWeergave, type Pagina, PAGINAS, paginaUitPad, type Weergave } from './lib/weergave';
import { BezwarenPagina } from './paginas/bezwaren';
import { InstroomUitstroomPagina } from './paginas/instroom-uitstroom';
import type { PaginaProps } from './paginas/kader';
import { OverzichtPagina } from './paginas/overzicht';
import { StandPagina } from './paginas/stand';
import { StapelingPagina } from './paginas/stapeling';
import { WachtlijstPagina } from './paginas/wachtlijst';

const INHOUD: Record<Pagina, { component: (p: PaginaProps) => ReactNode; bedieningen: Bedieningen }> = {
  '': { component: OverzichtPagina, bedieningen: { peildatum: true, reeks: true, productfilters: true } },
  stand: { component: StandPagina, bedieningen: { peildatum: true, reeks: true, productfilters: true } },
  'instroom-uitstroom': { component: InstroomUitstroomPagina, bedieningen: { peildatum: false, reeks: true, productfilters: true } },
  wachtlijst: { component: WachtlijstPagina, bedieningen: { peildatum: true, reeks: true, productfilters: true } },
  stapeling: { component: StapelingPagina, bedieningen: { peildatum: true, reeks: false, productfilters: true } },
  bezwaren: { component: BezwarenPagina, bedieningen: { peildatum: false, reeks: true, productfilters: false } },
};

function Navigatie({ pagina, weergave }: { pagina: Pagina; weergave: Weergave }) {
  return (
    <nav aria-label="Rapportages" className="sd-navigatie">
      <ul>
        {PAGINAS.map((p) => {
          const doel = href(p.pad, weergave);
          return (
            <li key={p.pad}>
              <Link href={doel} aria-current={p.pad === pagina ? 'page' : undefined} onClick={(e) => volgLink(e, doel)}>
                {p.titel}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The signed-in dashboard: navigation, filters and the page the URL names. */
function Dashboard({
  pagina,
  weergave,
  config,
  sessie,
  onUitloggen,
}: {
  pagina: Pagina | null;
  weergave: Weergave;
  config: DashboardConfig;
  sessie: Sessie;
  onUitloggen: () => void;
}) {
  const [regios, setRegios] = useState<Regio[] | null>(null);
  useEffect(() => {
    // Without regio's (none defined, or not yet on this server) the regio field is a plain code field.
    vraagJson<Regio[]>('/regios', { token: sessie.token }).then(setRegios, () => setRegios(null));
  }, [sessie.token]);
  const titel = PAGINAS.find((p) => p.pad === pagina)?.titel ?? 'Pagina niet gevonden';
  const kop = useRef<HTMLHeadingElement>(null);
  const eerste = useRef(true);
  useEffect(() => {
    document.title = `${titel} — Dashboard sociaal domein`;
    // After a page change the keyboard starts at the new page's heading, as after a reload.
    if (eerste.current) eerste.current = false;
    else kop.current?.focus();
  }, [titel]);
  const e = useMemo(() => effectief(weergave, pagina ?? ''), [weergave, pagina]);
  const inhoud = pagina === null ? null : INHOUD[pagina];
  return (
    <Page>
      <PageHeader className="sd-kop">
        <Paragraph className="sd-naam">Sociaal domein · rapportages</Paragraph>
        <div className="sd-gebruiker">
          <Paragraph>
            Ingelogd als {sessie.rol ?? 'onbekende rol'}
            {sessie.gemeenten?.length ? ` voor ${sessie.gemeenten.join(', ')}` : ''}
          </Paragraph>
          <Button appearance="subtle-button" onClick={onUitloggen}>
            Uitloggen
          </Button>
        </div>
        <Navigatie pagina={pagina ?? ''} weergave={weergave} />
      </PageHeader>
      <PageContent>
        <main id="inhoud">
          <Heading1 ref={kop} tabIndex={-1}>
            {titel}
          </Heading1>
          {inhoud ? (
            <>
              <Bediening pagina={pagina!} weergave={weergave} effectief={e} bedieningen={inhoud.bedieningen} regios={regios} />
              <inhoud.component
                pagina={pagina!}
                weergave={weergave}
                effectief={e}
                publicatieGeheimTot={config.publicatieGeheimTot ?? 7}
                regios={regios}
              />
            </>
          ) : (
            <Paragraph>Deze pagina bestaat niet; kies een rapportage hierboven.</Paragraph>
          )}
        </main>
      </PageContent>
      <PageFooter>
        <Paragraph>Alleen aggregaten, nooit persoonsgegevens. Cijfers uit de projections-API van dit domein.</Paragraph>
      </PageFooter>
    </Page>
  );
}

export function App() {
  const [config, setConfig] = useState<DashboardConfig | null>(null);
  const [configFout, setConfigFout] = useState<unknown>(null);
  const [sessie, setSessie] = useState<Sessie | null>(leesSessie);
  const [melding, setMelding] = useState<string | undefined>();
  const { pad, zoek } = useLocatie();
  const weergave = useMemo(() => leesWeergave(zoek), [zoek]);
  const pagina = paginaUitPad(pad);

  useEffect(() => {
    laadConfig().then(setConfig, setConfigFout);
  }, []);

  const ingelogd = useCallback((token: string) => {
    setMelding(undefined);
    setSessie(bewaarSessie(token));
  }, []);
  const verlopen = useCallback(() => {
    wisSessie();
    setSessie(null);
    setMelding('Uw sessie is verlopen of het token is geweigerd; log opnieuw in.');
  }, []);
  const uitloggen = useCallback(() => {
    wisSessie();
    setSessie(null);
    setMelding(undefined);
  }, []);
  const ctx = useMemo(() => (sessie ? { sessie, verlopen } : null), [sessie, verlopen]);

  let scherm: ReactNode;
  if (configFout)
    scherm = (
      <main id="inhoud">
        <Heading1>Dashboard sociaal domein</Heading1>
        <Foutmelding fout={configFout} />
      </main>
    );
  else if (!config)
    scherm = (
      <main id="inhoud">
        <Paragraph role="status">Laden…</Paragraph>
      </main>
    );
  else if (pagina === 'aangemeld') scherm = <OidcTerug config={config} onIngelogd={ingelogd} />;
  else if (!sessie || !ctx) scherm = <Inloggen config={config} melding={melding} onIngelogd={ingelogd} />;
  else
    scherm = (
      <SessieCtx.Provider value={ctx}>
        <Dashboard pagina={pagina} weergave={weergave} config={config} sessie={sessie} onUitloggen={uitloggen} />
      </SessieCtx.Provider>
    );

  return (
    <Document className="utrecht-theme sd-document">
      <SkipLink href="#inhoud">Naar de inhoud</SkipLink>
      {scherm}
    </Document>
  );
}
