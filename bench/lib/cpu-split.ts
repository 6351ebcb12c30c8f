import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { postmasterPid, procStats } from './measure.js';

/**
 * `--split-cpu`: PostgreSQL on the last CPU it may use, this process (the appenders and the store as
 * the apps run it) on the others. The app and the database then have CPUs of their own, as when
 * deployed apart, and what the app spends (encryption) no longer comes out of the database's share.
 * The postmaster is pinned first, then the processes it has; backends it starts later inherit the
 * pin. `herstel` gives every process back the CPUs it had. Linux only (taskset from util-linux).
 */
export function splitsCpus(dataDir: string): { herstel: () => void; beschrijving: string } {
  const postmaster = postmasterPid(dataDir);
  const pgVoor = toegestaan(postmaster);
  const nodeVoor = toegestaan(process.pid);
  const cpus = cpuLijst(pgVoor);
  if (cpus.length < 2) throw new Error(`--split-cpu needs at least 2 CPUs (PostgreSQL may use ${pgVoor})`);
  const pgCpu = String(cpus[cpus.length - 1]);
  const nodeCpus = cpus.slice(0, -1).join(',');
  const herstel = () => {
    // Every process, even when one fails: nothing should stay pinned.
    for (const [pid, lijst] of [
      [postmaster, pgVoor] as const,
      ...kinderen(postmaster).map((k) => [k, pgVoor] as const),
      [process.pid, nodeVoor] as const,
    ])
      try {
        zet(lijst, pid);
      } catch (e) {
        console.error(`--split-cpu: ${(e as Error).message}`);
      }
  };
  try {
    zet(pgCpu, postmaster);
    for (const pid of kinderen(postmaster)) zet(pgCpu, pid);
    zet(nodeCpus, process.pid);
  } catch (e) {
    herstel();
    throw e;
  }
  return { herstel, beschrijving: `PostgreSQL op CPU ${pgCpu}, node op CPU ${nodeCpus} (taskset)` };
}

function zet(cpus: string, pid: number): void {
  const r = spawnSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { encoding: 'utf8' });
  // A backend that exited meanwhile is no error.
  if (r.status !== 0 && fs.existsSync(`/proc/${pid}`)) throw new Error(`taskset ${cpus} ${pid}: ${r.error?.message ?? r.stderr.trim()}`);
}

/** The CPUs a process may run on, as the kernel lists them ("0-3,6"). */
function toegestaan(pid: number): string {
  const regel = /^Cpus_allowed_list:\s*(.+)$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!regel) throw new Error(`no Cpus_allowed_list for process ${pid}`);
  return regel[1].trim();
}

function cpuLijst(lijst: string): number[] {
  return lijst.split(',').flatMap((deel) => {
    const [van, tot = van] = deel.split('-').map(Number);
    return Array.from({ length: tot - van + 1 }, (_, i) => van + i);
  });
}

function kinderen(ouder: number): number[] {
  return procStats()
    .filter((p) => Number(p.velden[1]) === ouder)
    .map((p) => p.pid);
}
