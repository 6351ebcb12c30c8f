import { describe, expect, it } from '@jest/globals';
import { Log, T0, T1, T2, VOOR_T0 } from '../test/log.js';
import { leeftijd, Oracle, plusDagen, type OracleFilters } from './index.js';

/*
 * The oracle checked on small hand-made event logs (../test/log.ts), every expected number worked
 * out by hand in the comments.
 */

/**
 * Case log A, used for stand, in/uitstroom and wachtlijst.
 *
 * Clients: C1 (GM0005, HH H1, vrouw, 1950-07-01), C2 (GM0005, HH H1, man, 1948-03-15),
 * C3 (GM0005, no household, man, 2008-09-15), C4 (GM0006, HH H1 — another household than GM0005's H1,
 * onbekend, 1990-12-31).
 *
 * V1 C1 wmo 01 zin, besluit 01-20, ingang 2016-02-01, levering 02-13; beëindigd 2016-03-31 overlijden, recorded late (T2)
 * V2 C1 wmo 02 pgb, besluit 2015-12-15, ingang 2016-01-01, einddatum 2016-03-31 planned at toekenning; levering 01-01
 * V3 C2 wmo 01 zin, besluit 02-20, ingang 2016-03-01; ingetrokken at T1
 * V4 C3 jeugdwet 45 pgb, besluit 02-10, ingang 2016-02-15, levering 03-01; beëindigd 2016-06-30 voortijdig-client at T1 (a v1 event)
 * V5 C3 wmo 06 zin, besluit 01-10, ingang 2016-01-10, einddatum 2016-02-12 planned; never started
 * U1 C2 participatiewet, ingang 2015-12-01, einde-ww; beëindigd 2016-03-15 werk at T1
 * U2 C4 ioaw, ingang 2016-03-01, einde-werk
 * A1 C1 wmo ontvangen 2016-01-01, afgerond 2016-02-20
 * A2 C3 jeugdwet ontvangen 2016-01-05, open
 * A3 C2 wmo ontvangen 2016-01-20, ingetrokken at T1
 * A4 C4 participatiewet ontvangen 2016-02-01, afgerond 2016-02-12
 */
function logA(): Log {
  const log = new Log();
  const c1 = log.client(1, 'GM0005', '1950-07-01', 'vrouw', 'H1');
  const c2 = log.client(2, 'GM0005', '1948-03-15', 'man', 'H1');
  const c3 = log.client(3, 'GM0005', '2008-09-15', 'man');
  const c4 = log.client(4, 'GM0006', '1990-12-31', 'onbekend', 'H1');

  const v1 = log.voorziening(11, c1, { wet: 'wmo', pc: '01', lv: 'zin', besluit: '2016-01-20', ingang: '2016-02-01' });
  v1.start('2016-02-13');
  const v2 = log.voorziening(12, c1, { wet: 'wmo', pc: '02', lv: 'pgb', besluit: '2015-12-15', ingang: '2016-01-01', einde: '2016-03-31' });
  v2.start('2016-01-01');
  const v3 = log.voorziening(13, c2, { wet: 'wmo', pc: '01', lv: 'zin', besluit: '2016-02-20', ingang: '2016-03-01' });
  const v4 = log.voorziening(14, c3, { wet: 'jeugdwet', pc: '45', lv: 'pgb', besluit: '2016-02-10', ingang: '2016-02-15' });
  v4.start('2016-03-01');
  log.voorziening(15, c3, { wet: 'wmo', pc: '06', lv: 'zin', besluit: '2016-01-10', ingang: '2016-01-10', einde: '2016-02-12' });
  const u1 = log.uitkering(21, c2, { regeling: 'participatiewet', ingang: '2015-12-01', instroomreden: 'einde-ww' });
  log.uitkering(22, c4, { regeling: 'ioaw', ingang: '2016-03-01', instroomreden: 'einde-werk' });

  log.aanmelding(31, c1, 'wmo', '2016-01-01').rondAf('2016-02-20');
  log.aanmelding(32, c3, 'jeugdwet', '2016-01-05');
  log.aanmelding(33, c2, 'wmo', '2016-01-20').trekIn(T1);
  log.aanmelding(34, c4, 'participatiewet', '2016-02-01').rondAf('2016-02-12');

  // T1: an intrekking and two beëindigingen; T2: the late beëindiging of V1.
  v3.trekIn(T1);
  v4.beeindigV1('2016-06-30', 'voortijdig-client', T1);
  u1.beeindig('2016-03-15', 'werk', T1);
  v1.beeindig('2016-03-31', 'overlijden', T2);
  return log;
}

const cijfers = (voorzieningen: number, clienten: number, huishoudens: number) => ({ voorzieningen, clienten, huishoudens });
const stroom = (beginstand: number, instroom: number, uitstroom: number, eindstand: number) => ({
  beginstand,
  instroom,
  uitstroom,
  eindstand,
});

describe('oracle: stand', () => {
  const oracle = new Oracle(logA().events);

  it('per 2016-03-10: V1, V2, V4, U1, U2 (V3 ingetrokken, V5 ended 02-12), with every breakdown', () => {
    expect(oracle.stand({ peildatum: '2016-03-10' })).toEqual({
      peildatum: '2016-03-10',
      // clients C1, C2, C3, C4; households GM0005:H1 (C1 + C2), C3 alone, GM0006:H1
      totaal: cijfers(5, 4, 3),
      perGemeente: [
        { gemeente: 'GM0005', ...cijfers(4, 3, 2) },
        { gemeente: 'GM0006', ...cijfers(1, 1, 1) },
      ],
      perWet: [
        { wet: 'jeugdwet', ...cijfers(1, 1, 1) },
        { wet: 'participatiewet', ...cijfers(2, 2, 2) },
        { wet: 'wmo', ...cijfers(2, 1, 1) },
      ],
      perProductcategorie: [
        { wet: 'jeugdwet', productcategorie: '45', ...cijfers(1, 1, 1) },
        { wet: 'wmo', productcategorie: '01', ...cijfers(1, 1, 1) },
        { wet: 'wmo', productcategorie: '02', ...cijfers(1, 1, 1) },
      ],
      perLeveringsvorm: [
        { leveringsvorm: 'pgb', ...cijfers(2, 2, 2) },
        { leveringsvorm: 'zin', ...cijfers(1, 1, 1) },
      ],
      perRegeling: [
        { regeling: 'ioaw', ...cijfers(1, 1, 1) },
        { regeling: 'participatiewet', ...cijfers(1, 1, 1) },
      ],
      // C1 65 (birthday 07-01 still to come), C2 67 (turns 68 on 03-15), C3 7, C4 25
      perLeeftijdsgroep: [
        { leeftijdsgroep: '0-17', ...cijfers(1, 1, 1) },
        { leeftijdsgroep: '18-26', ...cijfers(1, 1, 1) },
        { leeftijdsgroep: '65-74', ...cijfers(3, 2, 1) },
      ],
      perGeslacht: [
        { geslacht: 'man', ...cijfers(2, 2, 2) },
        { geslacht: 'onbekend', ...cijfers(1, 1, 1) },
        { geslacht: 'vrouw', ...cijfers(2, 1, 1) },
      ],
    });
  });

  it('age is in whole years: the birthday itself counts', () => {
    expect(leeftijd('1948-03-15', '2016-03-14')).toBe(67);
    expect(leeftijd('1948-03-15', '2016-03-15')).toBe(68);
    expect(leeftijd('1998-12-31', '2016-12-31')).toBe(18);
  });

  it('an einddatum equal to the peildatum is not in the stand (counted at the end of the day)', () => {
    // V1 and V2 end 03-31: in the stand per 03-30, not per 03-31 (U1 ended 03-15, V4 runs to 06-30)
    expect(oracle.stand({ peildatum: '2016-03-30' }).totaal).toEqual(cijfers(4, 3, 3));
    expect(oracle.stand({ peildatum: '2016-03-31' }).totaal).toEqual(cijfers(2, 2, 2));
    // an ingangsdatum equal to the peildatum is: U2 starts 03-01
    expect(oracle.stand({ peildatum: '2016-03-01', regeling: 'ioaw' }).totaal).toEqual(cijfers(1, 1, 1));
    expect(oracle.stand({ peildatum: '2016-02-29', regeling: 'ioaw' }).totaal).toEqual(cijfers(0, 0, 0));
  });

  it('an intrekking counts nowhere: V3 is in the stand as known at T0, gone once withdrawn (T1)', () => {
    const bijT0 = oracle.stand({ peildatum: '2016-03-10', kennisdatum: T0 });
    expect(bijT0.totaal).toEqual(cijfers(6, 4, 3));
    expect(bijT0.perProductcategorie).toContainEqual({ wet: 'wmo', productcategorie: '01', ...cijfers(2, 2, 1) });
    expect(oracle.stand({ peildatum: '2016-03-10', kennisdatum: T1 }).totaal).toEqual(cijfers(5, 4, 3));
  });

  it('a late beëindiging changes the figure for an old peildatum, but not as known before it was recorded', () => {
    // per 2016-04-30: V4 and U2, plus V1 as long as its beëindiging (recorded T2) is unknown
    expect(oracle.stand({ peildatum: '2016-04-30', kennisdatum: T1 }).totaal).toEqual(cijfers(3, 3, 3));
    expect(oracle.stand({ peildatum: '2016-04-30', kennisdatum: new Date(T2.getTime() - 1) }).totaal).toEqual(cijfers(3, 3, 3));
    // "at or before k": an event recorded exactly at k counts
    expect(oracle.stand({ peildatum: '2016-04-30', kennisdatum: T2 }).totaal).toEqual(cijfers(2, 2, 2));
    expect(oracle.stand({ peildatum: '2016-04-30' }).totaal).toEqual(cijfers(2, 2, 2));
  });

  it('before the first event nothing exists: zeros and no rows', () => {
    expect(oracle.stand({ peildatum: '2016-03-10', kennisdatum: VOOR_T0 })).toEqual({
      peildatum: '2016-03-10',
      totaal: cijfers(0, 0, 0),
      perGemeente: [],
      perWet: [],
      perProductcategorie: [],
      perLeveringsvorm: [],
      perRegeling: [],
      perLeeftijdsgroep: [],
      perGeslacht: [],
    });
  });

  it('filters: an attribute filter excludes what lacks the attribute', () => {
    // per 03-10: V1 (zin), V2 (pgb), V4 (pgb), U1, U2
    const pgb = oracle.stand({ peildatum: '2016-03-10', leveringsvorm: 'pgb' });
    expect(pgb.totaal).toEqual(cijfers(2, 2, 2));
    expect(pgb.perRegeling).toEqual([]);
    const ioaw = oracle.stand({ peildatum: '2016-03-10', regeling: 'ioaw' });
    expect(ioaw.totaal).toEqual(cijfers(1, 1, 1));
    expect(ioaw.perLeveringsvorm).toEqual([]);
    expect(ioaw.perProductcategorie).toEqual([]);
    expect(oracle.stand({ peildatum: '2016-03-10', productcategorie: '01' }).totaal).toEqual(cijfers(1, 1, 1));
    expect(oracle.stand({ peildatum: '2016-03-10', wet: 'wmo' }).totaal).toEqual(cijfers(2, 1, 1));
    expect(oracle.stand({ peildatum: '2016-03-10', gemeente: ['GM0006'] }).totaal).toEqual(cijfers(1, 1, 1));
    expect(oracle.stand({ peildatum: '2016-03-10', gemeente: ['GM0005', 'GM0006'] }).totaal).toEqual(cijfers(5, 4, 3));
    expect(oracle.stand({ peildatum: '2016-03-10', gemeente: ['GM0005'], wet: 'participatiewet' }).totaal).toEqual(cijfers(1, 1, 1));
  });

  it('a correctie moves the item: new productcategorie, leveringsvorm, ingangsdatum and removed einddatum', () => {
    const log = new Log();
    const c = log.client(1, 'GM0005', '1980-01-01', 'vrouw');
    const v = log.voorziening(2, c, { wet: 'wmo', pc: '01', lv: 'zin', besluit: '2016-01-01', ingang: '2016-02-01', einde: '2016-02-29' });
    v.corrigeer({ productcategorie: '03', leveringsvorm: 'pgb' }, T1);
    v.corrigeer({ ingangsdatum: '2016-01-15', einddatum: null }, T2);
    const oracle = new Oracle(log.events);
    expect(oracle.stand({ peildatum: '2016-01-20', kennisdatum: T1 }).totaal).toEqual(cijfers(0, 0, 0));
    expect(oracle.stand({ peildatum: '2016-03-31', kennisdatum: T1 }).totaal).toEqual(cijfers(0, 0, 0));
    const nu = oracle.stand({ peildatum: '2016-03-31' });
    expect(nu.totaal).toEqual(cijfers(1, 1, 1));
    expect(nu.perProductcategorie).toEqual([{ wet: 'wmo', productcategorie: '03', ...cijfers(1, 1, 1) }]);
    expect(nu.perLeveringsvorm).toEqual([{ leveringsvorm: 'pgb', ...cijfers(1, 1, 1) }]);
    expect(oracle.stand({ peildatum: '2016-01-20' }).totaal).toEqual(cijfers(1, 1, 1));
  });
});

describe('oracle: instroom-uitstroom', () => {
  const oracle = new Oracle(logA().events);
  const maart = { van: '2016-03-01', tot: '2016-03-31' };

  it('March 2016: beginstand per 02-29, instroom U2, uitstroom V1, V2, U1, eindstand V4 and U2', () => {
    expect(oracle.instroomUitstroom(maart)).toEqual({
      van: '2016-03-01',
      tot: '2016-03-31',
      totaal: {
        ...stroom(4, 1, 3, 2),
        instroomPerReden: { 'einde-werk': 1 },
        // V2's einddatum was planned at toekenning: volgens-plan
        uitstroomPerReden: { overlijden: 1, 'volgens-plan': 1, werk: 1 },
      },
      perGemeente: [
        { gemeente: 'GM0005', ...stroom(4, 0, 3, 1) },
        { gemeente: 'GM0006', ...stroom(0, 1, 0, 1) },
      ],
      perWet: [
        { wet: 'jeugdwet', ...stroom(1, 0, 0, 1) },
        { wet: 'participatiewet', ...stroom(1, 1, 1, 1) },
        { wet: 'wmo', ...stroom(2, 0, 2, 0) },
      ],
      perProductcategorie: [
        { wet: 'jeugdwet', productcategorie: '45', ...stroom(1, 0, 0, 1) },
        { wet: 'wmo', productcategorie: '01', ...stroom(1, 0, 1, 0) },
        { wet: 'wmo', productcategorie: '02', ...stroom(1, 0, 1, 0) },
      ],
      perLeveringsvorm: [
        { leveringsvorm: 'pgb', ...stroom(2, 0, 1, 1) },
        { leveringsvorm: 'zin', ...stroom(1, 0, 1, 0) },
      ],
      perRegeling: [
        { regeling: 'ioaw', ...stroom(0, 1, 0, 1) },
        { regeling: 'participatiewet', ...stroom(1, 0, 1, 0) },
      ],
    });
  });

  it('as known at T1 the late beëindiging of V1 is missing; at T0 the withdrawn V3 still flows in', () => {
    expect(oracle.instroomUitstroom({ ...maart, kennisdatum: T1 }).totaal).toEqual({
      ...stroom(4, 1, 2, 3),
      instroomPerReden: { 'einde-werk': 1 },
      uitstroomPerReden: { 'volgens-plan': 1, werk: 1 },
    });
    // at T0: begin V1 V2 V4 U1; instroom V3 (onbekend) and U2; uitstroom V2; eind V1 V3 V4 U1 U2
    expect(oracle.instroomUitstroom({ ...maart, kennisdatum: T0 }).totaal).toEqual({
      ...stroom(4, 2, 1, 5),
      instroomPerReden: { 'einde-werk': 1, onbekend: 1 },
      uitstroomPerReden: { 'volgens-plan': 1 },
    });
  });

  it('an item starting and ending within the period flows in and out; V5 (01-10 … 02-12) in January–February', () => {
    const r = oracle.instroomUitstroom({ van: '2016-01-01', tot: '2016-02-29', wet: 'wmo' });
    // wmo: V1 in 02-01, V2 in 01-01, V5 in 01-10 and out 02-12
    expect(r.totaal).toEqual({ ...stroom(0, 3, 1, 2), instroomPerReden: { onbekend: 3 }, uitstroomPerReden: { 'volgens-plan': 1 } });
    expect(r.perProductcategorie).toEqual([
      { wet: 'wmo', productcategorie: '01', ...stroom(0, 1, 0, 1) },
      { wet: 'wmo', productcategorie: '02', ...stroom(0, 1, 0, 1) },
      { wet: 'wmo', productcategorie: '06', ...stroom(0, 1, 1, 0) },
    ]);
  });

  it('eindstand = beginstand + instroom − uitstroom, in the totaal and every row, for every month, quarter and kennisdatum', () => {
    const perioden: [string, string][] = [
      ['2015-12-01', '2016-12-31'],
      ['2016-01-01', '2016-03-31'],
      ['2016-03-15', '2016-03-15'],
    ];
    for (let m = 1; m <= 12; m++) {
      const van = `2016-${String(m).padStart(2, '0')}-01`;
      perioden.push([van, plusDagen(m === 12 ? '2017-01-01' : `2016-${String(m + 1).padStart(2, '0')}-01`, -1)]);
    }
    let gecontroleerd = 0;
    for (const [van, tot] of perioden) {
      for (const kennisdatum of [undefined, T0, T1, T2]) {
        const r = oracle.instroomUitstroom({ van, tot, kennisdatum });
        const rijen = [r.totaal, ...r.perGemeente, ...r.perWet, ...r.perProductcategorie, ...r.perLeveringsvorm, ...r.perRegeling];
        for (const rij of rijen) {
          expect(rij.eindstand).toBe(rij.beginstand! + rij.instroom! - rij.uitstroom!);
          gecontroleerd++;
        }
        expect(r.totaal.beginstand).toBe(oracle.stand({ peildatum: plusDagen(van, -1), kennisdatum }).totaal.voorzieningen);
        expect(r.totaal.eindstand).toBe(oracle.stand({ peildatum: tot, kennisdatum }).totaal.voorzieningen);
      }
    }
    expect(gecontroleerd).toBeGreaterThan(200);
  });
});

describe('oracle: wachtlijst', () => {
  const oracle = new Oracle(logA().events);
  const klassen = (v: Record<string, number>) =>
    ['0-14', '15-28', '29-42', '43-56', '57-91', '92+'].map((klasse) => ({ klasse, aanmeldingen: v[klasse] ?? 0 }));

  it('per 2016-02-12: A1 waits exactly 42 days, which is not above the wmo norm; A4 afgerond that day is off the list', () => {
    const r = oracle.wachtlijst({ peildatum: '2016-02-12' });
    // A1 01-01 → 02-12 = 42 days; A2 01-05 → 38 days; A3 ingetrokken; A4 afgerond on the peildatum.
    // nietGestart: V1 (levering 02-13) and V4 (besluit 02-10, levering 03-01); V5 ended on 02-12.
    expect(r).toEqual({
      peildatum: '2016-02-12',
      normen: { wmo: 42, jeugdwet: 56, participatiewet: 56 },
      totaal: { aanmeldingen: 2, aanmeldingenBovenNorm: 0, nietGestart: 2 },
      perGemeente: [{ gemeente: 'GM0005', aanmeldingen: 2, aanmeldingenBovenNorm: 0, nietGestart: 2 }],
      perWet: [
        { wet: 'jeugdwet', aanmeldingen: 1, aanmeldingenBovenNorm: 0, nietGestart: 1 },
        { wet: 'wmo', aanmeldingen: 1, aanmeldingenBovenNorm: 0, nietGestart: 1 },
      ],
      wachttijdVerdeling: klassen({ '29-42': 2 }),
    });
  });

  it('per 2016-02-13: A1 waits 43 days, above the norm; V1 started that day, so only V4 has not started', () => {
    const r = oracle.wachtlijst({ peildatum: '2016-02-13' });
    expect(r.totaal).toEqual({ aanmeldingen: 2, aanmeldingenBovenNorm: 1, nietGestart: 1 });
    expect(r.perWet).toEqual([
      { wet: 'jeugdwet', aanmeldingen: 1, aanmeldingenBovenNorm: 0, nietGestart: 1 },
      { wet: 'wmo', aanmeldingen: 1, aanmeldingenBovenNorm: 1, nietGestart: 0 },
    ]);
    expect(r.wachttijdVerdeling).toEqual(klassen({ '29-42': 1, '43-56': 1 }));
    // a configured norm of 43 days for the wmo: 43 is not above it
    const ruim = oracle.wachtlijst({ peildatum: '2016-02-13', normen: { wmo: 43 } });
    expect(ruim.normen).toEqual({ wmo: 43, jeugdwet: 56, participatiewet: 56 });
    expect(ruim.totaal.aanmeldingenBovenNorm).toBe(0);
  });

  it('per 2016-02-11 V5 (einddatum 02-12, never started) still waits; an ingetrokken aanmelding waits as known before its intrekking', () => {
    expect(oracle.wachtlijst({ peildatum: '2016-02-11' }).totaal).toEqual({ aanmeldingen: 3, aanmeldingenBovenNorm: 0, nietGestart: 3 });
    // A3 (wmo, 01-20) waits 22 days per 02-11 as known at T0
    expect(oracle.wachtlijst({ peildatum: '2016-02-11', kennisdatum: T0 }).totaal).toEqual({
      aanmeldingen: 4,
      aanmeldingenBovenNorm: 0,
      nietGestart: 3,
    });
  });

  it('attribute filters: leveringsvorm keeps no aanmeldingen, regeling keeps nothing at all', () => {
    expect(oracle.wachtlijst({ peildatum: '2016-02-12', leveringsvorm: 'pgb' }).totaal).toEqual({
      aanmeldingen: 0,
      aanmeldingenBovenNorm: 0,
      nietGestart: 1,
    });
    const regeling = oracle.wachtlijst({ peildatum: '2016-02-12', regeling: 'participatiewet' });
    expect(regeling.totaal).toEqual({ aanmeldingen: 0, aanmeldingenBovenNorm: 0, nietGestart: 0 });
    expect(regeling.perGemeente).toEqual([]);
    expect(oracle.wachtlijst({ peildatum: '2016-02-12', wet: 'jeugdwet' }).totaal).toEqual({
      aanmeldingen: 1,
      aanmeldingenBovenNorm: 0,
      nietGestart: 1,
    });
  });
});

describe('oracle: stapeling', () => {
  /*
   * P1 (GM0005, HH X): wmo 01–05 and a participatiewet uitkering        → 6 items, participatiewet+wmo
   * P2 (GM0005, HH X): jeugdwet 45                                      → 1 item,  jeugdwet
   * P3 (GM0005, alone): wmo 01, jeugdwet 41, bbz                        → 3 items, jeugdwet+participatiewet+wmo
   * P4 (GM0006, HH X): W1 wmo 01, W2 wmo 02 (open), W3 wmo 03 ending 2016-06-30,
   *                    W4 jeugdwet 45 from 2016-07-31, W5 wmo 04 ingetrokken
   * Households: GM0005:X (P1 + P2), P3 alone, GM0006:X (P4).
   */
  const log = new Log();
  const p1 = log.client(1, 'GM0005', '1960-01-01', 'vrouw', 'X');
  const p2 = log.client(2, 'GM0005', '2005-01-01', 'man', 'X');
  const p3 = log.client(3, 'GM0005', '1970-01-01', 'man');
  const p4 = log.client(4, 'GM0006', '1980-01-01', 'vrouw', 'X');
  const open = (pc: string, wet = 'wmo') => ({ wet, pc, lv: 'zin', besluit: '2016-01-01', ingang: '2016-01-01' });
  let n = 100;
  for (const pc of ['01', '02', '03', '04', '05']) log.voorziening(n++, p1, open(pc));
  log.uitkering(n++, p1, { regeling: 'participatiewet', ingang: '2016-01-01', instroomreden: 'overig' });
  log.voorziening(n++, p2, open('45', 'jeugdwet'));
  log.voorziening(n++, p3, open('01'));
  log.voorziening(n++, p3, open('41', 'jeugdwet'));
  log.uitkering(n++, p3, { regeling: 'bbz', ingang: '2016-01-01', instroomreden: 'overig' });
  log.voorziening(n++, p4, open('01'));
  log.voorziening(n++, p4, open('02'));
  log.voorziening(n++, p4, { ...open('03'), einde: '2016-06-30' });
  log.voorziening(n++, p4, { ...open('45', 'jeugdwet'), ingang: '2016-07-31' });
  log.voorziening(n, p4, open('04')).trekIn(T1);
  const oracle = new Oracle(log.events);
  const verdeling = (v: Record<string, number>) => ({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6+': 0, ...v });

  it('per 2016-06-30: distribution over clients and households, combinations of wetten, per gemeente', () => {
    expect(oracle.stapeling({ peildatum: '2016-06-30' })).toEqual({
      peildatum: '2016-06-30',
      totaal: {
        clienten: verdeling({ '1': 1, '2': 1, '3': 1, '6+': 1 }),
        // GM0005:X has 6 + 1 = 7 items
        huishoudens: verdeling({ '2': 1, '3': 1, '6+': 1 }),
        combinaties: { jeugdwet: 1, 'jeugdwet+participatiewet+wmo': 1, 'participatiewet+wmo': 1, wmo: 1 },
      },
      perGemeente: [
        {
          gemeente: 'GM0005',
          clienten: verdeling({ '1': 1, '3': 1, '6+': 1 }),
          huishoudens: verdeling({ '3': 1, '6+': 1 }),
          combinaties: { jeugdwet: 1, 'jeugdwet+participatiewet+wmo': 1, 'participatiewet+wmo': 1 },
        },
        { gemeente: 'GM0006', clienten: verdeling({ '2': 1 }), huishoudens: verdeling({ '2': 1 }), combinaties: { wmo: 1 } },
      ],
    });
  });

  it('over July 2016 every item active on one day counts: W4 starts on the last day, W3 ended the day before', () => {
    const r = oracle.stapeling({ van: '2016-07-01', tot: '2016-07-31' });
    expect(r.van).toBe('2016-07-01');
    expect(r.peildatum).toBeUndefined();
    expect(r.totaal.clienten).toEqual(verdeling({ '1': 1, '3': 2, '6+': 1 }));
    expect(r.totaal.combinaties).toEqual({ jeugdwet: 1, 'jeugdwet+participatiewet+wmo': 1, 'jeugdwet+wmo': 1, 'participatiewet+wmo': 1 });
    // from 06-30 W3 is active on the first day too
    expect(oracle.stapeling({ van: '2016-06-30', tot: '2016-07-31', gemeente: ['GM0006'] }).totaal.clienten).toEqual(verdeling({ '4': 1 }));
  });

  it('a wet filter stacks only that wet', () => {
    const r = oracle.stapeling({ peildatum: '2016-06-30', wet: 'wmo' });
    expect(r.totaal).toEqual({
      clienten: verdeling({ '1': 1, '2': 1, '5': 1 }),
      huishoudens: verdeling({ '1': 1, '2': 1, '5': 1 }),
      combinaties: { wmo: 3 },
    });
  });

  it('per 1,000 inwoners and huishoudens where population figures for the gemeente and year are loaded', () => {
    const r = oracle.stapeling({
      peildatum: '2016-06-30',
      bevolking: [
        { gemeente: 'GM0005', jaar: 2016, inwoners: 3000, huishoudens: 1400 },
        { gemeente: 'GM0006', jaar: 2015, inwoners: 1000, huishoudens: 500 },
      ],
    });
    // GM0005: 3 clients / 3000 → 1.0; 2 households / 1400 → 1.43 → 1.4. GM0006: no 2016 figures.
    expect(r.perGemeente[0]).toMatchObject({
      gemeente: 'GM0005',
      bevolking: { jaar: 2016, inwoners: 3000, huishoudens: 1400 },
      clientenPer1000Inwoners: 1,
      huishoudensPer1000Huishoudens: 1.4,
    });
    expect(r.perGemeente[1]).not.toHaveProperty('bevolking');
    expect(r.perGemeente[1]).not.toHaveProperty('clientenPer1000Inwoners');
  });
});

describe('oracle: bezwaren', () => {
  /*
   * Bekendmaking 2016-01-04: bezwaartermijn t/m 02-15, beslistermijn t/m 03-28; with a commissie or
   * verdaagd t/m 05-09. Bekendmaking 2015-12-01: t/m 2016-01-12, beslistermijn t/m 2016-02-23.
   */
  const log = new Log();
  const a = log.client(1, 'GM0005', '1960-01-01', 'vrouw');
  const b = log.client(2, 'GM0006', '1960-01-01', 'man');
  const gewoon = { wet: 'wmo', bekendmakingOp: '2016-01-04', uiterlijk: '2016-03-28' };
  log
    .bezwaar(1, a, { ...gewoon, ontvangenOp: '2016-02-01', onderwerp: 'huishoudelijke-hulp' })
    .handelAf('2016-03-28', 'ongegrond', '2016-03-28', true);
  log
    .bezwaar(2, a, { ...gewoon, ontvangenOp: '2016-02-05', onderwerp: 'huishoudelijke-hulp' })
    .handelAf('2016-03-29', 'gegrond', '2016-03-28', false);
  const b3 = log.bezwaar(3, a, { ...gewoon, ontvangenOp: '2016-02-10', onderwerp: 'pgb' });
  b3.verdaag('2016-03-20', '2016-05-09');
  b3.handelAf('2016-04-15', 'deels-gegrond', '2016-05-09', true);
  log
    .bezwaar(4, a, {
      ...gewoon,
      ontvangenOp: '2016-01-20',
      onderwerp: 'begeleiding-individueel',
      adviescommissie: true,
      uiterlijk: '2016-05-09',
    })
    .handelAf('2016-05-10', 'ongegrond', '2016-05-09', false);
  log.bezwaar(5, b, { ...gewoon, wet: 'participatiewet', ontvangenOp: '2016-03-15', onderwerp: 'overig' });
  log.bezwaar(6, a, { ...gewoon, ontvangenOp: '2016-02-15', onderwerp: 'overig' }).trekIn(T1);
  log
    .bezwaar(7, a, { ...gewoon, bekendmakingOp: '2015-12-01', uiterlijk: '2016-02-23', ontvangenOp: '2015-12-20', onderwerp: 'overig' })
    .handelAf('2016-02-01', 'niet-ontvankelijk', '2016-02-23', true);
  const oracle = new Oracle(log.events);
  const q1 = { van: '2016-01-01', tot: '2016-03-31' };

  it('Q1 2016: ontvangen B1–B5, afgehandeld B1, B2, B7; binnen termijn B1 (on the last day) and B7, not B2 (a day late)', () => {
    expect(oracle.bezwaren(q1)).toEqual({
      van: '2016-01-01',
      tot: '2016-03-31',
      totaal: {
        ontvangen: 5,
        afgehandeld: 3,
        perUitkomst: { gegrond: 1, ongegrond: 1, 'niet-ontvankelijk': 1 },
        perOnderwerp: { 'huishoudelijke-hulp': 2, pgb: 1, 'begeleiding-individueel': 1, overig: 1 },
        binnenTermijn: 2,
      },
      perGemeente: [
        {
          gemeente: 'GM0005',
          ontvangen: 4,
          afgehandeld: 3,
          perUitkomst: { gegrond: 1, ongegrond: 1, 'niet-ontvankelijk': 1 },
          perOnderwerp: { 'huishoudelijke-hulp': 2, pgb: 1, 'begeleiding-individueel': 1 },
          binnenTermijn: 2,
        },
        { gemeente: 'GM0006', ontvangen: 1, afgehandeld: 0, perUitkomst: {}, perOnderwerp: { overig: 1 }, binnenTermijn: 0 },
      ],
    });
  });

  it('Q2 2016: B3 verdaagd is binnen termijn on 04-15; B4 with a commissie one day late', () => {
    expect(oracle.bezwaren({ van: '2016-04-01', tot: '2016-06-30' }).totaal).toEqual({
      ontvangen: 0,
      afgehandeld: 2,
      perUitkomst: { 'deels-gegrond': 1, ongegrond: 1 },
      perOnderwerp: {},
      binnenTermijn: 1,
    });
  });

  it('as known at T0 nothing was afgehandeld yet and B6 not yet withdrawn; wet filters on the wet of the besluit', () => {
    const t0 = oracle.bezwaren({ ...q1, kennisdatum: T0 }).totaal;
    expect(t0).toMatchObject({ ontvangen: 6, afgehandeld: 0, binnenTermijn: 0, perUitkomst: {} });
    expect(oracle.bezwaren({ ...q1, wet: 'participatiewet' }).totaal).toMatchObject({ ontvangen: 1, afgehandeld: 0 });
    expect(oracle.bezwaren({ ...q1, gemeente: ['GM0006'] }).perGemeente.map((r) => r.gemeente)).toEqual(['GM0006']);
  });

  it('ignores the other filters (the bezwaren report takes gemeente and wet only)', () => {
    const f: OracleFilters = { leveringsvorm: 'pgb', regeling: 'bbz', productcategorie: '01' };
    expect(oracle.bezwaren({ ...q1, ...f })).toEqual(oracle.bezwaren(q1));
  });
});
