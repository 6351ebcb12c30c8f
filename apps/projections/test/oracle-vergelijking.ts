import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@sd/event-store';
import type { TestStack } from '../../../test/stack.js';
import { EERSTE_DAG, LAATSTE_DAG, MAANDEINDEN, maandeinde, plusDagen, Rng, type GeneratedHistory } from './history-generator.js';
import { Oracle, type OracleFilters } from '@sd/herberekening';

/**
 * How a comparison gets its set-up: a stack whose reports answer for a generated history, and how
 * to take it down. The same comparison runs on one worker and on several.
 */
export type OracleOpzet = (
  gemeenten: string[],
  seed: number,
) => Promise<{ stack: TestStack; history: GeneratedHistory; stop: () => Promise<void> }>;

/**
 * The reports against the oracle: a seeded random history is registered through REST in three
 * phases, and for many peildata, periods, filters and kennisdata every report the API answers must
 * equal, field for field (meta fields aside), what the oracle computes from the event log by brute
 * force.
 */

const SEED = 20_160_630;
const GEMEENTEN = ['GM0005', 'GM0006', 'GM0007'];
const META = ['rapport', 'kennisdatum', 'positie', 'filters', 'publicatie'] as const;

export function beschrijfOracleVergelijking(opzet: OracleOpzet): void {
  let s: TestStack;
  let history: GeneratedHistory;
  let oracle: Oracle;
  let rapportage: string;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ stack: s, history, stop } = await opzet(GEMEENTEN, SEED));
    const events: RecordedEvent[] = [];
    for (let after = 0; ;) {
      const batch = await s.store.readAll({ after, limit: 500 });
      if (batch.length === 0) break;
      events.push(...batch);
      after = batch[batch.length - 1].globalPosition;
    }
    expect(events[events.length - 1].globalPosition).toBe(history.lastPositie);
    oracle = new Oracle(events);
    rapportage = await s.token('rapportage', GEMEENTEN);
  }, 120_000);

  afterAll(async () => {
    await stop?.();
  });

  // ---------------------------------------------------------------- the cases

  interface Kennis {
    /** The query parameter; absent: none (all events). */
    param?: string;
    /** The oracle's kennisdatum. */
    k?: Date;
  }

  /** none, k1 and k2 as ISO instants. */
  const kennisdata = (): Kennis[] => [
    {},
    { param: history.kennisdata[0].toISOString(), k: history.kennisdata[0] },
    { param: history.kennisdata[1].toISOString(), k: history.kennisdata[1] },
  ];

  /** A date kennisdatum means the end of that day in Europe/Amsterdam (CEST in summer): before every event. */
  const kennisdatumAlsDatum = (): Kennis => ({ param: '2016-06-30', k: new Date('2016-06-30T22:00:00Z') });

  interface Filter {
    params: Record<string, string>;
    oracle: OracleFilters;
  }

  const filter = (params: Record<string, string>): Filter => {
    const o: OracleFilters = {};
    for (const [k, v] of Object.entries(params)) {
      if (k === 'gemeente') o.gemeente = v.split(',');
      else (o as Record<string, string>)[k] = v;
    }
    return { params, oracle: o };
  };

  const FILTERS: Filter[] = [
    ...GEMEENTEN.map((gemeente) => filter({ gemeente })),
    filter({ gemeente: 'GM0005,GM0006' }),
    filter({ gemeente: GEMEENTEN.join(',') }),
    filter({ wet: 'wmo' }),
    filter({ wet: 'jeugdwet' }),
    filter({ wet: 'participatiewet' }),
    filter({ productcategorie: '01' }),
    filter({ productcategorie: '45' }),
    filter({ leveringsvorm: 'zin' }),
    filter({ leveringsvorm: 'pgb' }),
    filter({ regeling: 'participatiewet' }),
    filter({ regeling: 'bbz' }),
    filter({ gemeente: 'GM0006', wet: 'wmo' }),
    filter({ wet: 'jeugdwet', leveringsvorm: 'pgb' }),
    filter({ gemeente: 'GM0005,GM0007', regeling: 'ioaw' }),
  ];
  /** The bezwaren report takes gemeente and wet only. */
  const BEZWAAR_FILTERS = FILTERS.filter((f) => Object.keys(f.params).every((k) => k === 'gemeente' || k === 'wet'));

  const rng = new Rng(SEED + 1);
  const willekeurigeDagen = Array.from({ length: 8 }, () => rng.datum(EERSTE_DAG, LAATSTE_DAG));
  const PEILDATA = [...MAANDEINDEN, ...willekeurigeDagen];
  /** The peildata the filters are tried on. */
  const PEILDATA_FILTER = ['2015-09-30', '2016-03-31', '2016-06-30', '2016-12-31', willekeurigeDagen[0]];

  interface Periode {
    params: Record<string, string>;
    van: string;
    tot: string;
  }

  /** `periode=` shortcuts: year `2016`, half-year `2016-H1`, quarter `2016-Q2`. */
  function kortePeriode(p: string): Periode {
    const jaar = p.slice(0, 4);
    let van = `${jaar}-01-01`;
    let tot = `${jaar}-12-31`;
    const h = /-H([12])$/.exec(p);
    const q = /-Q([1-4])$/.exec(p);
    if (h) [van, tot] = h[1] === '1' ? [`${jaar}-01-01`, `${jaar}-06-30`] : [`${jaar}-07-01`, `${jaar}-12-31`];
    if (q) {
      const eersteMaand = String(3 * Number(q[1]) - 2).padStart(2, '0');
      van = `${jaar}-${eersteMaand}-01`;
      tot = maandeinde(`${jaar}-${String(3 * Number(q[1])).padStart(2, '0')}-01`);
    }
    return { params: { periode: p }, van, tot };
  }

  const vanTot = (van: string, tot: string): Periode => ({ params: { van, tot }, van, tot });

  const MAANDEN = MAANDEINDEN.map((eind) => vanTot(`${eind.slice(0, 8)}01`, eind));
  const KORT = ['2015-Q3', '2015-Q4', '2016-Q1', '2016-Q2', '2016-Q3', '2016-Q4', '2015-H2', '2016-H1', '2016-H2', '2015', '2016'].map(
    kortePeriode,
  );
  const WILLEKEURIG = Array.from({ length: 8 }, () => {
    const van = rng.datum(EERSTE_DAG, LAATSTE_DAG);
    return vanTot(van, [plusDagen(van, rng.int(0, 240)), LAATSTE_DAG].sort()[0]);
  });
  const PERIODEN = [...MAANDEN, ...KORT, ...WILLEKEURIG];
  const PERIODEN_FILTER = [kortePeriode('2016-Q2'), kortePeriode('2016'), MAANDEN[6], WILLEKEURIG[0]];

  // ---------------------------------------------------------------- asking and comparing

  type Rapport = 'stand' | 'instroom-uitstroom' | 'wachtlijst' | 'stapeling' | 'bezwaren';

  /** Collects every difference between the API and the oracle, and fails once with the first few. */
  class Vergelijking {
    private readonly verschillen: string[] = [];
    private gevraagd = 0;

    constructor(private readonly rapport: Rapport) {}

    async vergelijk(
      params: Record<string, string>,
      kennis: Kennis,
      verwacht: object,
      extra?: (body: Record<string, unknown>) => void,
    ): Promise<void> {
      const query = new URLSearchParams({
        ...params,
        ...(kennis.param ? { kennisdatum: kennis.param } : {}),
        minPositie: String(history.lastPositie),
      });
      const url = `/rapportages/${this.rapport}?${query}`;
      this.gevraagd++;
      const res = await s.projections.http.get(url).set('Authorization', `Bearer ${rapportage}`).set('Accept', 'application/json');
      const leesbaar = decodeURIComponent(url);
      if (res.status !== 200) {
        this.verschillen.push(`${leesbaar}\n  → ${res.status} ${res.text.slice(0, 300)}`);
        return;
      }
      try {
        const body = res.body as Record<string, unknown>;
        expect(body.rapport).toBe(this.rapport);
        expect(body.positie).toBeGreaterThanOrEqual(history.lastPositie);
        if (kennis.param && kennis.param.includes('T')) expect(Date.parse(body.kennisdatum as string)).toBe(kennis.k!.getTime());
        const rest = { ...body };
        for (const m of META) delete rest[m];
        expect(rest).toEqual(verwacht);
        extra?.(body);
      } catch (e) {
        this.verschillen.push(`${leesbaar}\n${(e as Error).message}`);
      }
    }

    klaar(): void {
      if (this.verschillen.length === 0) return;
      const n = this.verschillen.length;
      throw new Error(
        `${n} of ${this.gevraagd} ${this.rapport} answers differ from the oracle. The first:\n\n` +
          this.verschillen.slice(0, 3).join('\n\n') +
          (n > 3
            ? `\n\nand ${n - 3} more, among them:\n` +
              this.verschillen
                .slice(3, 25)
                .map((v) => v.split('\n')[0])
                .join('\n')
            : ''),
      );
    }
  }

  /** DESIGN §4: `stand(b) = stand(a - 1 day) + instroom[a,b] - uitstroom[a,b]`, in the totaal and every row. */
  function houdtIdentiteit(body: Record<string, unknown>): void {
    type Rij = { beginstand: number; instroom: number; uitstroom: number; eindstand: number };
    const rijen: Rij[] = [body.totaal as Rij];
    for (const [k, v] of Object.entries(body)) if (k.startsWith('per') && Array.isArray(v)) rijen.push(...(v as Rij[]));
    for (const r of rijen) expect(r.eindstand).toBe(r.beginstand + r.instroom - r.uitstroom);
  }

  // ---------------------------------------------------------------- the tests

  describe('the generated history', () => {
    it('holds every kind of registration the reports must handle', () => {
      const c = history.counts;
      for (const kind of [
        'clienten',
        'aanmeldingen',
        'afrondingen',
        'voorzieningen',
        'leveringen',
        'beeindigingen',
        'beeindigingen:tweede',
        'correcties',
        'uitkeringen',
        'afwijzingen',
        'bezwaren',
        'bezwaren:adviescommissie',
        'verdagingen',
        'afhandelingen',
        'leveringsvorm:zin',
        'leveringsvorm:pgb',
        'intrekkingen:voorziening',
        'intrekkingen:uitkering',
        'intrekkingen:aanmelding',
        ...['participatiewet', 'ioaw', 'ioaz', 'bbz', 'participatiewet-elders-verzorgd'].map((r) => `regeling:${r}`),
        ...['gegrond', 'deels-gegrond', 'ongegrond', 'ingetrokken', 'niet-ontvankelijk'].map((u) => `uitkomst:${u}`),
      ]) {
        expect({ [kind]: (c[kind] ?? 0) > 0 }).toEqual({ [kind]: true });
      }
      expect(c.requests).toBeGreaterThan(1000);
    });

    it('makes the kennisdatum, the norm and stapeling matter', () => {
      const [k1, k2] = history.kennisdata;
      const standen = (k?: Date) => JSON.stringify(MAANDEINDEN.map((peildatum) => oracle.stand({ peildatum, kennisdatum: k }).totaal));
      expect(standen(k1)).not.toBe(standen(k2));
      expect(standen(k2)).not.toBe(standen());
      expect(MAANDEINDEN.some((peildatum) => oracle.wachtlijst({ peildatum }).totaal.aanmeldingenBovenNorm! > 0)).toBe(true);
      expect(MAANDEINDEN.some((peildatum) => oracle.stapeling({ peildatum }).totaal.clienten['6+']! > 0)).toBe(true);
      expect(
        MAANDEINDEN.some((peildatum) =>
          Object.keys(oracle.stapeling({ peildatum }).totaal.combinaties).some((c) => c.split('+').length === 3),
        ),
      ).toBe(true);
      expect(KORT.some((p) => oracle.bezwaren(p).totaal.binnenTermijn! < oracle.bezwaren(p).totaal.afgehandeld!)).toBe(true);
    });
  });

  describe('GET /rapportages/* equals the oracle', () => {
    it('stand per peildatum: every month end and random days, every kennisdatum, every filter', async () => {
      const v = new Vergelijking('stand');
      for (const peildatum of PEILDATA) {
        for (const kennis of kennisdata()) {
          await v.vergelijk({ peildatum }, kennis, oracle.stand({ peildatum, kennisdatum: kennis.k }));
        }
      }
      for (const peildatum of PEILDATA_FILTER) {
        for (const f of FILTERS) {
          for (const kennis of kennisdata()) {
            await v.vergelijk({ peildatum, ...f.params }, kennis, oracle.stand({ peildatum, ...f.oracle, kennisdatum: kennis.k }));
          }
        }
      }
      const leeg = kennisdatumAlsDatum();
      await v.vergelijk({ peildatum: '2016-06-30' }, leeg, oracle.stand({ peildatum: '2016-06-30', kennisdatum: leeg.k }));
      v.klaar();
    }, 300_000);

    it('instroom-uitstroom per month, quarter, half-year, year and random periods; the identity holds in every row', async () => {
      const v = new Vergelijking('instroom-uitstroom');
      for (const p of PERIODEN) {
        for (const kennis of kennisdata()) {
          await v.vergelijk(p.params, kennis, oracle.instroomUitstroom({ van: p.van, tot: p.tot, kennisdatum: kennis.k }), houdtIdentiteit);
        }
      }
      for (const p of PERIODEN_FILTER) {
        for (const f of FILTERS) {
          for (const kennis of kennisdata()) {
            await v.vergelijk(
              { ...p.params, ...f.params },
              kennis,
              oracle.instroomUitstroom({ van: p.van, tot: p.tot, ...f.oracle, kennisdatum: kennis.k }),
              houdtIdentiteit,
            );
          }
        }
      }
      v.klaar();
    }, 300_000);

    it('wachtlijst per peildatum', async () => {
      const v = new Vergelijking('wachtlijst');
      for (const peildatum of PEILDATA) {
        for (const kennis of kennisdata()) {
          await v.vergelijk({ peildatum }, kennis, oracle.wachtlijst({ peildatum, kennisdatum: kennis.k }));
        }
      }
      for (const peildatum of PEILDATA_FILTER) {
        for (const f of FILTERS) {
          for (const kennis of kennisdata()) {
            await v.vergelijk({ peildatum, ...f.params }, kennis, oracle.wachtlijst({ peildatum, ...f.oracle, kennisdatum: kennis.k }));
          }
        }
      }
      v.klaar();
    }, 300_000);

    it('stapeling per peildatum and over periods', async () => {
      const v = new Vergelijking('stapeling');
      for (const peildatum of PEILDATA) {
        for (const kennis of kennisdata()) {
          await v.vergelijk({ peildatum }, kennis, oracle.stapeling({ peildatum, kennisdatum: kennis.k }));
        }
      }
      for (const p of [...KORT, ...WILLEKEURIG.slice(0, 4)]) {
        for (const kennis of kennisdata()) {
          await v.vergelijk(p.params, kennis, oracle.stapeling({ van: p.van, tot: p.tot, kennisdatum: kennis.k }));
        }
      }
      for (const peildatum of PEILDATA_FILTER) {
        for (const f of FILTERS) {
          for (const kennis of kennisdata()) {
            await v.vergelijk({ peildatum, ...f.params }, kennis, oracle.stapeling({ peildatum, ...f.oracle, kennisdatum: kennis.k }));
          }
        }
      }
      for (const f of FILTERS) {
        const p = kortePeriode('2016-H1');
        await v.vergelijk({ ...p.params, ...f.params }, {}, oracle.stapeling({ van: p.van, tot: p.tot, ...f.oracle }));
      }
      v.klaar();
    }, 300_000);

    it('bezwaren per period', async () => {
      const v = new Vergelijking('bezwaren');
      for (const p of PERIODEN) {
        for (const kennis of kennisdata()) {
          await v.vergelijk(p.params, kennis, oracle.bezwaren({ van: p.van, tot: p.tot, kennisdatum: kennis.k }));
        }
      }
      for (const p of PERIODEN_FILTER) {
        for (const f of BEZWAAR_FILTERS) {
          for (const kennis of kennisdata()) {
            await v.vergelijk(
              { ...p.params, ...f.params },
              kennis,
              oracle.bezwaren({ van: p.van, tot: p.tot, ...f.oracle, kennisdatum: kennis.k }),
            );
          }
        }
      }
      const leeg = kennisdatumAlsDatum();
      const jaar = kortePeriode('2016');
      await v.vergelijk(jaar.params, leeg, oracle.bezwaren({ van: jaar.van, tot: jaar.tot, kennisdatum: leeg.k }));
      v.klaar();
    }, 300_000);
  });
}
