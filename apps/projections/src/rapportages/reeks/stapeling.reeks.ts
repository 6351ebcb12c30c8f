import { STAPEL_KLASSEN, type StapelingRapport } from '../rapportage.types.js';
import { Params, type Q, type Selectie, type ZonderMeta } from '../sql.js';
import { bevolking, type StapelRij, stapelingUitRijen } from '../stapeling.query.js';
import { lopendeItems, lopendeItemsSql } from './lopende-items.js';
import { Woordenboek } from './woordenboek.js';

/*
 * Stapeling on many peildata at once. The single report groups the running items per client and per
 * household; per point of a series that was every item once per point it covers. Here each item is
 * read once with its range of points [a, b), and a client's items (a handful) are swept: between two
 * consecutive starts or ends the client has the same items, so the same klasse and combination of
 * wetten, which count on that run of points (+1 at its start, −1 at its end). The rows per point are
 * those of the single report's statement, so its own assembly makes the report. Counted a gemeente
 * at a time, as the stand series is (a client and its household belong to one gemeente).
 */

type ItemRij = [string, string, string, number];

/** Per key (a klasse or a combination) the +1/−1 per point, then the counts; key → counts per point. */
class Verloop {
  readonly perSleutel = new Map<string, Int32Array>();
  constructor(private readonly punten: number) {}

  telOp(sleutel: string, a: number, b: number): void {
    let d = this.perSleutel.get(sleutel);
    if (!d) this.perSleutel.set(sleutel, (d = new Int32Array(this.punten + 1)));
    d[a]++;
    d[b]--;
  }

  /** The rows of the single report's statement for this gemeente (g 0), added to the totals (g 1). */
  rijen(soort: string, gemeente: string, perPunt: StapelRij[][], totaal: Map<string, number[]>): void {
    for (const [sleutel, d] of this.perSleutel) {
      const naam = `${soort}\u0001${sleutel}`;
      let som = totaal.get(naam);
      if (!som) totaal.set(naam, (som = new Array<number>(this.punten).fill(0)));
      for (let j = 0, aantal = 0; j < this.punten; j++) {
        aantal += d[j];
        if (aantal === 0) continue;
        som[j] += aantal;
        perPunt[j].push({ nr: String(j + 1), soort, gemeente, sleutel, g: 0, aantal: String(aantal) });
      }
    }
  }
}

/** Over the items of one entity, i.e. rows volgorde[van … tot): per run of points with the same items, `tel(count, wetten as a bitmask, a, b)`. */
function veeg(
  volgorde: Uint32Array,
  van: number,
  tot: number,
  items: { a: Int32Array; b: Int32Array; wet: Int32Array },
  tel: (aantal: number, wetten: number, a: number, b: number) => void,
): void {
  const grenzen: number[] = [];
  for (let v = van; v < tot; v++) grenzen.push(items.a[volgorde[v]], items.b[volgorde[v]]);
  grenzen.sort((x, y) => x - y);
  for (let k = 0; k + 1 < grenzen.length; k++) {
    const x = grenzen[k];
    const y = grenzen[k + 1];
    if (x === y) continue;
    let aantal = 0;
    let wetten = 0;
    for (let v = van; v < tot; v++) {
      const r = volgorde[v];
      if (items.a[r] <= x && x < items.b[r]) {
        aantal++;
        wetten |= 1 << items.wet[r];
      }
    }
    if (aantal > 0) tel(aantal, wetten, x, y);
  }
}

/** Calls `f(van, tot)` for each run volgorde[van … tot) of one entity. */
function perGroep(volgorde: Uint32Array, entiteit: Int32Array, f: (van: number, tot: number) => void): void {
  let van = 0;
  for (let v = 1; v <= volgorde.length; v++)
    if (v === volgorde.length || entiteit[volgorde[v]] !== entiteit[volgorde[van]]) {
      f(van, v);
      van = v;
    }
}

const klasse = (aantal: number) => STAPEL_KLASSEN[Math.min(aantal, STAPEL_KLASSEN.length) - 1];

export async function stapelingReeks(db: Q, s: Selectie, peildata: string[]): Promise<ZonderMeta<StapelingRapport>[]> {
  const n = peildata.length;
  const perPunt: StapelRij[][] = peildata.map(() => []);
  const totaal = new Map<string, number[]>();
  const wetten = new Woordenboek<string>();
  for (const gemeente of s.gemeenten) {
    const p = new Params();
    const { rows } = await db.query<ItemRij>({
      text: lopendeItemsSql(p, { ...s, gemeenten: [gemeente] }, peildata, 'i.client_id, i.huishouden, i.wet, a | (b << 8)'),
      values: p.values,
      rowMode: 'array',
    });
    const items = { ...lopendeItems(rows, 3), wet: wetten.nummersVan(rows, 2) };
    const perClient = { klassen: new Verloop(n), combinaties: new Verloop(n) };
    const perHuishouden = new Verloop(n);
    // The combination's name as the single report spells it: its wetten sorted, joined by '+'.
    const namen = new Map<number, string>();
    const naam = (masker: number) => {
      let x = namen.get(masker);
      if (x === undefined)
        namen.set(
          masker,
          (x = wetten.waarden
            .filter((_, k) => masker & (1 << k))
            .sort()
            .join('+')),
        );
      return x;
    };
    const volgordeClient = items.perClient;
    perGroep(volgordeClient, items.client, (van, tot) =>
      veeg(volgordeClient, van, tot, items, (aantal, wetten, a, b) => {
        perClient.klassen.telOp(klasse(aantal), a, b);
        perClient.combinaties.telOp(naam(wetten), a, b);
      }),
    );
    const volgordeHuishouden = items.perHuishouden;
    perGroep(volgordeHuishouden, items.huishouden, (van, tot) =>
      veeg(volgordeHuishouden, van, tot, items, (aantal, _wetten, a, b) => perHuishouden.telOp(klasse(aantal), a, b)),
    );
    perClient.klassen.rijen('clienten', gemeente, perPunt, totaal);
    perHuishouden.rijen('huishoudens', gemeente, perPunt, totaal);
    perClient.combinaties.rijen('combinaties', gemeente, perPunt, totaal);
  }
  for (const [sleutel, som] of totaal) {
    const [soort, waarde] = sleutel.split('\u0001');
    som.forEach((aantal, j) => {
      if (aantal > 0) perPunt[j].push({ nr: String(j + 1), soort, gemeente: null, sleutel: waarde, g: 1, aantal: String(aantal) });
    });
  }
  const jaren = peildata.map((d) => Number(d.slice(0, 4)));
  const inwoners = await bevolking(db, s, [...new Set(jaren)]);
  return peildata.map((peildatum, j) => stapelingUitRijen({ peildatum }, jaren[j], perPunt[j], inwoners));
}
