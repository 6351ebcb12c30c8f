/** The auditor's round trip at scale: `export` of the sealed log and `verifieer-log` of the file, each as the built CLI (issue 15). */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export const DOEL_AUDIT_SECONDEN = 60;
export const DOEL_AUDIT_RSS_MB = 300;

export interface CliMeting {
  seconden: number;
  /** Peak resident set size of the CLI process (VmHWM, sampled every 100 ms until it exits), MB. */
  piekRssMb: number;
  code: number;
  uitvoer: string;
}

export interface AuditExportMeting {
  events: number;
  bytes: number;
  export: CliMeting;
  verifieer: CliMeting;
}

/** Runs the CLI with these arguments, timing it and sampling its peak RSS from /proc. */
function cli(main: string, args: string[]): Promise<CliMeting> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const proces = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let uitvoer = '';
    proces.stdout.on('data', (d: Buffer) => (uitvoer += d.toString()));
    proces.stderr.on('data', (d: Buffer) => (uitvoer += d.toString()));
    let piekKb = 0;
    const meet = () => {
      try {
        const hwm = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${proces.pid}/status`, 'utf8'));
        if (hwm) piekKb = Math.max(piekKb, Number(hwm[1]));
      } catch {
        // gone: the last sample stands
      }
    };
    const timer = setInterval(meet, 100);
    proces.on('error', reject);
    proces.on('exit', (code) => {
      clearInterval(timer);
      resolve({
        seconden: (performance.now() - start) / 1000,
        piekRssMb: Math.round(piekKb / 1024),
        code: code ?? -1,
        uitvoer: uitvoer.trim(),
      });
    });
  });
}

/**
 * Exports the sealed log of every gemeente (`npm run audit -- export`, streaming to a file) and
 * verifies it with the public key fetched from the server (`verifieer-log --sleutel`), as an auditor
 * would, with the CLI built beside this benchmark. The file is removed afterwards.
 */
export async function meetAuditExport(o: {
  /** dist-like path of the CLI's main.js */
  main: string;
  basis: string;
  token: string;
  gemeenten: string[];
  map: string;
  log: (regel: string) => void;
}): Promise<AuditExportMeting> {
  const res = await fetch(`${o.basis}/audit/sleutel`, { headers: { Authorization: `Bearer ${o.token}` } });
  if (!res.ok) throw new Error(`GET /audit/sleutel: ${res.status}`);
  const sleutel = path.join(o.map, 'audit-sleutel.pem');
  fs.writeFileSync(sleutel, ((await res.json()) as { sleutel: string }).sleutel);
  const bestand = path.join(o.map, 'audit-export.ndjson');
  try {
    const exp = await cli(o.main, ['export', '--gemeente', o.gemeenten.join(','), '--uit', bestand, '--url', o.basis, '--token', o.token]);
    if (exp.code !== 0) throw new Error(`audit export failed (${exp.code}): ${exp.uitvoer.slice(-500)}`);
    const bytes = fs.statSync(bestand).size;
    const ver = await cli(o.main, ['verifieer-log', bestand, '--sleutel', sleutel]);
    const events = Number(/Log intact: ([\d.,]+) events/.exec(ver.uitvoer)?.[1].replace(/[.,]/g, '') ?? NaN);
    o.log(
      `export: ${(bytes / 1e6).toFixed(0)} MB in ${exp.seconden.toFixed(1)} s (CLI peak RSS ${exp.piekRssMb} MB); verifieer-log: ${ver.seconden.toFixed(1)} s (peak RSS ${ver.piekRssMb} MB), exit ${ver.code}: ${ver.uitvoer.split('\n')[0]}`,
    );
    return { events, bytes, export: exp, verifieer: ver };
  } finally {
    fs.rmSync(bestand, { force: true });
  }
}
