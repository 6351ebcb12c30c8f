import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';

/** The dashboard's JavaScript stays under 500 KB gzipped (only the ECharts parts it draws). `npm test` builds dist/ first. */
const MAP = path.resolve(import.meta.dirname, '../../dist/dashboard');

describe('the dashboard bundle', () => {
  it('is built, and its JavaScript is under 500 KB gzipped', () => {
    const index = fs.readFileSync(path.join(MAP, 'index.html'), 'utf8');
    expect(index).toContain('<html lang="nl">');
    const scripts = fs.readdirSync(path.join(MAP, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const gzip = scripts.reduce((som, f) => som + gzipSync(fs.readFileSync(path.join(MAP, 'assets', f)), { level: 9 }).length, 0);
    expect(gzip).toBeLessThan(500 * 1024);
  });
});
