import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const hier = path.dirname(fileURLToPath(import.meta.url));
// `vite` (dev server) sends the API calls to a running projections app, so the dashboard stays same-origin.
const api = process.env.PROJECTIONS_URL ?? 'http://127.0.0.1:3003';

export default defineConfig({
  root: hier,
  // Served by the projections app at /dashboard (apps/projections/src/dashboard/dashboard.module.ts).
  base: '/dashboard/',
  plugins: [react()],
  build: {
    // scripts/setup.mjs passes --outDir (its fresh dist folder); this is the default for a bare `vite build`.
    outDir: path.resolve(hier, '../../dist/dashboard'),
    emptyOutDir: true,
    // The budget is 500 KB of JavaScript gzipped (test/dashboard/bundel.spec.ts); minified it is about twice that.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/rapportages': api,
      '/regios': api,
      '/auth': api,
      '/dashboard/config.json': api,
    },
  },
});
