import {
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import type { Regio } from '../api/rapportages';
import { beginVanInterval, eindeVanInterval, INTERVALLEN, isDatum, isInterval } from '../lib/datum';
import { LEVERINGSVORMEN, PRODUCTCATEGORIEEN, WETTEN } from '../lib/labels';
import { navigeer } from '../lib/locatie';
import { type Effectief, href, type Pagina, type Weergave } from '../lib/weergave';

/** Which controls a page uses: a control that changes nothing there is not shown. */
export interface Bedieningen {
  peildatum: boolean;
  reeks: boolean;
  productfilters: boolean;
}

function Veld({ id, label, uitleg, children }: { id: string; label: string; uitleg?: string; children: ReactNode }) {
  return (
    <FormField className="sd-veld">
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {uitleg && <FormFieldDescription id={`${id}-uitleg`}>{uitleg}</FormFieldDescription>}
      {children}
    </FormField>
  );
}

/**
 * The filters of a view. Applying them writes the view's URL (the state lives there, under the
 * API's parameter names); a series' van and tot snap to the first and last day of their interval.
 */
export function Bediening({
  pagina,
  weergave,
  effectief,
  bedieningen,
  regios,
}: {
  pagina: Pagina;
  weergave: Weergave;
  effectief: Effectief;
  bedieningen: Bedieningen;
  regios: Regio[] | null;
}) {
  const [w, setW] = useState<Weergave>(weergave);
  useEffect(() => setW(weergave), [weergave]);
  const zet = (naam: keyof Weergave) => (e: { target: { value: string } }) => setW((oud) => ({ ...oud, [naam]: e.target.value }));
  const uitleg = (id: string) => ({ 'aria-describedby': `${id}-uitleg` });

  function toepassen(e: FormEvent) {
    e.preventDefault();
    const nieuw: Weergave = {};
    for (const [k, v] of Object.entries(w) as [keyof Weergave, string | undefined][]) if (v?.trim()) nieuw[k] = v.trim();
    if (nieuw.regio) delete nieuw.gemeente;
    if (nieuw.gemeente) nieuw.gemeente = nieuw.gemeente.replace(/\s+/g, '').toUpperCase();
    const interval = isInterval(nieuw.interval) ? nieuw.interval : effectief.interval;
    if (isDatum(nieuw.van)) nieuw.van = beginVanInterval(nieuw.van, interval);
    if (isDatum(nieuw.tot)) nieuw.tot = eindeVanInterval(nieuw.tot, interval);
    navigeer(href(pagina, nieuw));
  }

  return (
    <form className="sd-bediening" onSubmit={toepassen} aria-label="Filters">
      <Fieldset>
        <FieldsetLegend>Wie en wat</FieldsetLegend>
        <div className="sd-velden">
          <Veld id="f-gemeente" label="Gemeente(n)" uitleg="CBS-codes, gescheiden door komma’s; leeg: alle gemeenten van uw account.">
            <Textbox
              id="f-gemeente"
              {...uitleg('f-gemeente')}
              value={w.gemeente ?? ''}
              onChange={zet('gemeente')}
              disabled={!!w.regio}
              spellCheck={false}
              autoComplete="off"
            />
          </Veld>
          <Veld id="f-regio" label="Regio" uitleg="In plaats van gemeenten: alle gemeenten van een regio.">
            {regios ? (
              <Select id="f-regio" {...uitleg('f-regio')} value={w.regio ?? ''} onChange={zet('regio')}>
                <SelectOption value="">Geen regio</SelectOption>
                {w.regio && !regios.some((r) => r.code === w.regio) && <SelectOption value={w.regio}>{w.regio}</SelectOption>}
                {regios.map((r) => (
                  <SelectOption key={r.code} value={r.code}>
                    {r.naam} ({r.gemeenten.length} gemeenten)
                  </SelectOption>
                ))}
              </Select>
            ) : (
              <Textbox
                id="f-regio"
                {...uitleg('f-regio')}
                value={w.regio ?? ''}
                onChange={zet('regio')}
                spellCheck={false}
                autoComplete="off"
              />
            )}
          </Veld>
          <Veld id="f-wet" label="Wet">
            <Select id="f-wet" value={w.wet ?? ''} onChange={zet('wet')}>
              <SelectOption value="">Alle wetten</SelectOption>
              {Object.entries(WETTEN).map(([code, naam]) => (
                <SelectOption key={code} value={code}>
                  {naam}
                </SelectOption>
              ))}
            </Select>
          </Veld>
          {bedieningen.productfilters && (
            <>
              <Veld id="f-productcategorie" label="Productcategorie">
                <Select id="f-productcategorie" value={w.productcategorie ?? ''} onChange={zet('productcategorie')}>
                  <SelectOption value="">Alle productcategorieën</SelectOption>
                  {w.productcategorie && !PRODUCTCATEGORIEEN.some((p) => p.code === w.productcategorie) && (
                    <SelectOption value={w.productcategorie}>{w.productcategorie} (eigen code)</SelectOption>
                  )}
                  {PRODUCTCATEGORIEEN.map((p) => (
                    <SelectOption key={p.code} value={p.code}>
                      {p.code} {p.naam} ({WETTEN[p.wet]})
                    </SelectOption>
                  ))}
                </Select>
              </Veld>
              <Veld id="f-leveringsvorm" label="Leveringsvorm">
                <Select id="f-leveringsvorm" value={w.leveringsvorm ?? ''} onChange={zet('leveringsvorm')}>
                  <SelectOption value="">Alle leveringsvormen</SelectOption>
                  {Object.entries(LEVERINGSVORMEN).map(([code, naam]) => (
                    <SelectOption key={code} value={code}>
                      {naam}
                    </SelectOption>
                  ))}
                </Select>
              </Veld>
            </>
          )}
        </div>
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>Wanneer</FieldsetLegend>
        <div className="sd-velden">
          {bedieningen.peildatum && (
            <Veld id="f-peildatum" label="Peildatum" uitleg={`Leeg: vandaag.`}>
              <Textbox id="f-peildatum" type="date" {...uitleg('f-peildatum')} value={w.peildatum ?? ''} onChange={zet('peildatum')} />
            </Veld>
          )}
          {bedieningen.reeks && (
            <>
              <Veld id="f-van" label="Van" uitleg="Eerste dag van de reeks.">
                <Textbox id="f-van" type="date" {...uitleg('f-van')} value={w.van ?? ''} onChange={zet('van')} />
              </Veld>
              <Veld id="f-tot" label="Tot en met" uitleg="Laatste dag van de reeks.">
                <Textbox id="f-tot" type="date" {...uitleg('f-tot')} value={w.tot ?? ''} onChange={zet('tot')} />
              </Veld>
              <Veld id="f-interval" label="Interval">
                <Select id="f-interval" value={w.interval ?? effectief.interval} onChange={zet('interval')}>
                  {INTERVALLEN.map((i) => (
                    <SelectOption key={i} value={i}>
                      {i}
                    </SelectOption>
                  ))}
                </Select>
              </Veld>
            </>
          )}
          <Veld
            id="f-kennisdatum"
            label="Zoals bekend op (kennisdatum)"
            uitleg="Een datum JJJJ-MM-DD (einde van die dag) of een tijdstip; leeg: alles wat nu bekend is."
          >
            <Textbox
              id="f-kennisdatum"
              {...uitleg('f-kennisdatum')}
              value={w.kennisdatum ?? ''}
              onChange={zet('kennisdatum')}
              spellCheck={false}
              autoComplete="off"
            />
          </Veld>
        </div>
      </Fieldset>
      <FormField className="sd-vinkje">
        <Checkbox
          id="f-publicatie"
          checked={w.publicatie === 'true'}
          onChange={(e) => setW((oud) => ({ ...oud, publicatie: e.target.checked ? 'true' : undefined }))}
        />
        <FormLabel htmlFor="f-publicatie" type="checkbox">
          Publicatie (zoals CBS: afgerond op vijftallen, kleine aantallen geheim)
        </FormLabel>
      </FormField>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          Toepassen
        </Button>
        <Button appearance="subtle-button" onClick={() => navigeer(href(pagina, {}))}>
          Standaardwaarden
        </Button>
      </ButtonGroup>
    </form>
  );
}
