import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { startTestStack, type TestStack } from '../stack.js';
import { expectToegankelijk, geladen, getal, inloggen, kolom, schermafdruk, startChromium, tabellen } from './browser.js';
import { type Geschiedenis, registreer } from './geschiedenis.js';
import { verwachtePaginas } from './verwacht.js';

/**
 * The dashboard in real Chromium against the projections app, served at /dashboard by that app:
 * sign in, every page, filters, the numbers of every table against the REST API's, kennisdatum
 * pinning across a late beëindiging, publication mode, refusals, and axe on every page.
 */
let s: TestStack;
let browser: Browser;
let page: Page;
let basis: string;
let rapportage: string;
let geschiedenis: Geschiedenis;

const VIEW = { peildatum: '2016-06-30', van: '2016-01-01', tot: '2016-12-31', interval: 'kwartaal' };
const zoek = (extra: Record<string, string> = {}) => new URLSearchParams({ ...VIEW, ...extra }).toString();

/** A report as the API answers it to the same user. */
async function api(pad: string, params: Record<string, string>): Promise<any> {
  const res = await s.projections.http.get(`${pad}?${new URLSearchParams(params).toString()}`).set('Authorization', `Bearer ${rapportage}`);
  if (res.status !== 200) throw new Error(`${pad}: ${res.status} ${res.text}`);
  return res.body;
}

async function open(pad: string, extra: Record<string, string> = {}, verwacht = 'ja') {
  await page.goto(`${basis}/dashboard/${pad}?${zoek(extra)}`);
  expect(await geladen(page)).toBe(verwacht);
  return tabellen(page);
}

beforeAll(async () => {
  s = await startTestStack();
  geschiedenis = await registreer(s);
  rapportage = await s.token('rapportage', ['GM0005', 'GM0006']);
  // The read model has caught up with every registration before the browser looks.
  await api('/rapportages/stand', { peildatum: '2016-06-30', minPositie: String(geschiedenis.positie) });
  await s.projections.app.listen(0, '127.0.0.1');
  basis = `http://127.0.0.1:${(s.projections.app.getHttpServer().address() as AddressInfo).port}`;
  browser = await startChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
}, 30_000);

describe('the dashboard in Chromium', () => {
  it('asks for Rol and Gemeenten first (dev mode), on a page in Dutch, then shows the view the link names', async () => {
    await page.goto(`${basis}/dashboard/stand?${zoek()}`);
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expectToegankelijk(page, 'inloggen');
    await schermafdruk(page, 'inloggen');
    await inloggen(page, 'rapportage', 'GM0005, GM0006');
    expect(await geladen(page)).toBe('ja');
    expect(page.url()).toBe(`${basis}/dashboard/stand?${zoek()}`);
    expect(await page.getByText('Ingelogd als rapportage voor GM0005, GM0006').count()).toBe(1);
    // The token stays out of the URL and out of the page's address history.
    expect(page.url()).not.toMatch(/token|eyJ/);
  }, 60_000);

  for (const p of verwachtePaginas) {
    it(`${p.titel}: every table holds the REST API's numbers; axe finds nothing serious`, async () => {
      const gelezen = await open(p.pad);
      await expectToegankelijk(page, p.titel);
      await schermafdruk(page, p.pad || 'overzicht');
      const verwacht = await p.verwacht((pad, extra) => api(pad, { ...extra }), VIEW, false);
      for (const [titel, kolommen] of Object.entries(verwacht)) {
        for (const [sleutel, waarden] of Object.entries(kolommen)) {
          expect({ titel, sleutel, waarden: kolom(gelezen[titel], sleutel) }).toEqual({ titel, sleutel, waarden });
        }
      }
    }, 60_000);
  }

  it('applies filters from the form into the URL, and shows the filtered numbers', async () => {
    await open('stand');
    await page.getByLabel('Wet', { exact: true }).selectOption('wmo');
    await page.getByLabel('Leveringsvorm', { exact: true }).selectOption('zin');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await page.waitForURL(/wet=wmo/);
    expect(await geladen(page)).toBe('ja');
    expect(new URL(page.url()).searchParams.get('leveringsvorm')).toBe('zin');
    const t = await tabellen(page);
    const s1 = await api('/rapportages/stand', { peildatum: '2016-06-30', wet: 'wmo', leveringsvorm: 'zin' });
    expect(kolom(t['Stand op 30-06-2016'], 'voorzieningen')).toEqual({ totaal: s1.totaal.voorzieningen });
    expect(kolom(t['Stand op 30-06-2016 per gemeente'], 'clienten')).toEqual(
      Object.fromEntries(s1.perGemeente.map((g: any) => [g.gemeente, g.clienten])),
    );
    // One gemeente only.
    await page.getByLabel('Gemeente(n)').fill('gm0006');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await page.waitForURL(/gemeente=GM0006/);
    expect(await geladen(page)).toBe('ja');
    expect(Object.keys((await tabellen(page))['Stand op 30-06-2016 per gemeente'].rijen)).toEqual(['GM0006']);
  }, 60_000);

  it('offers the numbers of a figure as CSV (Excel NL: BOM, semicolons), the same as its table', async () => {
    const t = await open('stand');
    const figuur = page.locator('section.sd-figuur', { has: page.locator('caption', { hasText: /^Stand op 30-06-2016 per wet$/ }) });
    const [download] = await Promise.all([page.waitForEvent('download'), figuur.getByRole('button', { name: /Download CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe('stand-op-30-06-2016-per-wet.csv');
    const tekst = fs.readFileSync(await download.path(), 'utf8');
    expect(tekst.startsWith('\uFEFFWet;Voorzieningen;Cliënten;Huishoudens\r\n')).toBe(true);
    const regels = tekst.slice(1).split('\r\n').slice(1);
    const tabel = t['Stand op 30-06-2016 per wet'];
    expect(regels.map((r) => r.split(';').slice(1).map(Number))).toEqual(
      Object.values(tabel.rijen).map((r) => ['voorzieningen', 'clienten', 'huishoudens'].map((k) => getal(r[k]))),
    );
  }, 60_000);

  it('pins the kennisdatum: a late beëindiging changes today’s figure, not the pinned one', async () => {
    await open('stand');
    const voor = getal((await tabellen(page))['Stand op 30-06-2016'].rijen.totaal.voorzieningen);
    const vastgezet = (await page.getAttribute('a.sd-vastgezet', 'href'))!;
    expect(vastgezet).toMatch(/kennisdatum=\d{4}-\d{2}-\d{2}T/);

    const consulent = await s.token('consulent', ['GM0005']);
    const res = await s.voorzieningen.http
      .post(`/voorzieningen/${geschiedenis.laat}/beeindiging`)
      .set('Authorization', `Bearer ${consulent}`)
      .send({ einddatum: '2016-04-30', reden: 'voortijdig-client' });
    expect(res.status).toBe(200);
    const nu = await api('/rapportages/stand', { peildatum: '2016-06-30', minPositie: String(res.body.positie) });
    expect(nu.totaal.voorzieningen).toBe(voor! - 1);

    await open('stand');
    expect(getal((await tabellen(page))['Stand op 30-06-2016'].rijen.totaal.voorzieningen)).toBe(voor! - 1);

    await page.goto(`${basis}${vastgezet}`);
    expect(await geladen(page)).toBe('ja');
    expect(getal((await tabellen(page))['Stand op 30-06-2016'].rijen.totaal.voorzieningen)).toBe(voor);
    expect(await page.getByText('(vastgezet)').count()).toBe(1);
  }, 60_000);

  it('publication mode: secret cells say geheim, counts are rounded to 5, as the API publishes them', async () => {
    const t = await open('stand', { publicatie: 'true' });
    expect(await page.locator('.sd-publicatie').innerText()).toMatch(/afgerond op vijftallen.*0 tot en met 7 weergegeven als geheim/s);
    const pub = await api('/rapportages/stand', { peildatum: '2016-06-30', publicatie: 'true' });
    expect(kolom(t['Stand op 30-06-2016'], 'voorzieningen')).toEqual({ totaal: pub.totaal.voorzieningen });
    expect(pub.totaal.voorzieningen % 5).toBe(0);
    const perWet = kolom(t['Stand op 30-06-2016 per wet'], 'voorzieningen');
    expect(perWet).toEqual(Object.fromEntries(pub.perWet.map((w: any) => [w.wet, w.voorzieningen])));
    expect(Object.values(perWet)).toContain(null);
    // The one uitkering: a count of 1 is secret.
    expect(t['Stand op 30-06-2016 per wet'].rijen.participatiewet.voorzieningen).toBe('geheim');
    await expectToegankelijk(page, 'publicatie');
    await schermafdruk(page, 'publicatie');
  }, 60_000);

  it('shows a 403 naming the gemeente, and a 400 naming the field', async () => {
    await open('stand', { gemeente: 'GM0999' }, 'fout');
    expect(await page.locator('.sd-fout').innerText()).toContain('Geen toegang tot gemeente GM0999');
    await expectToegankelijk(page, 'geen toegang');
    await schermafdruk(page, 'geen-toegang');
    await open('stand', { peildatum: '2016-02-30' }, 'fout');
    expect(await page.locator('.sd-fout').innerText()).toContain('peildatum');
  }, 60_000);

  it('is usable by keyboard: the skip link comes first, Enter follows a link, focus moves to the new page’s heading', async () => {
    await open('stand');
    // The first element in the tab order is the skip link, and Enter on it moves to the content.
    const eerste = await page.evaluate(
      () =>
        (globalThis as any).document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')
          ?.textContent,
    );
    expect(eerste).toBe('Naar de inhoud');
    await page.getByRole('link', { name: 'Naar de inhoud' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#inhoud$/);
    await page.getByRole('link', { name: 'Wachtlijst' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard\/wachtlijst\?/);
    expect(await geladen(page)).toBe('ja');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.tagName)).toBe('H1');
    // The view's query goes along: the same gemeente, dates and interval.
    expect(new URL(page.url()).searchParams.get('interval')).toBe('kwartaal');
  }, 60_000);

  it('takes a regio instead of gemeenten: its numbers, and in stapeling the regio beside its gemeenten', async () => {
    const beheer = await s.token('beheer', ['GM0005', 'GM0006']);
    const res = await s.projections.http
      .put('/regios/TESTREGIO')
      .set('Authorization', `Bearer ${beheer}`)
      .send({ naam: 'Testregio', gemeenten: ['GM0005', 'GM0006'] });
    expect(res.status).toBe(200);
    const stapeling = await api('/rapportages/stapeling', {
      peildatum: '2016-06-30',
      regio: 'TESTREGIO',
      minPositie: String(res.body.positie),
    });
    expect(stapeling.filters.regio).toBe('TESTREGIO');

    const t = await open('stapeling', { regio: 'TESTREGIO' });
    expect(await page.getByLabel('Regio', { exact: true }).inputValue()).toBe('TESTREGIO');
    const per1000 = t['Cliënten en huishoudens met een voorziening per 1.000 op 30-06-2016'];
    expect(per1000.rijen.regio.gemeente).toBe('Regio Testregio');
    expect(kolom(per1000, 'clientenPer1000Inwoners')).toMatchObject(
      Object.fromEntries(stapeling.perGemeente.map((g: any) => [g.gemeente, g.clientenPer1000Inwoners])),
    );
    await open('stand', { regio: 'TESTREGIO' });
    const stand = await api('/rapportages/stand', { peildatum: '2016-06-30', regio: 'TESTREGIO' });
    expect(kolom((await tabellen(page))['Stand op 30-06-2016'], 'clienten')).toEqual({ totaal: stand.totaal.clienten });
  }, 60_000);

  it('goes back to sign-in when the API answers 401', async () => {
    await page.evaluate(() => (globalThis as any).sessionStorage.setItem('sd-dashboard-sessie', 'geen.geldig.token'));
    await page.goto(`${basis}/dashboard/stand?${zoek()}`);
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    expect(await page.getByText('Uw sessie is verlopen').count()).toBe(1);
  }, 60_000);
});
