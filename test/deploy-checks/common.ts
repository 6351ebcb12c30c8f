import fs from 'node:fs';
import path from 'node:path';

/**
 * What every checker of deploy/ shares: where the repository and deploy/ are, the rules of
 * deploy/required-env.json, the production replica counts, and reading files and env files.
 */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DEPLOY = path.join(ROOT, 'deploy');
export type Obj = Record<string, any>;
export type Env = Map<string, string | undefined>; // undefined: set, value not known here
interface Rules {
  required?: string[];
  oneOf?: string[][];
  values?: Record<string, string>;
}
export const REQUIRED: {
  groups: Record<string, Rules>;
  port: number;
  health: string;
  processes: Record<string, Rules & { main: string; groups: string[] }>;
} = JSON.parse(fs.readFileSync(path.join(DEPLOY, 'required-env.json'), 'utf8'));
/** The production shape: how many of each run (DESIGN section 7, deploy/README.md). */
export const REPLICAS: Record<string, number> = { intake: 2, voorzieningen: 2, projections: 3, relay: 2 };
export const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

/** KEY=VALUE lines; a missing file is read from its .example template (real secrets are git-ignored). */
export function readEnvFile(file: string): Env {
  const use = fs.existsSync(file) ? file : `${file}.example`;
  const env: Env = new Map();
  for (const line of fs.readFileSync(use, 'utf8').split('\n')) {
    const m = /^\s*([A-Za-z_]\w*)\s*=(.*)$/.exec(line);
    if (m) env.set(m[1], m[2].trim().replace(/^(['"])(.*)\1$/, '$2'));
  }
  return env;
}
