import vm from 'node:vm';
import { APP_NODE_FLAGS } from '../../scripts/app-flags.mjs';
import { type Env, read, REQUIRED } from './common.js';

/**
 * deploy/Dockerfile: the final stage's ENV, ENTRYPOINT (the node flags of scripts/app-flags.mjs),
 * CMD, USER, the build stage it copies dist/ from, and its HEALTHCHECK.
 */
interface Dockerfile {
  problems: string[];
  env: Env;
  entrypoint: string[];
  cmd: string[];
}

export function parseDockerfile(text: string): Dockerfile {
  const problems: string[] = [];
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: { name?: string; ins: [string, string][] }[] = [];
  for (const line of lines) {
    const [, op, args] = /^(\S+)\s+(.*)$/s.exec(line) ?? [undefined, line, ''];
    if (op.toUpperCase() === 'FROM') stages.push({ name: /\sAS\s+(\S+)$/i.exec(args)?.[1], ins: [] });
    else if (op.toUpperCase() !== 'ARG' || stages.length) stages.at(-1)?.ins.push([op.toUpperCase(), args]);
  }
  const final = stages.at(-1)?.ins ?? [];
  const last = (op: string) => final.filter(([o]) => o === op).at(-1)?.[1];
  const execForm = (op: string): string[] => {
    try {
      const v = JSON.parse(last(op) ?? 'null');
      if (Array.isArray(v) && v.length && v.every((s) => typeof s === 'string')) return v;
    } catch {
      /* reported below */
    }
    problems.push(`${op} is not an exec-form JSON array of strings`);
    return [];
  };
  const env: Env = new Map();
  for (const [, args] of final.filter(([o]) => o === 'ENV')) {
    for (const [, k, v] of args.matchAll(/(\w+)=(\S*)/g)) env.set(k, v);
  }
  const entrypoint = execForm('ENTRYPOINT');
  const cmd = execForm('CMD');
  if (JSON.stringify(entrypoint) !== JSON.stringify(['node', ...APP_NODE_FLAGS]))
    problems.push(`ENTRYPOINT ${JSON.stringify(entrypoint)} lacks the flags of scripts/app-flags.mjs`);
  const user = last('USER');
  if (!user || /^(root|0)(:|$)/.test(user)) problems.push('the final stage runs as root');
  if (!final.some(([o, a]) => o === 'RUN' && /npm ci\b.*--omit=dev/.test(a)))
    problems.push('the final stage does not run npm ci --omit=dev');
  const build = stages
    .slice(0, -1)
    .find(
      (s) => s.ins.some(([o, a]) => o === 'RUN' && /npm run build/.test(a)) && s.ins.some(([o, a]) => o === 'RUN' && /npm ci\b/.test(a)),
    );
  if (!build?.name || !final.some(([o, a]) => o === 'COPY' && a.includes(`--from=${build.name}`) && /\/dist\s+\.\/dist$/.test(a)))
    problems.push('dist/ is not copied from a build stage that runs npm ci and npm run build');
  const hc = /^((?:--[a-z-]+=\S+\s+)*)CMD\s+(\[.*\])$/s.exec(last('HEALTHCHECK') ?? '');
  if (!hc) problems.push('HEALTHCHECK is missing or not of the form [--option=value…] CMD [exec form]');
  else {
    for (const [, k, v] of hc[1].matchAll(/--([a-z-]+)=(\S+)/g)) {
      const ok =
        k === 'retries'
          ? /^\d+$/.test(v)
          : ['interval', 'timeout', 'start-period', 'start-interval'].includes(k) && /^\d+(ms|s|m|h)$/.test(v);
      if (!ok) problems.push(`HEALTHCHECK option --${k}=${v} does not parse`);
    }
    let [node, flag, script] = [] as (string | undefined)[];
    try {
      [node, flag, script] = JSON.parse(hc[2]);
    } catch {
      problems.push('HEALTHCHECK CMD is not a JSON array');
    }
    if (node !== 'node' || flag !== '-e' || !script?.includes(`:${REQUIRED.port}${REQUIRED.health}`))
      problems.push(`HEALTHCHECK does not fetch ${REQUIRED.health} on ${REQUIRED.port} with node`);
    else
      try {
        new vm.Script(script);
      } catch (e) {
        problems.push(`HEALTHCHECK script: ${String(e)}`);
      }
  }
  return { problems, env, entrypoint, cmd };
}
export const DOCKER = parseDockerfile(read('deploy/Dockerfile'));
