import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { InstroomUitstroomRapport, StandRapport } from '../apps/projections/src/rapportages/rapportage.types.js';
import {
  CONSULENT_GEMEENTEN,
  type GemeenteCijfers,
  leidHistorieAf,
  MAANDEN,
  PEILDATA,
  registreerHistorie,
  SEED_001,
  standVolgensHistorie,
  stroomVolgensHistorie,
} from './fixtures/seed-001-participatiewet.js';
import { startTestStack, type TestStack } from './stack.js';

/**
 * Seed 001, "Managementrapportage Werk & Inkomen" of the BMWE gemeenten, januari–juni 2016:
 * a history registered through REST (about 1,400 clients with their uitkeringen and
 * beëindigingen) gives exactly the published Participatiewet figures — the monthly stand, the
 * monthly in- and uitstroom, the uitstroom per reden over the half year and the split by regeling
 * on 30 juni. See test/fixtures/seed-001-participatiewet.ts for the transcription and the one
 * discrepancy in the seed (the Totaal row of "Reden Uitstroom").
 */
const GEMEENTEN = SEED_001.gemeenten;
const ALLE = CONSULENT_GEMEENTEN.join(',');
const HISTORIE = leidHistorieAf();

let s: TestStack;
let rapportageToken: string;
let laatste = 0;

beforeAll(async () => {
  s = await startTestStack({ MIN_POSITIE_WACHT_MS: '60000' });
  const consulent = await s.token('consulent', [...CONSULENT_GEMEENTEN], 'consulent-sozawe-hoogeland');
  rapportageToken = await s.token('rapportage', [...CONSULENT_GEMEENTEN]);
  laatste = await registreerHistorie(s, consulent, HISTORIE, 8);
}, 600_000);

afterAll(async () => {
  await s?.close();
});

async function rapport<T>(pad: string): Promise<T> {
  for (let poging = 1; ; poging++) {
    const res = await s.projections.http.get(`${pad}&minPositie=${laatste}`).set('Authorization', `Bearer ${rapportageToken}`);
    if (res.status === 503 && poging < 5) continue; // the read model is still catching up
    if (res.status !== 200) throw new Error(`GET ${pad}: ${res.status} ${res.text}`);
    return res.body as T;
  }
}

const zonderNullen = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([, n]) => n > 0));
const perGemeente = <T extends { gemeente: string }>(rijen: readonly T[]) => Object.fromEntries(rijen.map((r) => [r.gemeente, r]));

/** Beginstand, in, uit, eindstand of a gemeente over MAANDEN[van..tot] as published. */
function gepubliceerdeStroom(g: GemeenteCijfers, van: number, tot: number) {
  const uit = (xs: readonly number[]) => xs.slice(van, tot + 1).reduce((a, b) => a + b, 0);
  return { beginstand: g.stand[van], instroom: uit(g.instroom), uitstroom: uit(g.uitstroom), eindstand: g.stand[tot + 1] };
}

describe('the published tables and the derived history', () => {
  it('the seed\'s tables agree, except the Totaal row of "Reden Uitstroom" (77/95 printed, 78/94 summed)', () => {
    for (let i = 0; i < PEILDATA.length; i++) {
      expect(GEMEENTEN.reduce((t, g) => t + g.stand[i], 0)).toBe(SEED_001.totaal.stand[i]);
    }
    for (const g of GEMEENTEN) {
      for (let m = 0; m < MAANDEN.length; m++) expect(g.stand[m + 1]).toBe(g.stand[m] + g.instroom[m] - g.uitstroom[m]);
    }
    const werk = GEMEENTEN.reduce((t, g) => t + g.uitstroomWerk, 0);
    const overig = GEMEENTEN.reduce((t, g) => t + g.uitstroomOverig, 0);
    expect({ werk, overig, totaal: werk + overig }).toEqual({ werk: 78, overig: 94, totaal: 172 });
    expect(SEED_001.totaal).toMatchObject({ uitstroomWerk: 77, uitstroomOverig: 95, uitstroomTotaal: 172 }); // sic
  });

  it('has distinct valid BSNs and never two uitkeringen of one client at once', () => {
    const bsns = HISTORIE.map((c) => c.bsn);
    expect(new Set(bsns).size).toBe(bsns.length);
    for (const bsn of bsns) {
      const d = [...bsn].map(Number);
      expect((d.slice(0, 8).reduce((t, x, i) => t + x * (9 - i), 0) - d[8]) % 11).toBe(0);
    }
    for (const c of HISTORIE) {
      for (let i = 1; i < c.uitkeringen.length; i++) {
        const vorige = c.uitkeringen[i - 1].beeindiging?.einddatum;
        expect(vorige !== undefined && vorige < c.uitkeringen[i].ingangsdatum).toBe(true);
      }
    }
    expect(HISTORIE.some((c) => c.uitkeringen.length > 1)).toBe(true);
  });

  it('gives the published figures by the definitions of DESIGN section 4, before anything is registered', () => {
    for (const g of GEMEENTEN) {
      PEILDATA.forEach((d, i) =>
        expect([g.naam, d, standVolgensHistorie(HISTORIE, g.gemeente, d).totaal]).toEqual([g.naam, d, g.stand[i]]),
      );
      MAANDEN.forEach((m, i) => {
        const { beginstand, instroom, uitstroom, eindstand } = stroomVolgensHistorie(HISTORIE, g.gemeente, `${m}-01`, PEILDATA[i + 1]);
        expect([g.naam, m, { beginstand, instroom, uitstroom, eindstand }]).toEqual([g.naam, m, gepubliceerdeStroom(g, i, i)]);
      });
      const h1 = stroomVolgensHistorie(HISTORIE, g.gemeente, '2016-01-01', '2016-06-30');
      expect(h1.uitstroomPerReden).toEqual(zonderNullen({ werk: g.uitstroomWerk, ...g.overigeUitstroom }));
      expect(standVolgensHistorie(HISTORIE, g.gemeente, '2016-06-30').perRegeling).toEqual(zonderNullen(g.regelingen));
    }
  });
});

describe('Aantallen uitkeringen alle regelingen (stand laatste dag van de maand)', () => {
  it.each(PEILDATA.map((d, i) => [d, i] as const))('stand per %s', async (peildatum, i) => {
    const r = await rapport<StandRapport>(`/rapportages/stand?peildatum=${peildatum}&gemeente=${ALLE}&wet=participatiewet`);
    const rijen = perGemeente(r.perGemeente);
    for (const g of GEMEENTEN) {
      const n = g.stand[i];
      // One uitkering per client at a time and no households: clients and households equal the count.
      expect([g.naam, rijen[g.gemeente]]).toEqual([g.naam, { gemeente: g.gemeente, voorzieningen: n, clienten: n, huishoudens: n }]);
    }
    expect(r.totaal.voorzieningen).toBe(SEED_001.totaal.stand[i]);
    expect(r.peildatum).toBe(peildatum);
  });

  it('Uitsplitsing naar regeling (eind verslagperiode): per regeling on 2016-06-30', async () => {
    for (const g of GEMEENTEN) {
      const r = await rapport<StandRapport>(`/rapportages/stand?peildatum=2016-06-30&gemeente=${g.gemeente}&wet=participatiewet`);
      const gekregen = Object.fromEntries(r.perRegeling.map((x) => [x.regeling, x.voorzieningen]));
      expect([g.naam, gekregen]).toEqual([g.naam, zonderNullen(g.regelingen)]);
      expect(r.totaal.voorzieningen).toBe(g.regelingenTotaal);
    }
  });
});

describe('In- en uitstroom gedurende verslagperiode', () => {
  const perioden: [string, number, number][] = [
    ...MAANDEN.map((m, i): [string, number, number] => [m, i, i]),
    ['2016-Q1', 0, 2],
    ['2016-Q2', 3, 5],
    ['2016-H1', 0, 5],
  ];

  it.each(perioden)('periode %s', async (periode, van, tot) => {
    const r = await rapport<InstroomUitstroomRapport>(
      `/rapportages/instroom-uitstroom?periode=${periode}&gemeente=${ALLE}&wet=participatiewet`,
    );
    const rijen = perGemeente(r.perGemeente);
    const totaal = { beginstand: 0, instroom: 0, uitstroom: 0, eindstand: 0 };
    for (const g of GEMEENTEN) {
      const verwacht = gepubliceerdeStroom(g, van, tot);
      const { beginstand, instroom, uitstroom, eindstand } = rijen[g.gemeente] ?? {};
      expect([g.naam, { beginstand, instroom, uitstroom, eindstand }]).toEqual([g.naam, verwacht]);
      for (const k of Object.keys(totaal) as (keyof typeof totaal)[]) totaal[k] += verwacht[k];
    }
    expect(r.totaal).toMatchObject(totaal);
    expect(r.totaal.beginstand).toBe(SEED_001.totaal.stand[van]);
    expect(r.totaal.eindstand).toBe(SEED_001.totaal.stand[tot + 1]);
  });

  it('Reden Uitstroom and Reden overige uitstroom over januari–juni, per gemeente', async () => {
    for (const g of GEMEENTEN) {
      const r = await rapport<InstroomUitstroomRapport>(
        `/rapportages/instroom-uitstroom?periode=2016-H1&gemeente=${g.gemeente}&wet=participatiewet`,
      );
      expect([g.naam, r.totaal.uitstroomPerReden]).toEqual([g.naam, zonderNullen({ werk: g.uitstroomWerk, ...g.overigeUitstroom })]);
      expect(r.totaal.uitstroom).toBe(g.uitstroomTotaal);
      expect(r.totaal.uitstroom! - r.totaal.uitstroomPerReden.werk!).toBe(g.overigeUitstroomTotaal);
      // Instroom reasons are not published; they are the ones the fixture chose.
      expect(r.totaal.instroomPerReden).toEqual(stroomVolgensHistorie(HISTORIE, g.gemeente, '2016-01-01', '2016-06-30').instroomPerReden);
    }
  });

  it("the four together: werk 78 and overige 94 of 172, where the seed's Totaal row prints 77 and 95", async () => {
    const r = await rapport<InstroomUitstroomRapport>(
      `/rapportages/instroom-uitstroom?periode=2016-H1&gemeente=${ALLE}&wet=participatiewet`,
    );
    expect(r.totaal.uitstroom).toBe(SEED_001.totaal.uitstroomTotaal);
    expect(r.totaal.uitstroomPerReden.werk).toBe(78);
    expect(r.totaal.uitstroom! - r.totaal.uitstroomPerReden.werk!).toBe(94);
  });
});
