import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';

export { CHROMIUM, startChromium } from '@sd/testing';

export const UITVOER = path.resolve(import.meta.dirname, '../../test-output/dashboard');

/** Signs in on the dev form: the labels the issue names (Rol, Gemeenten) and the button Inloggen. */
export async function inloggen(page: Page, rol: string, gemeenten: string): Promise<void> {
  await page.getByLabel('Rol').selectOption(rol);
  await page.getByLabel('Gemeenten').fill(gemeenten);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Waits until the page's reports have answered (or refused). */
export async function geladen(page: Page): Promise<string> {
  await page.waitForSelector('.sd-cijfers:not([data-geladen="nee"])', { timeout: 20_000 });
  return (await page.getAttribute('.sd-cijfers', 'data-geladen'))!;
}

export interface GelezenTabel {
  kolommen: string[];
  /** row key → column key → the cell's text */
  rijen: Record<string, Record<string, string>>;
}

/** Every table of the page by its caption, read as a person sees it (cell texts), keyed by the codes in data-sleutel. */
export async function tabellen(page: Page): Promise<Record<string, GelezenTabel>> {
  // Runs in the page; the root tsconfig has no DOM types, hence `any`.
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    const uit: Record<string, GelezenTabel> = {};
    for (const t of Array.from<any>(doc.querySelectorAll('table'))) {
      const kolommen = Array.from<any>(t.querySelectorAll('thead th')).map((th) => th.getAttribute('data-sleutel') ?? '');
      const rijen: Record<string, Record<string, string>> = {};
      for (const tr of Array.from<any>(t.querySelectorAll('tbody tr[data-sleutel]'))) {
        const cellen: Record<string, string> = {};
        for (const c of Array.from<any>(tr.querySelectorAll('th, td')))
          cellen[c.getAttribute('data-sleutel') ?? ''] = String(c.textContent ?? '').trim();
        rijen[tr.getAttribute('data-sleutel')] = cellen;
      }
      uit[String(t.querySelector('caption')?.textContent ?? '').trim()] = { kolommen, rijen };
    }
    return uit;
  });
}

/** A cell's text as a number: `1.302` → 1302, `12,5%` → 12.5, `geheim` → null. */
export function getal(tekst: string | undefined): number | null {
  if (tekst === undefined) throw new Error('no such cell');
  if (tekst === 'geheim') return null;
  const n = Number(tekst.replace(/\./g, '').replace(',', '.').replace('%', ''));
  if (Number.isNaN(n)) throw new Error(`not a number: ${tekst}`);
  return n;
}

/** The cells of one column of a table, as numbers, by row key. */
export function kolom(t: GelezenTabel | undefined, sleutel: string): Record<string, number | null> {
  if (!t) throw new Error('no such table');
  return Object.fromEntries(Object.entries(t.rijen).map(([rij, cellen]) => [rij, getal(cellen[sleutel])]));
}

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it is (WCAG 2.0/2.1 A and AA rules): no violation of impact serious or
 * critical. Injected with evaluate, which the dashboard's Content-Security-Policy does not block.
 */
export async function expectToegankelijk(page: Page, naam: string): Promise<void> {
  await page.evaluate(AXE);
  const resultaat: { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] } = await page.evaluate(() =>
    (globalThis as any).axe.run((globalThis as any).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  const ernstig = resultaat.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${naam}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(ernstig).toEqual([]);
}

export async function schermafdruk(page: Page, naam: string): Promise<void> {
  fs.mkdirSync(UITVOER, { recursive: true });
  await page.screenshot({ path: path.join(UITVOER, `${naam}.png`), fullPage: true });
}
