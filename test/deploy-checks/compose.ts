import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { DEPLOY, type Env, type Obj, readEnvFile, REPLICAS, REQUIRED } from './common.js';
import { DOCKER } from './dockerfile.js';
import { envProblems, processOf, routeProblems } from './processes.js';

/**
 * deploy/compose.yaml, validated against the compose-spec schema (shipped by dclint), and the
 * nginx gateway in front of it: every process runs, with its environment and replicas, after the
 * migrations, and every controller's path reaches its process.
 */
const require = createRequire(import.meta.url);
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, logger: false });
const composeSchemaFile = path.join(path.dirname(require.resolve('dclint/package.json')), 'schemas/compose.schema.json');
// A draft-07 schema (Ajv's default) that names its meta-schema by an https URL Ajv does not know.
const { $schema: _draft07, ...composeSchema } = JSON.parse(fs.readFileSync(composeSchemaFile, 'utf8'));
const validateCompose = ajv.compile(composeSchema);

export function composeProblems(compose: Obj, nginxConf: string): string[] {
  const problems = validateCompose(compose)
    ? []
    : validateCompose.errors!.map((e) => `compose.yaml${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  const procOf = new Map<string, string>(); // service → process
  for (const [name, s] of Object.entries<Obj>(compose.services ?? {})) {
    if (s.build?.dockerfile !== 'deploy/Dockerfile') continue;
    if (s.entrypoint) problems.push(`compose ${name}: entrypoint replaces the image's node flags`);
    const proc = processOf(`compose ${name}`, s.command, problems);
    if (!proc) continue;
    procOf.set(name, proc);
    const env: Env = new Map(DOCKER.env);
    for (const f of [s.env_file ?? []].flat()) for (const [k, v] of readEnvFile(path.resolve(DEPLOY, f.path ?? f))) env.set(k, v);
    const entries = Array.isArray(s.environment)
      ? s.environment.map((kv: string) => kv.split(/=(.*)/s))
      : Object.entries(s.environment ?? {});
    for (const [k, v] of entries) env.set(k, v == null || /\$\{/.test(String(v)) ? undefined : String(v));
    problems.push(...envProblems(`compose ${name}`, proc, env));
    if (proc !== 'migrate' && s.depends_on?.migrate?.condition !== 'service_completed_successfully')
      problems.push(`compose ${name}: does not wait for the migrations`);
    if (REPLICAS[proc] && (s.deploy?.replicas ?? 1) !== REPLICAS[proc])
      problems.push(`compose ${name}: ${s.deploy?.replicas ?? 1} replicas, not ${REPLICAS[proc]}`);
  }
  for (const p of Object.keys(REQUIRED.processes)) if (![...procOf.values()].includes(p)) problems.push(`compose: no service runs ${p}`);
  // The gateway: nginx locations → upstream → compose service → process.
  const upstreams = new Map<string, string>();
  for (const [, name, body] of nginxConf.matchAll(/upstream\s+(\S+)\s*\{([^}]*)\}/g)) {
    const [, host, port] = /server\s+([\w-]+):(\d+)/.exec(body) ?? [];
    if (Number(port) !== REQUIRED.port) problems.push(`nginx upstream ${name}: port ${port}, not ${REQUIRED.port}`);
    upstreams.set(name, host);
  }
  const routed = new Map<string, string | undefined>();
  for (const [, segs, up] of nginxConf.matchAll(/location\s+~\s+\^\/\(([\w|-]+)\)\(\/\|\$\)\s*\{\s*proxy_pass\s+http:\/\/([\w-]+);/g)) {
    for (const seg of segs.split('|')) routed.set(seg, procOf.get(upstreams.get(up) ?? ''));
  }
  return [...problems, ...routeProblems('nginx.conf', routed)];
}
