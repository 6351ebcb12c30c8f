import {
  Button,
  Heading3,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId } from 'react';
import { celTekst, isGeheim } from '../lib/cel';
import { bestandsnaam, downloadCsv, tabelNaarCsv } from '../lib/csv';
import type { GrafiekVorm, Tabel } from '../lib/figuur';
import { Grafiek } from './grafiek';

/** The figures as an HTML table whose caption is the chart's title: what a screen reader reads, and what a test compares. */
export function Cijfertabel({ titel, tabel }: { titel: string; tabel: Tabel }) {
  const [eerste, ...overige] = tabel.kolommen;
  return (
    // A wide table scrolls on its own; the region takes focus so that the keyboard can scroll it too.
    <div className="sd-tabel-houder" role="region" aria-label={`Tabel: ${titel}`} tabIndex={0}>
      <Table className="sd-tabel">
        <TableCaption>{titel}</TableCaption>
        <TableHeader>
          <TableRow>
            {tabel.kolommen.map((k) => (
              <TableHeaderCell key={k.sleutel} scope="col" data-sleutel={k.sleutel}>
                {k.kop}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {tabel.rijen.length === 0 && (
            <TableRow>
              <TableCell colSpan={tabel.kolommen.length}>Geen gegevens voor deze keuze.</TableCell>
            </TableRow>
          )}
          {tabel.rijen.map((r) => (
            <TableRow key={r.sleutel} data-sleutel={r.sleutel}>
              <TableHeaderCell scope="row" data-sleutel={eerste.sleutel}>
                {celTekst(r.cellen[eerste.sleutel] ?? null)}
              </TableHeaderCell>
              {overige.map((k) => {
                const cel = r.cellen[k.sleutel] ?? null;
                return (
                  <TableCell key={k.sleutel} data-sleutel={k.sleutel} className={isGeheim(cel) ? 'sd-geheim' : 'sd-getal'}>
                    {celTekst(cel, k.procent)}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * One figure: its title, the chart (when it has one), the table with the same numbers, and the
 * CSV of those numbers.
 */
export function Figuur({ titel, tabel, grafiek }: { titel: string; tabel: Tabel; grafiek?: GrafiekVorm }) {
  const id = useId();
  return (
    <section className="sd-figuur" aria-labelledby={id}>
      <Heading3 id={id}>{titel}</Heading3>
      <div className={grafiek ? 'sd-figuur__inhoud' : undefined}>
        {grafiek && tabel.rijen.length > 0 && <Grafiek titel={titel} vorm={grafiek} tabel={tabel} />}
        <Cijfertabel titel={titel} tabel={tabel} />
      </div>
      <Button appearance="secondary-action-button" onClick={() => downloadCsv(bestandsnaam(titel), tabelNaarCsv(tabel))}>
        Download CSV<span className="sd-verborgen"> van {titel}</span>
      </Button>
    </section>
  );
}
