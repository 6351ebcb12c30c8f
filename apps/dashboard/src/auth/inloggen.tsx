import {
  Button,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading1,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiFout, vraagJson } from '../api/http';
import { Foutmelding } from '../componenten/foutmelding';
import { navigeer } from '../lib/locatie';
import { BASIS } from '../lib/weergave';
import type { DashboardConfig } from './config';

/** oidc-client-ts only where it signs in (jwt mode): the dev form needs none of it. */
const oidc = () => import('./oidc');

const ROLLEN = ['rapportage', 'auditor', 'beheer', 'consulent', 'privacy'] as const;

/** AUTH_MODE=dev: a role and gemeenten for a dev token (POST /auth/dev-token). */
function DevInloggen({ onIngelogd }: { onIngelogd: (token: string) => void }) {
  const [rol, setRol] = useState<string>('rapportage');
  const [gemeenten, setGemeenten] = useState('');
  const [fout, setFout] = useState<unknown>(null);
  const [bezig, setBezig] = useState(false);

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    setBezig(true);
    setFout(null);
    try {
      const codes = gemeenten
        .split(',')
        .map((g) => g.trim().toUpperCase())
        .filter(Boolean);
      const { token } = await vraagJson<{ token: string }>('/auth/dev-token', { methode: 'POST', body: { rol, gemeenten: codes } });
      onIngelogd(token);
    } catch (f) {
      setFout(f);
    } finally {
      setBezig(false);
    }
  }

  return (
    <form onSubmit={(e) => void verstuur(e)} noValidate className="sd-inloggen">
      <Paragraph>Ontwikkelmodus: kies een rol en de gemeenten waarvoor u cijfers wilt zien.</Paragraph>
      {fout !== null && <Foutmelding fout={fout} />}
      <FormField>
        <FormLabel htmlFor="inloggen-rol">Rol</FormLabel>
        <Select id="inloggen-rol" value={rol} onChange={(e) => setRol(e.target.value)}>
          {ROLLEN.map((r) => (
            <SelectOption key={r} value={r}>
              {r}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor="inloggen-gemeenten">Gemeenten</FormLabel>
        <FormFieldDescription id="inloggen-gemeenten-uitleg">
          CBS-codes, gescheiden door komma’s, bijvoorbeeld GM0005,GM0006.
        </FormFieldDescription>
        <Textbox
          id="inloggen-gemeenten"
          aria-describedby="inloggen-gemeenten-uitleg"
          autoComplete="off"
          spellCheck={false}
          value={gemeenten}
          onChange={(e) => setGemeenten(e.target.value)}
        />
      </FormField>
      <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
        Inloggen
      </Button>
    </form>
  );
}

/** AUTH_MODE=jwt: no form; the identity provider asks who you are. */
function OidcInloggen({ config }: { config: DashboardConfig }) {
  const [fout, setFout] = useState<unknown>(null);
  const start = () => {
    const terug = window.location.pathname + window.location.search;
    oidc()
      .then(({ maakUserManager, startInloggen }) => startInloggen(maakUserManager(config), terug.startsWith(BASIS) ? terug : BASIS))
      .catch(setFout);
  };
  return (
    <>
      <Paragraph>U logt in bij de identiteitsvoorziening van uw organisatie.</Paragraph>
      {fout !== null && <Foutmelding fout={fout} />}
      <Button appearance="primary-action-button" onClick={start}>
        Inloggen
      </Button>
    </>
  );
}

export function Inloggen({
  config,
  melding,
  onIngelogd,
}: {
  config: DashboardConfig;
  melding?: string;
  onIngelogd: (token: string) => void;
}) {
  useEffect(() => {
    document.title = 'Inloggen — Dashboard sociaal domein';
  }, []);
  return (
    <main id="inhoud" className="sd-smal">
      <Heading1>Inloggen</Heading1>
      {melding && <Foutmelding fout={new ApiFout(401, { title: melding })} />}
      {config.authMode === 'dev' ? <DevInloggen onIngelogd={onIngelogd} /> : <OidcInloggen config={config} />}
    </main>
  );
}

/** /dashboard/aangemeld: the identity provider's redirect back, with the authorization code. */
export function OidcTerug({ config, onIngelogd }: { config: DashboardConfig; onIngelogd: (token: string) => void }) {
  const [fout, setFout] = useState<unknown>(null);
  const gedaan = useRef(false);
  useEffect(() => {
    // A code can be exchanged once.
    if (gedaan.current) return;
    gedaan.current = true;
    oidc()
      .then(({ maakUserManager, voltooiInloggen }) => voltooiInloggen(maakUserManager(config)))
      .then(
        ({ token, terug }) => {
          onIngelogd(token);
          // The code and state leave the address bar and the history.
          navigeer(terug, { vervang: true });
        },
        (f: unknown) => setFout(f),
      );
  }, [config, onIngelogd]);
  return (
    <main id="inhoud" className="sd-smal">
      <Heading1>Inloggen</Heading1>
      {fout !== null ? <Foutmelding fout={fout} /> : <Paragraph>Bezig met inloggen…</Paragraph>}
    </main>
  );
}
