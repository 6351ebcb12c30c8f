import { Temporal } from 'temporal-polyfill';
import { WETTEN, type Wet } from '../codes.js';
import { vergelijkDatum } from '../kalender.js';

/*
 * Bewaartermijnen (retention periods, DESIGN section 8): how many years after the end of a client's
 * last item their personal data is kept. The gemeente's own selectielijst decides the numbers; these
 * are the defaults we ship (README, "Bewaartermijnen", lists the same sources). Every term here is
 * counted from the end of the client's LAST item, which is never shorter than a term counted from
 * the end of each item or from the receipt of each document, as some of the sources do.
 */

/** Years per wet. */
export type Bewaartermijnen = Record<Wet, number>;

export const STANDAARD_BEWAARTERMIJNEN: Bewaartermijnen = {
  // Wmo 2015 art. 5.3.4: the college keeps the data 15 years from receipt or making, longer when a
  // careful execution of the Wmo needs it (as summarised by Schulinck, "Gegevens bewaren, archiveren
  // en vernietigen", schulinck.nl; the VNG Selectielijst 2020 follows the law here).
  wmo: 15,
  // Jeugdwet art. 7.3.8: the jeugdhulp dossier is kept at least 20 years after the help ended, or
  // longer where careful help requires it (rijksoverheid.nl, "Wat is de bewaartermijn voor een
  // dossier jeugdhulp of jeugdbescherming?": "Een dossier jeugdhulp blijft minimaal 20 jaar bestaan na
  // afloop van de zorg."; an older version of that page said 15, the term before it was lengthened).
  jeugdwet: 20,
  // Participatiewet: the law sets no term; the VNG Selectielijst gemeenten en intergemeentelijke
  // organen 2017/2020 keeps a cliëntdossier of an uitkering 10 years after it ends (VHIC FAQ on the
  // selectielijst, vhic.nl; breednetwerk.nl "Bewaartermijnen cliëntendossiers": 7 → 10 years since
  // 2017). A gemeente that recovers (terugvordering, 20-year limitation) or sanctions sets it longer.
  participatiewet: 10,
};

/** What a client has that ends: a voorziening, uitkering, aanmelding or bezwaar. */
export interface BewaarItem {
  soort: 'voorziening' | 'uitkering' | 'aanmelding' | 'bezwaar';
  /**
   * The wet whose term applies: a voorziening's own wet; `participatiewet` for an uitkering; an
   * aanmelding's wet; a bezwaar's is the wet of the besluit it is about (BezwaarOntvangen copies it
   * from that besluit). A wet this system does not know gets the longest term.
   */
  wet: string;
  /**
   * Its last day: a voorziening's or uitkering's einddatum, an aanmelding's afronding date, a
   * bezwaar's afhandeling date; null while it runs. A withdrawn (ingetrokken) registration was never
   * a fact and is left out by the caller.
   */
  einde: string | null;
}

export interface Verloop {
  /** The last day of the client's term: from here on nothing keeps the data any longer. */
  verlooptOp: string;
  /** The end date of the item whose term ends last (not always the latest end: terms differ per wet). */
  laatsteEinde: string;
  /** That item's wet. */
  wet: string;
}

/** The term of a wet; an unknown wet gets the longest, so it never ends a term early. */
export function termijnVan(wet: string, termijnen: Bewaartermijnen): number {
  return (WETTEN as readonly string[]).includes(wet) ? termijnen[wet as Wet] : Math.max(...Object.values(termijnen));
}

/**
 * When a client's term ends: the latest, over all their items, of the item's end plus its wet's
 * term in calendar years (29 February plus a year that has none is 28 February, as PostgreSQL's
 * `date + interval 'n years'` does). No expiry (null) while any item still runs, or when there is no
 * item at all: there is nothing to count from. Ties go to the later end date, then the wet's code,
 * so the answer does not depend on the items' order.
 */
export function bewaartermijnEinde(items: readonly BewaarItem[], termijnen: Bewaartermijnen): Verloop | null {
  if (items.length === 0 || items.some((i) => i.einde === null)) return null;
  let laatste: Verloop | null = null;
  for (const item of items) {
    const einde = item.einde!;
    const verlooptOp = Temporal.PlainDate.from(einde)
      .add({ years: termijnVan(item.wet, termijnen) })
      .toString();
    const kandidaat = { verlooptOp, laatsteEinde: einde, wet: item.wet };
    if (!laatste || volgorde(kandidaat, laatste) > 0) laatste = kandidaat;
  }
  return laatste;
}

function volgorde(a: Verloop, b: Verloop): number {
  return (
    vergelijkDatum(a.verlooptOp, b.verlooptOp) ||
    vergelijkDatum(a.laatsteEinde, b.laatsteEinde) ||
    (a.wet < b.wet ? 1 : a.wet > b.wet ? -1 : 0)
  );
}

/**
 * Whether the term has passed on the peildatum: its last day lies before it. On `verlooptOp` itself
 * the data is still within its term (the day is counted in, as einddatum is "t/m").
 */
export function isVerlopen(verloop: Verloop | null, peildatum: string): verloop is Verloop {
  return verloop !== null && vergelijkDatum(verloop.verlooptOp, peildatum) < 0;
}
