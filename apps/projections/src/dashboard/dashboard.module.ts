import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Module, type OnModuleInit } from '@nestjs/common';
import { ApplicationConfig, HttpAdapterHost } from '@nestjs/core';
import { ExpressLoader } from '@nestjs/serve-static';
import type { Response } from 'express';
import { DashboardConfigController, dashboardConfigFromEnv } from './dashboard-config.controller.js';

/**
 * Where `npm run build` puts the dashboard (apps/dashboard, built by Vite): dist/dashboard. This
 * file runs from dist/apps/projections/src/dashboard (npm start, the image) or from the sources
 * (the tests); both find the same folder. DASHBOARD_DIR overrides it.
 */
function dashboardMap(): string {
  if (process.env.DASHBOARD_DIR) return path.resolve(process.env.DASHBOARD_DIR);
  const boven = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
  return path.basename(boven) === 'dist' ? path.join(boven, 'dashboard') : path.join(boven, 'dist', 'dashboard');
}

/**
 * The dashboard's own headers: hashed assets cached for a year, the page never; a policy that lets
 * it load only its own scripts and talk only to this origin (and the OIDC issuer, for the token).
 */
function headers(res: Response, bestand: string): void {
  const issuer = dashboardConfigFromEnv().oidcIssuer;
  const connect = ["'self'", ...(issuer ? [new URL(issuer).origin] : [])].join(' ');
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src ${connect}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`,
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', bestand.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * The reporting dashboard at /dashboard: a front end only, served by this app so that it shares
 * the API's origin and bearer token. Every path under /dashboard that is no file is the page
 * (the dashboard routes in the browser); /dashboard/config.json tells it how to sign in.
 *
 * @nestjs/serve-static's ExpressLoader does the serving, registered here when the app starts.
 * Its ServeStaticModule would pick the loader as soon as its providers are made, and Nest's
 * TestingModule makes them before the app has its HTTP adapter, so under test it served nothing.
 */
@Module({ controllers: [DashboardConfigController] })
export class DashboardModule implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly config: ApplicationConfig,
  ) {}

  onModuleInit(): void {
    // An application context without HTTP (npm run rebuild) serves nothing.
    if (!this.adapter.httpAdapter) return;
    const map = dashboardMap();
    new ExpressLoader().register(this.adapter.httpAdapter, this.config, [
      {
        rootPath: map,
        serveRoot: '/dashboard',
        serveStaticOptions: {
          index: ['index.html'],
          // serve-static calls this for the page too, and reads the page's stat first: only when it was built.
          ...(fs.existsSync(path.join(map, 'index.html')) ? { setHeaders: headers } : {}),
        },
      },
    ]);
  }
}
