/**
 * What each dashboard page's tables must hold, taken from the REST API's own answers: caption →
 * column key → row key → number (null: secret). Rows and columns are keyed by the API's codes
 * (the tables carry them in data-sleutel), so a label may change without touching these.
 */
type Api = (pad: string, params: Record<string, string>) => Promise<any>;
type View = { peildatum: string; van: string; tot: string; interval: string };
export type Verwachting = Record<string, Record<string, Record<string, number | null>>>;

const OP = (d: string) => `op ${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;

/** Absent from a breakdown is zero (secret, published). */
const of0 = (v: number | null | undefined, pub: boolean) => (v === undefined ? (pub ? null : 0) : v);

function per(rijen: any[], sleutel: (r: any) => string, waarde: (r: any) => number | null): Record<string, number | null> {
  return Object.fromEntries(rijen.map((r) => [sleutel(r), waarde(r)]));
}

function velden(rijen: any[], sleutel: (r: any) => string, namen: string[]): Record<string, Record<string, number | null>> {
  return Object.fromEntries(namen.map((n) => [n, per(rijen, sleutel, (r) => r[n])]));
}

/** Columns of codes (per wet, per reden …) over the points of a series, keyed by `rij`. */
function codes(punten: any[], rij: (p: any) => string, kaart: (p: any) => Record<string, number | null>, pub: boolean) {
  const alle = new Set(punten.flatMap((p) => Object.keys(kaart(p))));
  return Object.fromEntries([...alle].map((c) => [c, per(punten, rij, (p) => of0(kaart(p)[c], pub))]));
}

const reeks = (api: Api, rapport: string, v: View, pub: boolean) =>
  api('/rapportages/reeks', { rapport, van: v.van, tot: v.tot, interval: v.interval, ...(pub ? { publicatie: 'true' } : {}) });
const enkel = (api: Api, rapport: string, d: Record<string, string>, pub: boolean) =>
  api(`/rapportages/${rapport}`, { ...d, ...(pub ? { publicatie: 'true' } : {}) });

const STAND = ['voorzieningen', 'clienten', 'huishoudens'];
const WACHT = ['aanmeldingen', 'aanmeldingenBovenNorm', 'nietGestart'];

export const verwachtePaginas: { pad: string; titel: string; verwacht: (api: Api, v: View, pub: boolean) => Promise<Verwachting> }[] = [
  {
    pad: '',
    titel: 'Overzicht',
    async verwacht(api, v, pub): Promise<Verwachting> {
      const s = await enkel(api, 'stand', { peildatum: v.peildatum }, pub);
      const w = await enkel(api, 'wachtlijst', { peildatum: v.peildatum }, pub);
      const rs = await reeks(api, 'stand', v, pub);
      const rw = await reeks(api, 'wachtlijst', v, pub);
      const kern = { ...Object.fromEntries(STAND.map((k) => [k, s.totaal[k]])), ...Object.fromEntries(WACHT.map((k) => [k, w.totaal[k]])) };
      return {
        [`Kerncijfers ${OP(v.peildatum)}`]: { aantal: kern },
        'Kerncijfers per kwartaal': {
          voorzieningen: per(
            rs.punten,
            (p) => p.peildatum,
            (p) => p.totaal.voorzieningen,
          ),
          clienten: per(
            rs.punten,
            (p) => p.peildatum,
            (p) => p.totaal.clienten,
          ),
          aanmeldingen: per(
            rw.punten,
            (p) => p.peildatum,
            (p) => p.totaal.aanmeldingen,
          ),
          nietGestart: per(
            rw.punten,
            (p) => p.peildatum,
            (p) => p.totaal.nietGestart,
          ),
        },
      };
    },
  },
  {
    pad: 'stand',
    titel: 'Stand',
    async verwacht(api, v, pub): Promise<Verwachting> {
      const s = await enkel(api, 'stand', { peildatum: v.peildatum }, pub);
      const r = await reeks(api, 'stand', v, pub);
      const op = OP(v.peildatum);
      return {
        'Lopende voorzieningen per wet, per kwartaal': {
          ...codes(
            r.punten,
            (p) => p.peildatum,
            (p) => Object.fromEntries(p.perWet.map((w: any) => [w.wet, w.voorzieningen])),
            pub,
          ),
          totaal: per(
            r.punten,
            (p) => p.peildatum,
            (p) => p.totaal.voorzieningen,
          ),
        },
        [`Stand ${op}`]: velden([{ ...s.totaal, k: 'totaal' }], (x) => x.k, STAND),
        [`Stand ${op} per wet`]: velden(s.perWet, (x) => x.wet, STAND),
        [`Stand ${op} per productcategorie`]: velden(s.perProductcategorie, (x) => `${x.wet}:${x.productcategorie}`, STAND),
        [`Stand ${op} per leveringsvorm`]: velden(s.perLeveringsvorm, (x) => x.leveringsvorm, STAND),
        [`Stand ${op} per leeftijdsgroep`]: velden(s.perLeeftijdsgroep, (x) => x.leeftijdsgroep, STAND),
        [`Stand ${op} per geslacht`]: velden(s.perGeslacht, (x) => x.geslacht, STAND),
        [`Stand ${op} per gemeente`]: velden(s.perGemeente, (x) => x.gemeente, STAND),
      };
    },
  },
  {
    pad: 'instroom-uitstroom',
    titel: 'Instroom en uitstroom',
    async verwacht(api, v, pub): Promise<Verwachting> {
      const r = await reeks(api, 'instroom-uitstroom', v, pub);
      return {
        'Instroom en uitstroom per kwartaal': velden(
          r.punten.map((p: any) => ({ ...p.totaal, van: p.van })),
          (x) => x.van,
          ['beginstand', 'instroom', 'uitstroom', 'eindstand'],
        ),
        'Uitstroom per reden, per kwartaal': codes(
          r.punten,
          (p) => p.van,
          (p) => p.totaal.uitstroomPerReden,
          pub,
        ),
        'Instroom per reden, per kwartaal': codes(
          r.punten,
          (p) => p.van,
          (p) => p.totaal.instroomPerReden,
          pub,
        ),
      };
    },
  },
  {
    pad: 'wachtlijst',
    titel: 'Wachtlijst',
    async verwacht(api, v, pub): Promise<Verwachting> {
      const w = await enkel(api, 'wachtlijst', { peildatum: v.peildatum }, pub);
      const r = await reeks(api, 'wachtlijst', v, pub);
      const op = OP(v.peildatum);
      return {
        'Wachtlijst per kwartaal': velden(
          r.punten.map((p: any) => ({ ...p.totaal, peildatum: p.peildatum })),
          (x) => x.peildatum,
          WACHT,
        ),
        [`Wachttijd van de open aanmeldingen ${op}`]: velden(w.wachttijdVerdeling, (x) => x.klasse, ['aanmeldingen']),
        [`Wachtlijst ${op} per wet`]: {
          ...velden(w.perWet, (x) => x.wet, WACHT),
          norm: per(
            w.perWet,
            (x: any) => x.wet,
            (x: any) => w.normen[x.wet],
          ),
        },
        [`Wachtlijst ${op} per gemeente`]: velden(w.perGemeente, (x) => x.gemeente, WACHT),
      };
    },
  },
  {
    pad: 'stapeling',
    titel: 'Stapeling',
    async verwacht(api, v, pub): Promise<Verwachting> {
      const s = await enkel(api, 'stapeling', { peildatum: v.peildatum }, pub);
      const op = OP(v.peildatum);
      const klassen = ['1', '2', '3', '4', '5', '6+'];
      return {
        [`Cliënten en huishoudens naar aantal voorzieningen ${op}`]: {
          clienten: Object.fromEntries(klassen.map((k) => [k, s.totaal.clienten[k]])),
          huishoudens: Object.fromEntries(klassen.map((k) => [k, s.totaal.huishoudens[k]])),
        },
        [`Cliënten per combinatie van wetten ${op}`]: { clienten: s.totaal.combinaties },
        [`Cliënten en huishoudens met een voorziening per 1.000 ${op}`]: {
          clientenPer1000Inwoners: {
            ...per(
              s.perGemeente,
              (g: any) => g.gemeente,
              (g: any) => g.clientenPer1000Inwoners,
            ),
            // The regio: the gemeenten's ratios weighted by their population.
            regio:
              Math.round(
                (s.perGemeente.reduce((t: number, g: any) => t + g.clientenPer1000Inwoners * g.bevolking.inwoners, 0) /
                  s.perGemeente.reduce((t: number, g: any) => t + g.bevolking.inwoners, 0)) *
                  10,
              ) / 10,
          },
        },
      };
    },
  },
  {
    pad: 'bezwaren',
    titel: 'Bezwaren',
    async verwacht(api, v, pub): Promise<Verwachting> {
      const r = await reeks(api, 'bezwaren', v, pub);
      return {
        'Bezwaren per kwartaal': velden(
          r.punten.map((p: any) => ({ ...p.totaal, van: p.van })),
          (x) => x.van,
          ['ontvangen', 'afgehandeld', 'binnenTermijn'],
        ),
        'Afgehandelde bezwaren per uitkomst, per kwartaal': codes(
          r.punten,
          (p) => p.van,
          (p) => p.totaal.perUitkomst,
          pub,
        ),
        'Ontvangen bezwaren per onderwerp, per kwartaal': codes(
          r.punten,
          (p) => p.van,
          (p) => p.totaal.perOnderwerp,
          pub,
        ),
      };
    },
  },
];
