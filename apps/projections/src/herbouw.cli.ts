/**
 * `npm run rebuild`: rebuilds every read model from the event store into a new generation, with
 * a progress bar, while running apps keep answering from the current one.
 * Without DATABASE_URL it uses the embedded PostgreSQL of `npm start` (DATA_DIR, default .data).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import cliProgress from 'cli-progress';

if (!process.env.DATABASE_URL) {
  const portFile = path.resolve(process.env.DATA_DIR ?? '.data', 'postgres-port');
  if (!fs.existsSync(portFile)) {
    console.error('DATABASE_URL is not set and there is no npm start database in DATA_DIR; start it with `npm start` first.');
    process.exit(1);
  }
  process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${fs.readFileSync(portFile, 'utf8').trim()}/postgres`;
  // The master key npm start keeps beside it: without it no personal field of that database reads back.
  const master = path.resolve(process.env.DATA_DIR ?? '.data', 'sleutel-master');
  if (!process.env.SLEUTEL_MASTER && fs.existsSync(master)) process.env.SLEUTEL_MASTER = fs.readFileSync(master, 'utf8').trim();
}
process.env.PROJECTIE_WORKER = 'false'; // this process rebuilds; it does not follow the active generation
process.env.AUDIT_ZEGELAAR = 'false'; // nor does it seal: the running apps do
process.env.LOG_LEVEL ??= 'warn';

const { ProjectionsModule } = await import('./projections.module.js');
const { Herbouw } = await import('./herbouw/herbouw.service.js');
const app = await NestFactory.createApplicationContext(ProjectionsModule, { logger: ['error', 'warn'] });
const bar = new cliProgress.SingleBar(
  { format: 'herbouw |{bar}| {percentage}% | {value}/{total} events | {eta_formatted} over', hideCursor: true },
  cliProgress.Presets.shades_classic,
);
let gestart = false;
const status = await app.get(Herbouw).voerUit((verwerkt, totaal) => {
  if (!gestart) {
    bar.start(totaal, 0);
    gestart = true;
  }
  bar.setTotal(totaal);
  bar.update(verwerkt);
});
bar.stop();
console.log(`Generatie ${status.generatie} is actief: ${status.verwerkt} events, ${status.eventsPerSeconde} events/s.`);
await app.close();
