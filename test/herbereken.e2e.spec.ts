import type { KopRegel } from '@sd/audit';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@sd/event-store';
import { leesExport, Oracle } from '@sd/herberekening';
import { type Haal, vergelijkMetApi } from '../apps/audit-cli/src/herberekening/tegen-api.js';
import { rapportVraag } from '../apps/audit-cli/src/herberekening/vraag.js';
import { verifieer } from '../apps/audit-cli/src/opdrachten/verifieer-leesmodellen.js';
import { generateHistory, type GeneratedHistory } from '../apps/projections/test/history-generator.js';
import { exportRegels, schrijfExport } from '../libs/herberekening/test/export-bestand.js';
import { startTestStack, type TestStack } from './stack.js';

/**
 * `herbereken --vergelijk` and `verifieer-leesmodellen` against the real projections app: a
 * generated history registered through REST, an export built from the event store (as the server's
 * export endpoint would), and every report recomputed from that export alone equal to the API's,
 * figure for figure, but for the age breakdown, which is listed as not compared. A read-model row
 * changed by hand in PostgreSQL is found.
 */

const GEMEENTEN = ['GM0005', 'GM0006'];

let s: TestStack;
let history: GeneratedHistory;
let map: string;
let kop: KopRegel;
let oracle: Oracle;
let haal: Haal;

beforeAll(async () => {
  s = await startTestStack();
  history = await generateHistory(s, { seed: 20_170_101, clienten: 60, gemeenten: GEMEENTEN });
  const events: RecordedEvent[] = [];
  for (let after = 0; ;) {
    const batch = await s.store.readAll({ after, limit: 1000 });
    if (batch.length === 0) break;
    events.push(...batch);
    after = batch[batch.length - 1].globalPosition;
  }
  map = await mkdtemp(join(tmpdir(), 'herbereken-e2e-'));
  const bestand = join(map, 'export.ndjson');
  // Only GM0005 and GM0006 asked: GM0007's clients are not generated, but any other event is an `ander` line.
  await schrijfExport(bestand, exportRegels(events, GEMEENTEN));
  const invoer = await leesExport(bestand);
  kop = invoer.kop;
  oracle = new Oracle(invoer.events);
  const token = await s.token('auditor', GEMEENTEN);
  haal = async (pad) => {
    const res = await s.projections.http.get(pad).set('Authorization', `Bearer ${token}`).set('Accept', 'application/json');
    if (res.status !== 200) throw new Error(`${pad} → ${res.status} ${res.text.slice(0, 300)}`);
    return res.body as Record<string, unknown>;
  };
}, 240_000);

afterAll(async () => {
  if (map) await rm(map, { recursive: true, force: true });
  await s?.close();
});

async function verschillenVoor(rapport: string, params: Record<string, string>) {
  const { vergelijking, herberekening } = await vergelijkMetApi(oracle, kop, rapportVraag(rapport, params, kop), haal);
  expect(vergelijking.vergeleken).toBeGreaterThan(2);
  return { vergelijking, herberekening };
}

describe('herbereken --vergelijk against the API', () => {
  it('agrees on every figure over peildata, periods, filters and kennisdata; the age breakdown is listed as not compared', async () => {
    const kennisdata: Record<string, string>[] = [
      {},
      { kennisdatum: history.kennisdata[0].toISOString() },
      { kennisdatum: history.kennisdata[1].toISOString() },
    ];
    const filters: Record<string, string>[] = [
      {},
      { gemeente: 'GM0006' },
      { wet: 'wmo' },
      { leveringsvorm: 'pgb' },
      { gemeente: 'GM0005', regeling: 'participatiewet' },
    ];
    const vragen: [string, Record<string, string>][] = [];
    for (const k of kennisdata)
      for (const f of filters) {
        for (const peildatum of ['2015-12-31', '2016-06-30', '2016-11-15'])
          for (const rapport of ['stand', 'wachtlijst', 'stapeling']) vragen.push([rapport, { peildatum, ...f, ...k }]);
        for (const periode of ['2016-Q2', '2016'])
          for (const rapport of ['instroom-uitstroom', 'stapeling']) vragen.push([rapport, { periode, ...f, ...k }]);
        vragen.push(['instroom-uitstroom', { van: '2015-10-17', tot: '2016-02-03', ...f, ...k }]);
      }
    for (const k of kennisdata)
      for (const f of [{}, { gemeente: 'GM0005' }, { wet: 'jeugdwet' }] as Record<string, string>[])
        vragen.push(['bezwaren', { periode: '2016-H1', ...f, ...k }]);
    vragen.push(['stand', { peildatum: '2016-06-30', kennisdatum: '2016-06-30' }]);

    const fout: string[] = [];
    let cijfers = 0;
    for (const [rapport, params] of vragen) {
      const { vergelijking } = await verschillenVoor(rapport, params);
      cijfers += vergelijking.vergeleken;
      if (vergelijking.verschillen.length)
        fout.push(`${rapport} ${JSON.stringify(params)}: ${JSON.stringify(vergelijking.verschillen.slice(0, 3))}`);
      expect(vergelijking.nietVergeleken).toEqual(rapport === 'stand' ? ['perLeeftijdsgroep'] : []);
    }
    expect(fout).toEqual([]);
    expect(cijfers).toBeGreaterThan(20 * vragen.length);
  }, 300_000);

  it('verifieer-leesmodellen finds every report equal over its default spread', async () => {
    const { standaardSpreiding } = await import('../apps/audit-cli/src/opdrachten/verifieer-leesmodellen.js');
    const punten = standaardSpreiding(oracle);
    expect(punten.peildata.length).toBeGreaterThan(3);
    const uitslagen = await verifieer(oracle, kop, 'GM0005', punten, haal);
    expect(uitslagen.filter((u) => u.verschillen > 0)).toEqual([]);
    expect(uitslagen).toHaveLength(3 * punten.peildata.length + 3 * punten.perioden.length);
  }, 120_000);

  it('finds a read-model row changed by hand: one item moved from wmo to jeugdwet', async () => {
    const { rows } = await s.db.pool.query<{ schema_naam: string }>(`SELECT schema_naam FROM rm_generatie WHERE status = 'actief'`);
    const schema = `"${rows[0].schema_naam}"`;
    const peildatum = '2016-06-30';
    const gewijzigd = await s.db.pool.query(
      `UPDATE ${schema}.rm_item SET wet = 'jeugdwet'
        WHERE item_id = (SELECT item_id FROM ${schema}.rm_item
                          WHERE known_to IS NULL AND NOT ingetrokken AND soort = 'voorziening' AND wet = 'wmo' AND gemeente = 'GM0005'
                            AND ingangsdatum <= $1 AND (einddatum IS NULL OR einddatum > $1)
                          ORDER BY item_id LIMIT 1)
          AND known_to IS NULL`,
      [peildatum],
    );
    expect(gewijzigd.rowCount).toBe(1);
    const { vergelijking } = await verschillenVoor('stand', { peildatum });
    const paden = vergelijking.verschillen.map((v) => v.pad);
    expect(paden).toEqual(expect.arrayContaining(['perWet[wet=wmo].voorzieningen', 'perWet[wet=jeugdwet].voorzieningen']));
    const wmo = vergelijking.verschillen.find((v) => v.pad === 'perWet[wet=wmo].voorzieningen')!;
    expect(wmo.api).toBe((wmo.herberekend as number) - 1);
    // The totals do not see a wet moving; the breakdown does.
    expect(paden).not.toContain('totaal.voorzieningen');

    const uitslagen = await verifieer(oracle, kop, 'GM0005', { peildata: [peildatum], perioden: [] }, haal);
    expect(uitslagen.find((u) => u.rapport === 'stand')!.verschillen).toBeGreaterThan(0);
  }, 60_000);
});
