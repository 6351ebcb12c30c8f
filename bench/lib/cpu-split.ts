import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `--split-cpu`: PostgreSQL on the last CPU, this process (the appenders and the store as the apps
 * run it) on the others. The app and the database then have CPUs of their own, as when deployed
 * apart, and what the app spends (encryption) no longer comes out of the database's share. The
 * postmaster's processes are pinned as they are; backends it starts later inherit the pin.
 * Returns what undoes it. Linux only (taskset from util-linux).
 */
export function splitsCpus(dataDir: string): { herstel: () => void; beschrijving: string } {
  const n = os.cpus().length;
  if (n < 2) throw new Error('--split-cpu needs at least 2 CPUs');
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const pgCpu = String(n - 1);
  const nodeCpus = n === 2 ? '0' : `0-${n - 2}`;
  const alle = `0-${n - 1}`;
  const zet = (cpus: string, pid: number) => {
    const r = spawnSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { encoding: 'utf8' });
    // A backend that exited meanwhile is no error.
    if (r.status !== 0 && fs.existsSync(`/proc/${pid}`)) throw new Error(`taskset ${cpus} ${pid}: ${r.error?.message ?? r.stderr.trim()}`);
  };
  const postgres = () => [postmaster, ...kinderen(postmaster)];
  for (const pid of postgres()) zet(pgCpu, pid);
  zet(nodeCpus, process.pid);
  return {
    herstel: () => {
      for (const pid of postgres()) zet(alle, pid);
      zet(alle, process.pid);
    },
    beschrijving: `PostgreSQL op CPU ${pgCpu}, node op CPU ${nodeCpus} (taskset)`,
  };
}

function kinderen(ouder: number): number[] {
  const uit: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === ouder) uit.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return uit;
}
