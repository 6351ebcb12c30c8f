import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportRegels, schrijfExport } from '../test/export-bestand.js';
import { Log, T0, T1, T2 } from '../test/log.js';
import { decodeerInvoer, herbereken, type HerberekeningVraag, leesExport, Oracle, type RapportNaam, vergelijkCijfers } from './index.js';

/*
 * The recomputation from an auditor's export against the oracle over the whole log: every figure
 * equal, except the age breakdown of the stand, which the export cannot give (geboortedatum is
 * hidden) and which must be named as not recomputable.
 */

function geschiedenis(): Log {
  const log = new Log();
  const c1 = log.client(1, 'GM0005', '1950-07-01', 'vrouw', 'H1');
  const c2 = log.client(2, 'GM0005', '1948-03-15', 'man', 'H1');
  const c3 = log.client(3, 'GM0005', '2008-09-15', 'man');
  const c4 = log.client(4, 'GM0006', '1990-12-31', 'onbekend', 'H1');
  const c5 = log.client(5, 'GM0006', '2001-05-20', 'vrouw');

  const v1 = log.voorziening(11, c1, { wet: 'wmo', pc: '01', lv: 'zin', besluit: '2016-01-20', ingang: '2016-02-01' });
  v1.start('2016-02-13');
  v1.beeindig('2016-03-31', 'overlijden', T2);
  const v2 = log.voorziening(12, c1, { wet: 'wmo', pc: '02', lv: 'pgb', besluit: '2015-12-15', ingang: '2016-01-01', einde: '2016-03-31' });
  v2.corrigeer({ productcategorie: '03', einddatum: null }, T1);
  log.voorziening(13, c2, { wet: 'wmo', pc: '01', lv: 'zin', besluit: '2016-02-20', ingang: '2016-03-01' }).trekIn(T1);
  const v4 = log.voorziening(14, c3, { wet: 'jeugdwet', pc: '45', lv: 'pgb', besluit: '2016-02-10', ingang: '2016-02-15' });
  v4.beeindigV1('2016-06-30', 'voortijdig-client', T1);
  log.voorziening(15, c4, { wet: 'wmo', pc: '06', lv: 'zin', besluit: '2016-01-10', ingang: '2016-01-10' }).start('2016-01-10');
  log.voorziening(16, c5, { wet: 'jeugdwet', pc: '45', lv: 'zin', besluit: '2016-04-01', ingang: '2016-04-01' }, T1);
  log
    .uitkering(21, c2, { regeling: 'participatiewet', ingang: '2015-12-01', instroomreden: 'einde-ww' })
    .beeindig('2016-03-15', 'werk', T1);
  log.uitkering(22, c4, { regeling: 'ioaw', ingang: '2016-03-01', instroomreden: 'einde-werk' });
  log.aanmelding(31, c1, 'wmo', '2016-01-01').rondAf('2016-02-20');
  log.aanmelding(32, c3, 'jeugdwet', '2016-01-05');
  log.aanmelding(33, c5, 'jeugdwet', '2016-02-01').trekIn(T1);
  const b1 = log.bezwaar(41, c4, {
    wet: 'wmo',
    ontvangenOp: '2016-02-01',
    onderwerp: 'huishoudelijke-hulp',
    bekendmakingOp: '2016-01-15',
    uiterlijk: '2016-04-07',
  });
  b1.handelAf('2016-04-01', 'ongegrond', '2016-04-07', true);
  log.add(
    'bevolking',
    'bevolking-GM0005',
    'BevolkingVastgesteld',
    { gemeente: 'GM0005', jaar: 2016, inwoners: 12_000, huishoudens: 5_300 },
    T0,
  );
  return log;
}

const PEILDATA = ['2015-12-31', '2016-01-31', '2016-02-29', '2016-03-15', '2016-03-31', '2016-06-30'];
const PERIODEN = [
  { van: '2016-01-01', tot: '2016-03-31' },
  { van: '2016-03-01', tot: '2016-03-31' },
  { van: '2016-01-01', tot: '2016-12-31' },
];
const KENNISDATA = [undefined, T0, T1, T2];
const GEMEENTE_FILTERS = [undefined, ['GM0005'], ['GM0006']];

function vragen(): HerberekeningVraag[] {
  const uit: HerberekeningVraag[] = [];
  for (const kennisdatum of KENNISDATA)
    for (const gemeente of GEMEENTE_FILTERS) {
      const f = { kennisdatum, ...(gemeente ? { gemeente } : {}) };
      for (const peildatum of PEILDATA)
        for (const rapport of ['stand', 'wachtlijst', 'stapeling'] as RapportNaam[]) uit.push({ rapport, peildatum, ...f });
      for (const p of PERIODEN)
        for (const rapport of ['instroom-uitstroom', 'bezwaren', 'stapeling'] as RapportNaam[]) uit.push({ rapport, ...p, ...f });
      uit.push({ rapport: 'stand', peildatum: '2016-03-31', wet: 'wmo', ...f });
      uit.push({ rapport: 'instroom-uitstroom', ...PERIODEN[0], leveringsvorm: 'pgb', ...f });
    }
  return uit;
}

describe('herberekening from an export', () => {
  const log = geschiedenis();
  const heel = new Oracle(log.events);
  let map: string;
  let bestand: string;

  beforeAll(async () => {
    map = await mkdtemp(join(tmpdir(), 'herbereken-'));
    bestand = join(map, 'export.ndjson');
    await schrijfExport(bestand, exportRegels(log.events, ['GM0005', 'GM0006']));
  });
  afterAll(async () => {
    await rm(map, { recursive: true, force: true });
  });

  it('the export holds no BSN nor birth date, and its events lack them', async () => {
    const tekst = await readFile(bestand, 'utf8');
    expect(tekst).not.toContain('111222333');
    expect(tekst).not.toContain('1950-07-01');
    const { kop, events } = await leesExport(bestand);
    expect(kop.totPositie).toBe(log.events.length);
    expect(events).toHaveLength(log.events.length);
    const client = events.find((e) => e.type === 'ClientGeregistreerd')!;
    expect(client.verborgen).toEqual(['bsn', 'geboortedatum']);
    expect(client.data).not.toHaveProperty('geboortedatum');
    expect(client.data).toHaveProperty('geslacht', 'vrouw');
    expect(events.find((e) => e.type === 'RegistratieGecorrigeerd')!.verborgen).toEqual(['reden']);
  });

  it('equals the oracle over the whole log for every figure but the age breakdown, which it names as not recomputable', async () => {
    const uitExport = new Oracle((await leesExport(bestand)).events);
    const verschillen: string[] = [];
    let leeftijdGezien = 0;
    for (const v of vragen()) {
      const a = herbereken(heel, v);
      const b = herbereken(uitExport, v);
      expect(a.nietHerberekenbaar).toEqual([]);
      if (v.rapport === 'stand') {
        expect(b.nietHerberekenbaar).toEqual([
          { rapport: 'stand', pad: 'perLeeftijdsgroep', reden: 'niet herberekenbaar: geboortedatum is verborgen in de export' },
        ]);
        expect(b.cijfers).not.toHaveProperty('perLeeftijdsgroep');
        if ((a.cijfers.perLeeftijdsgroep as unknown[]).length > 0) leeftijdGezien++;
      } else expect(b.nietHerberekenbaar).toEqual([]);
      const { perLeeftijdsgroep: _weg, ...zonder } = a.cijfers;
      if (JSON.stringify(zonder) !== JSON.stringify(b.cijfers)) verschillen.push(JSON.stringify(v));
      // The comparison the CLI makes: the whole report (as the API would answer) against the recomputation.
      const vergelijking = vergelijkCijfers(
        a.cijfers,
        b.cijfers,
        b.nietHerberekenbaar.map((n) => n.pad),
      );
      expect(vergelijking.verschillen).toEqual([]);
      expect(vergelijking.vergeleken).toBeGreaterThan(0);
    }
    expect(verschillen).toEqual([]);
    expect(leeftijdGezien).toBeGreaterThan(10);
    // The figures are not trivially empty: the bevolking, a correctie and late registrations count.
    const stapeling = herbereken(uitExport, { rapport: 'stapeling', peildatum: '2016-03-15' }).cijfers as { perGemeente: object[] };
    expect(stapeling.perGemeente[0]).toMatchObject({ gemeente: 'GM0005', bevolking: { inwoners: 12_000 } });
  });

  it('an export of one gemeente (the other as `ander` lines) recomputes that gemeente', async () => {
    const een = join(map, 'een.ndjson');
    await schrijfExport(een, exportRegels(log.events, ['GM0005']));
    const tekst = await readFile(een, 'utf8');
    expect(tekst).toContain('"soort":"ander"');
    const { events } = await leesExport(een);
    expect(events.every((e) => e.gemeente === 'GM0005')).toBe(true);
    const uitExport = new Oracle(events);
    for (const peildatum of PEILDATA) {
      const v: HerberekeningVraag = { rapport: 'stand', peildatum, gemeente: ['GM0005'] };
      const { perLeeftijdsgroep: _weg, ...verwacht } = herbereken(heel, v).cijfers;
      expect(herbereken(uitExport, v).cijfers).toEqual(verwacht);
    }
  });

  it('names every differing figure by its path, rows matched by their keys', () => {
    const v: HerberekeningVraag = { rapport: 'stand', peildatum: '2016-03-15' };
    const api = structuredClone(herbereken(heel, v).cijfers) as { perWet: { wet: string; clienten: number }[]; perGemeente: unknown[] };
    const wmo = api.perWet.find((r) => r.wet === 'wmo')!;
    wmo.clienten += 1;
    api.perGemeente.pop();
    const her = herbereken(new Oracle(log.events.map((e) => ({ ...e }))), v).cijfers;
    const { verschillen } = vergelijkCijfers({ ...api, rapport: 'stand', positie: 9 }, her, []);
    expect(verschillen).toEqual([
      { pad: 'perGemeente[gemeente=GM0006]', api: undefined, herberekend: expect.objectContaining({ gemeente: 'GM0006' }) },
      { pad: 'perWet[wet=wmo].clienten', api: wmo.clienten, herberekend: wmo.clienten - 1 },
    ]);
  });

  it('refuses an export that is none, and a hidden field it does not know', async () => {
    const fout = join(map, 'fout.ndjson');
    await schrijfExport(fout, exportRegels(log.events, ['GM0005']).slice(1));
    await expect(leesExport(fout)).rejects.toThrow(/geen kop/);
    const e = { ...log.events[0], data: { ...log.events[0].data }, verborgen: ['geslacht'] };
    delete e.data.geslacht;
    expect(() => decodeerInvoer(e)).toThrow(/geslacht is verborgen en heeft geen plaatshouder/);
  });
});
