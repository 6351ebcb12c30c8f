import { Casus, settledHead } from '../helpers.js';
import type { TestStack } from '../stack.js';

/**
 * A small history registered through REST as consultants do, in GM0005 and GM0006, 2016: ten Wmo
 * huishoudelijke hulp in natura (one not yet delivered), a pgb begeleiding that will get a late
 * beëindiging, a Jeugdwet pgb that ends in May, an uitkering beside a Wmo voorziening (stapeling),
 * two open aanmeldingen and two bezwaren. Enough above 7 for publication mode to round, not only hide.
 */
export interface Geschiedenis {
  /** The voorziening that gets its late beëindiging in the test. */
  laat: string;
  /** The event store's head once everything is registered (for minPositie). */
  positie: number;
}

export async function registreer(s: TestStack): Promise<Geschiedenis> {
  const consulent = await s.token('consulent', ['GM0005', 'GM0006'], 'consulent-dashboard');
  const c5 = new Casus(s, consulent, 'GM0005');
  const c6 = new Casus(s, consulent, 'GM0006');

  const wmo = { wet: 'wmo', productcategorie: '01', leveringsvorm: 'zin', besluitdatum: '2015-12-15', ingangsdatum: '2016-01-01' };
  const clienten: string[] = [];
  const hulp: string[] = [];
  for (let i = 0; i < 10; i++) {
    clienten.push(await c5.client({ huishoudenId: `HH-${i % 8}` }));
    hulp.push(await c5.voorziening({ ...wmo, clientId: clienten[i] }));
  }
  for (const id of hulp.slice(1)) await c5.ok(`/voorzieningen/${id}/start-levering`, { datum: '2016-01-04' });

  const laat = await c5.voorziening({
    wet: 'wmo',
    productcategorie: '02',
    leveringsvorm: 'pgb',
    besluitdatum: '2016-01-20',
    ingangsdatum: '2016-02-01',
  });
  await c5.ok(`/voorzieningen/${laat}/start-levering`, { datum: '2016-02-01' });

  const kind = await c5.client({ geboortedatum: '2008-03-01', geslacht: 'vrouw' });
  await c5.voorziening({
    clientId: kind,
    wet: 'jeugdwet',
    productcategorie: '45',
    leveringsvorm: 'pgb',
    besluitdatum: '2016-02-15',
    ingangsdatum: '2016-03-01',
    einddatum: '2016-05-31',
  });

  // The first Wmo client also has an uitkering: two items under two wetten.
  const uitkering = await c5.uitkering({ clientId: clienten[0], ingangsdatum: '2016-01-15', instroomreden: 'einde-ww' });
  await c5.ok(`/uitkeringen/${uitkering}/beeindiging`, { einddatum: '2016-08-31', uitstroomreden: 'werk' });

  await c5.aanmelding(await c5.client(), { wet: 'wmo', ontvangenOp: '2016-04-01' });
  await c5.aanmelding(kind, { wet: 'jeugdwet', ontvangenOp: '2016-06-20' });

  const b1 = await c5.bezwaar(hulp[1], { ontvangenOp: '2016-02-10', onderwerp: 'huishoudelijke-hulp' });
  await c5.ok(`/bezwaren/${b1}/afhandeling`, { afgehandeldOp: '2016-03-15', uitkomst: 'ongegrond' });
  const b2 = await c5.bezwaar(laat, { ontvangenOp: '2016-05-02', onderwerp: 'pgb' });
  await c5.ok(`/bezwaren/${b2}/afhandeling`, { afgehandeldOp: '2016-09-30', uitkomst: 'gegrond' });

  const ander = await c6.voorziening({ ...wmo, clientId: await c6.client() });
  await c6.ok(`/voorzieningen/${ander}/start-levering`, { datum: '2016-01-11' });

  const beheer = await s.token('beheer', ['GM0005', 'GM0006']);
  for (const [gemeente, inwoners, huishoudens] of [
    ['GM0005', 10_000, 4_500],
    ['GM0006', 5_000, 2_000],
  ] as const) {
    const res = await s.projections.http
      .put(`/bevolking/${gemeente}/2016`)
      .set('Authorization', `Bearer ${beheer}`)
      .send({ inwoners, huishoudens });
    if (res.status !== 200) throw new Error(`bevolking: ${res.status} ${res.text}`);
  }
  return { laat, positie: await settledHead(s) };
}
