import type { Herberekening, NietHerberekenbaar, Verschil } from '@sd/herberekening';

/*
 * The recomputation and its differences in plain Dutch for a terminal: every count with the path
 * it has in the report's JSON, so an auditor can find it in the API's answer.
 */

const tekst = (v: unknown): string => (v === undefined ? '(ontbreekt)' : JSON.stringify(v));

/** One line per figure: `perWet[wet=wmo].clienten: 12`. */
export function cijferRegels(waarde: unknown, pad = ''): string[] {
  if (Array.isArray(waarde)) {
    return waarde.flatMap((rij: unknown) => {
      const sleutel =
        typeof rij === 'object' && rij !== null
          ? Object.entries(rij)
              .filter(([, v]) => typeof v === 'string')
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(',')
          : '';
      const rest =
        typeof rij === 'object' && rij !== null ? Object.fromEntries(Object.entries(rij).filter(([, v]) => typeof v !== 'string')) : rij;
      return cijferRegels(rest, `${pad}[${sleutel}]`);
    });
  }
  if (typeof waarde === 'object' && waarde !== null)
    return Object.entries(waarde).flatMap(([k, v]) => cijferRegels(v, pad ? `${pad}.${k}` : k));
  return [`  ${pad}: ${tekst(waarde)}`];
}

export const nietHerberekenbaarRegels = (n: NietHerberekenbaar[]): string[] => n.map((x) => `  ${x.pad}: ${x.reden}`);

export function herberekeningRegels(h: Herberekening): string[] {
  const { peildatum, van, tot, ...cijfers } = h.cijfers as { peildatum?: string; van?: string; tot?: string };
  const wanneer = peildatum !== undefined ? `per ${peildatum}` : `over ${van} t/m ${tot}`;
  return [
    `Herberekend uit de export: ${h.rapport} ${wanneer}`,
    ...cijferRegels(cijfers),
    ...(h.nietHerberekenbaar.length ? ['Niet herberekenbaar:', ...nietHerberekenbaarRegels(h.nietHerberekenbaar)] : []),
  ];
}

export const verschilRegels = (verschillen: Verschil[]): string[] =>
  verschillen.map((v) => `  ${v.pad}: API ${tekst(v.api)}, herberekend ${tekst(v.herberekend)}`);
