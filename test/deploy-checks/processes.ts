import fs from 'node:fs';
import path from 'node:path';
import { type Env, REQUIRED, ROOT } from './common.js';
import { DOCKER } from './dockerfile.js';

/**
 * What compose and Kubernetes are both checked for: which process of required-env.json a
 * container runs, that its environment meets the rules, and that the gateway routes every
 * controller's path to the process that serves it.
 */
/** Which process of required-env.json a command runs, and that its script is in the built dist/. */
export function processOf(where: string, args: string[] | undefined, problems: string[]): string | undefined {
  const main = (args ?? DOCKER.cmd)[0];
  const proc = Object.keys(REQUIRED.processes).find((p) => REQUIRED.processes[p].main === main);
  if (!proc) problems.push(`${where}: runs ${main}, no process of deploy/required-env.json`);
  if (!main || !fs.existsSync(path.join(ROOT, main))) problems.push(`${where}: ${main} is not in the built dist/`);
  return proc;
}

export function envProblems(where: string, proc: string, env: Env): string[] {
  const def = REQUIRED.processes[proc];
  const rules = [def, ...def.groups.map((g) => REQUIRED.groups[g])];
  const problems: string[] = [];
  for (const r of rules) {
    for (const name of r.required ?? []) if (!env.has(name)) problems.push(`${where}: ${name} is not set`);
    for (const group of r.oneOf ?? []) if (!group.some((n) => env.has(n))) problems.push(`${where}: none of ${group.join(', ')} is set`);
    for (const [name, value] of Object.entries(r.values ?? {})) {
      if (env.get(name) !== value) problems.push(`${where}: ${name} is ${env.get(name)}, not ${value}`);
    }
  }
  return problems;
}

/** The path of each registration resource that libs/commands binds (`BEZWAREN = registratie(BEZWAAR, 'bezwaren', …)`). */
function registratiePaden(): Map<string, string> {
  const src = fs.readFileSync(path.join(ROOT, 'libs/commands/src/registraties.ts'), 'utf8');
  return new Map([...src.matchAll(/export const (\w+) = registratie\(\w+, ['"`]\/?([^'"`/]+)/g)].map(([, naam, pad]) => [naam, pad]));
}

/** First path segments of the controllers under apps/<process>/src: what the gateway must route there. */
function controllerRoutes(): [string, string][] {
  const routes: [string, string][] = [];
  const paden = registratiePaden();
  for (const app of fs.readdirSync(path.join(ROOT, 'apps'))) {
    for (const file of fs.readdirSync(path.join(ROOT, 'apps', app, 'src'), { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
      const src = fs.readFileSync(path.join(ROOT, 'apps', app, 'src', file), 'utf8');
      for (const [, p] of src.matchAll(/@Controller\(\s*['"`]\/?([^'"`/]+)/g)) routes.push([app, p]);
      for (const [, naam] of src.matchAll(/@RegistratieResource\((\w+)\)/g)) routes.push([app, paden.get(naam) ?? `onbekend:${naam}`]);
    }
  }
  return routes;
}
export function routeProblems(where: string, routed: Map<string, string | undefined>): string[] {
  return controllerRoutes()
    .filter(([app, seg]) => routed.get(seg) !== app)
    .map(([app, seg]) => `${where}: /${seg} goes to ${routed.get(seg) ?? 'nothing'}, not ${app}`);
}
