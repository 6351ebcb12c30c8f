/** The dashboard's Overzicht page in Debian's Chromium, timed from navigation to its last chart drawn (issue 14). */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startChromium } from '@sd/testing';
import { verdeling } from './measure.js';
import type { RapportMeting } from './output.js';

export const DOEL_OVERZICHT_MS = 1500;
export const DOEL_BUNDEL_KB = 500;
export interface OverzichtOptions {
  /** Base URL of the projections app, which serves the dashboard at /dashboard. */
  basis: string;
  gemeenten: string[];
  requests: number;
  warmup: number;
  log: (regel: string) => void;
}

/**
 * Signs in on the dev form as `rapportage` for every gemeente, then opens the Overzicht `requests`
 * times (after `warmup` loads) for a gemeente in turn: the key figures on 2017-12-31 and their trend
 * per month over 36 months, as a user opens a link. The time is the page's own clock
 * (performance.now(), zero at navigation start) at the frame where every report has answered and
 * every chart has drawn (ECharts' `finished`, marked by data-getekend). Without Chromium: an error
 * that says how to install it, never a figure.
 */
export async function meetOverzicht(o: OverzichtOptions): Promise<RapportMeting> {
  const browser = await startChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${o.basis}/dashboard/`);
    await page.getByLabel('Rol').selectOption('rapportage');
    await page.getByLabel('Gemeenten').fill(o.gemeenten.join(','));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('navigation', { name: 'Rapportages' }).waitFor();
    let apiVerzoeken = 0;
    page.on('request', (r) => {
      if (r.url().includes('/rapportages/')) apiVerzoeken++;
    });
    const tijden: number[] = [];
    const perGemeente: Record<string, number[]> = {};
    let traagste = { ms: -1, query: '' };
    for (let i = 0; i < o.warmup + o.requests; i++) {
      const gemeente = o.gemeenten[i % o.gemeenten.length];
      const query = `gemeente=${gemeente}&peildatum=2017-12-31&van=2015-01-01&tot=2017-12-31&interval=maand`;
      await page.goto(`${o.basis}/dashboard/?${query}`);
      const ms = await page
        .waitForFunction(
          () => {
            const doc = (globalThis as any).document;
            const kader = doc.querySelector('.sd-cijfers');
            if (!kader || kader.getAttribute('data-geladen') === 'nee') return false;
            if (kader.getAttribute('data-geladen') === 'fout') throw new Error(`the page shows an error: ${kader.textContent}`);
            const grafieken = Array.from<any>(doc.querySelectorAll('.sd-grafiek'));
            return grafieken.length > 0 && grafieken.every((g) => g.dataset.getekend === 'ja')
              ? (globalThis as any).performance.now()
              : false;
          },
          undefined,
          { timeout: 30_000, polling: 'raf' },
        )
        .catch(async (e: Error) => {
          const tekst = await page.evaluate(() => String((globalThis as any).document.body.innerText).slice(0, 300)).catch(() => '?');
          throw new Error(`${e.message} on ${page.url()}; the page says: ${tekst}`);
        });
      if (i < o.warmup) continue;
      const t = await ms.jsonValue();
      tijden.push(t);
      (perGemeente[gemeente] ??= []).push(t);
      if (t > traagste.ms) traagste = { ms: t, query };
    }
    const meting: RapportMeting = {
      rapport: 'Overzicht page in Chromium',
      scope: 'een',
      verdeling: verdeling(tijden),
      doelMs: DOEL_OVERZICHT_MS,
      fouten: 0,
      bytes: 0,
      traagste,
      perGemeente: Object.fromEntries(Object.entries(perGemeente).map(([g, t]) => [g, { n: t.length, p95: verdeling(t).p95 }])),
    };
    o.log(
      `Overzicht page in Chromium, ${o.requests} loads from navigation to the last chart drawn (${Math.round(apiVerzoeken / (o.warmup + o.requests))} API requests each): p50 ${meting.verdeling.p50.toFixed(0)} ms, p95 ${meting.verdeling.p95.toFixed(0)} ms (target < ${DOEL_OVERZICHT_MS} ms)`,
    );
    return meting;
  } finally {
    await browser.close();
  }
}

/** The dashboard's JavaScript as the browser downloads it, gzipped (level 9), in KB; DASHBOARD_DIR is where bench/run.mjs built it. */
export function dashboardJavaScriptKb(map = process.env.DASHBOARD_DIR ?? ''): number {
  const assets = path.join(map, 'assets');
  const scripts = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  return Math.round(scripts.reduce((som, f) => som + gzipSync(fs.readFileSync(path.join(assets, f)), { level: 9 }).length, 0) / 1024);
}
