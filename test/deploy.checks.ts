import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { Ajv } from 'ajv';
import YAML from 'yaml';
import { APP_NODE_FLAGS } from '../scripts/app-flags.mjs';

/**
 * The checkers of test/deploy.spec.ts: deploy/ without a container engine. The Dockerfile,
 * compose.yaml and the Kubernetes manifests are parsed, validated against the compose-spec schema
 * (shipped by dclint) and the Kubernetes OpenAPI schemas (kubernetes-models), and checked against
 * deploy/required-env.json, the built dist/ and the controllers under apps/. Each checker returns
 * its problems (or throws, the renderer), so the spec can show that a broken copy is caught.
 */
export const ROOT = path.resolve(import.meta.dirname, '..');
export const DEPLOY = path.join(ROOT, 'deploy');
export type Obj = Record<string, any>;
type Env = Map<string, string | undefined>; // undefined: set, value not known here
interface Rules { required?: string[]; oneOf?: string[][]; values?: Record<string, string> }
export const REQUIRED: { groups: Record<string, Rules>; port: number; health: string; processes: Record<string, Rules & { main: string; groups: string[] }> } =
  JSON.parse(fs.readFileSync(path.join(DEPLOY, 'required-env.json'), 'utf8'));
/** The production shape: how many of each run (DESIGN section 7, deploy/README.md). */
export const REPLICAS: Record<string, number> = { intake: 2, voorzieningen: 2, projections: 3, relay: 2 };
export const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

// ---- Dockerfile -------------------------------------------------------------------------------
interface Dockerfile { problems: string[]; env: Env; entrypoint: string[]; cmd: string[] }

export function parseDockerfile(text: string): Dockerfile {
  const problems: string[] = [];
  const lines = text.replace(/\\\r?\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const stages: { name?: string; ins: [string, string][] }[] = [];
  for (const line of lines) {
    const [, op, args] = /^(\S+)\s+(.*)$/s.exec(line) ?? [, line, ''];
    if (op!.toUpperCase() === 'FROM') stages.push({ name: /\sAS\s+(\S+)$/i.exec(args!)?.[1], ins: [] });
    else if (op!.toUpperCase() !== 'ARG' || stages.length) stages.at(-1)?.ins.push([op!.toUpperCase(), args!]);
  }
  const final = stages.at(-1)?.ins ?? [];
  const last = (op: string) => final.filter(([o]) => o === op).at(-1)?.[1];
  const execForm = (op: string): string[] => {
    try {
      const v = JSON.parse(last(op) ?? 'null');
      if (Array.isArray(v) && v.length && v.every((s) => typeof s === 'string')) return v;
    } catch { /* reported below */ }
    problems.push(`${op} is not an exec-form JSON array of strings`);
    return [];
  };
  const env: Env = new Map();
  for (const [, args] of final.filter(([o]) => o === 'ENV')) {
    for (const [, k, v] of args.matchAll(/(\w+)=(\S*)/g)) env.set(k!, v!);
  }
  const entrypoint = execForm('ENTRYPOINT');
  const cmd = execForm('CMD');
  if (JSON.stringify(entrypoint) !== JSON.stringify(['node', ...APP_NODE_FLAGS])) problems.push(`ENTRYPOINT ${JSON.stringify(entrypoint)} lacks the flags of scripts/app-flags.mjs`);
  const user = last('USER');
  if (!user || /^(root|0)(:|$)/.test(user)) problems.push('the final stage runs as root');
  if (!final.some(([o, a]) => o === 'RUN' && /npm ci\b.*--omit=dev/.test(a))) problems.push('the final stage does not run npm ci --omit=dev');
  const build = stages.slice(0, -1).find((s) => s.ins.some(([o, a]) => o === 'RUN' && /npm run build/.test(a)) && s.ins.some(([o, a]) => o === 'RUN' && /npm ci\b/.test(a)));
  if (!build?.name || !final.some(([o, a]) => o === 'COPY' && a.includes(`--from=${build.name}`) && /\/dist\s+\.\/dist$/.test(a))) problems.push('dist/ is not copied from a build stage that runs npm ci and npm run build');
  const hc = /^((?:--[a-z-]+=\S+\s+)*)CMD\s+(\[.*\])$/s.exec(last('HEALTHCHECK') ?? '');
  if (!hc) problems.push('HEALTHCHECK is missing or not of the form [--option=value…] CMD [exec form]');
  else {
    for (const [, k, v] of hc[1]!.matchAll(/--([a-z-]+)=(\S+)/g)) {
      const ok = k === 'retries' ? /^\d+$/.test(v!) : ['interval', 'timeout', 'start-period', 'start-interval'].includes(k!) && /^\d+(ms|s|m|h)$/.test(v!);
      if (!ok) problems.push(`HEALTHCHECK option --${k}=${v} does not parse`);
    }
    let [node, flag, script] = [] as (string | undefined)[];
    try { [node, flag, script] = JSON.parse(hc[2]!); } catch { problems.push('HEALTHCHECK CMD is not a JSON array'); }
    if (node !== 'node' || flag !== '-e' || !script?.includes(`:${REQUIRED.port}${REQUIRED.health}`)) problems.push(`HEALTHCHECK does not fetch ${REQUIRED.health} on ${REQUIRED.port} with node`);
    else try { new vm.Script(script); } catch (e) { problems.push(`HEALTHCHECK script: ${String(e)}`); }
  }
  return { problems, env, entrypoint, cmd };
}
export const DOCKER = parseDockerfile(read('deploy/Dockerfile'));

// ---- processes and their environment ------------------------------------------------------------
/** Which process of required-env.json a command runs, and that its script is in the built dist/. */
export function processOf(where: string, args: string[] | undefined, problems: string[]): string | undefined {
  const main = (args ?? DOCKER.cmd)[0];
  const proc = Object.keys(REQUIRED.processes).find((p) => REQUIRED.processes[p]!.main === main);
  if (!proc) problems.push(`${where}: runs ${main}, no process of deploy/required-env.json`);
  if (!main || !fs.existsSync(path.join(ROOT, main))) problems.push(`${where}: ${main} is not in the built dist/`);
  return proc;
}

function envProblems(where: string, proc: string, env: Env): string[] {
  const def = REQUIRED.processes[proc]!;
  const rules = [def, ...def.groups.map((g) => REQUIRED.groups[g]!)];
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

/** KEY=VALUE lines; a missing file is read from its .example template (real secrets are git-ignored). */
function readEnvFile(file: string): Env {
  const use = fs.existsSync(file) ? file : `${file}.example`;
  const env: Env = new Map();
  for (const line of fs.readFileSync(use, 'utf8').split('\n')) {
    const m = /^\s*([A-Za-z_]\w*)\s*=(.*)$/.exec(line);
    if (m) env.set(m[1]!, m[2]!.trim().replace(/^(['"])(.*)\1$/, '$2'));
  }
  return env;
}

/** First path segments of the controllers under apps/<process>/src: what the gateway must route there. */
function controllerRoutes(): [string, string][] {
  const routes: [string, string][] = [];
  for (const app of fs.readdirSync(path.join(ROOT, 'apps'))) {
    for (const file of fs.readdirSync(path.join(ROOT, 'apps', app, 'src'), { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
      const src = fs.readFileSync(path.join(ROOT, 'apps', app, 'src', file), 'utf8');
      for (const [, p] of src.matchAll(/@Controller\(\s*['"`]\/?([^'"`/]+)/g)) routes.push([app, p!]);
    }
  }
  return routes;
}
function routeProblems(where: string, routed: Map<string, string | undefined>): string[] {
  return controllerRoutes()
    .filter(([app, seg]) => routed.get(seg) !== app)
    .map(([app, seg]) => `${where}: /${seg} goes to ${routed.get(seg) ?? 'nothing'}, not ${app}`);
}

// ---- compose ------------------------------------------------------------------------------------
const require = createRequire(import.meta.url);
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, logger: false });
const composeSchemaFile = path.join(path.dirname(require.resolve('dclint/package.json')), 'schemas/compose.schema.json');
// A draft-07 schema (Ajv's default) that names its meta-schema by an https URL Ajv does not know.
const { $schema: _draft07, ...composeSchema } = JSON.parse(fs.readFileSync(composeSchemaFile, 'utf8'));
const validateCompose = ajv.compile(composeSchema);

export function composeProblems(compose: Obj, nginxConf: string): string[] {
  const problems = validateCompose(compose) ? [] : validateCompose.errors!.map((e) => `compose.yaml${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  const procOf = new Map<string, string>(); // service → process
  for (const [name, s] of Object.entries<Obj>(compose.services ?? {})) {
    if (s.build?.dockerfile !== 'deploy/Dockerfile') continue;
    if (s.entrypoint) problems.push(`compose ${name}: entrypoint replaces the image's node flags`);
    const proc = processOf(`compose ${name}`, s.command, problems);
    if (!proc) continue;
    procOf.set(name, proc);
    const env: Env = new Map(DOCKER.env);
    for (const f of [s.env_file ?? []].flat()) for (const [k, v] of readEnvFile(path.resolve(DEPLOY, f.path ?? f))) env.set(k, v);
    const entries = Array.isArray(s.environment) ? s.environment.map((kv: string) => kv.split(/=(.*)/s)) : Object.entries(s.environment ?? {});
    for (const [k, v] of entries) env.set(k, v == null || /\$\{/.test(String(v)) ? undefined : String(v));
    problems.push(...envProblems(`compose ${name}`, proc, env));
    if (proc !== 'migrate' && s.depends_on?.migrate?.condition !== 'service_completed_successfully') problems.push(`compose ${name}: does not wait for the migrations`);
    if (REPLICAS[proc] && (s.deploy?.replicas ?? 1) !== REPLICAS[proc]) problems.push(`compose ${name}: ${s.deploy?.replicas ?? 1} replicas, not ${REPLICAS[proc]}`);
  }
  for (const p of Object.keys(REQUIRED.processes)) if (![...procOf.values()].includes(p)) problems.push(`compose: no service runs ${p}`);
  // The gateway: nginx locations → upstream → compose service → process.
  const upstreams = new Map<string, string>();
  for (const [, name, body] of nginxConf.matchAll(/upstream\s+(\S+)\s*\{([^}]*)\}/g)) {
    const [, host, port] = /server\s+([\w-]+):(\d+)/.exec(body!) ?? [];
    if (Number(port) !== REQUIRED.port) problems.push(`nginx upstream ${name}: port ${port}, not ${REQUIRED.port}`);
    upstreams.set(name!, host!);
  }
  const routed = new Map<string, string | undefined>();
  for (const [, segs, up] of nginxConf.matchAll(/location\s+~\s+\^\/\(([\w|-]+)\)\(\/\|\$\)\s*\{\s*proxy_pass\s+http:\/\/([\w-]+);/g)) {
    for (const seg of segs!.split('|')) routed.set(seg, procOf.get(upstreams.get(up!) ?? ''));
  }
  return [...problems, ...routeProblems('nginx.conf', routed)];
}

// ---- Kubernetes ---------------------------------------------------------------------------------
const docs = (file: string): Obj[] => YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean);

function pointer(obj: Obj, p: string): [Obj, string] {
  const keys = p.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop()!;
  const parent = keys.reduce((o, k) => o?.[k], obj);
  if (parent == null) throw new Error(`patch path ${p} does not exist`);
  return [parent, last];
}

/** kustomize build, minimally: what deploy/k8s uses, and a refusal of anything else. */
export function kustomize(dir: string): Obj[] {
  const k = YAML.parse(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'));
  const supported = ['apiVersion', 'kind', 'namespace', 'labels', 'resources', 'images', 'replicas', 'configMapGenerator', 'secretGenerator', 'patches'];
  for (const key of Object.keys(k)) if (!supported.includes(key)) throw new Error(`${dir}: ${key} is not supported by this test's kustomize`);
  const objs: Obj[] = [];
  for (const r of k.resources ?? []) {
    const p = path.resolve(dir, r);
    objs.push(...(fs.statSync(p).isDirectory() ? kustomize(p) : docs(p)));
  }
  const find = (kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata?.name === name);
  for (const [kind, gens] of [['ConfigMap', k.configMapGenerator], ['Secret', k.secretGenerator]] as const) {
    for (const g of gens ?? []) {
      const data: Obj = {};
      for (const f of g.envs ?? []) for (const [key, v] of readEnvFile(path.resolve(dir, f))) data[key] = v;
      for (const lit of g.literals ?? []) { const [key, v] = lit.split(/=(.*)/s); data[key] = v; }
      if (kind === 'Secret') for (const key of Object.keys(data)) data[key] = Buffer.from(data[key]).toString('base64');
      const existing = find(kind, g.name);
      if ((g.behavior ?? 'create') === 'create') {
        if (existing) throw new Error(`${kind} ${g.name} exists already`);
        objs.push({ apiVersion: 'v1', kind, metadata: { name: g.name }, ...(kind === 'Secret' ? { type: 'Opaque' } : {}), data });
      } else if (!existing) throw new Error(`${kind} ${g.name} to ${g.behavior} does not exist`);
      else existing.data = g.behavior === 'merge' ? { ...existing.data, ...data } : data;
    }
  }
  for (const p of k.patches ?? []) {
    const ops = YAML.parse(fs.readFileSync(path.resolve(dir, p.path), 'utf8'));
    if (!Array.isArray(ops)) throw new Error(`${p.path}: only JSON 6902 patches are supported here`);
    const targets = objs.filter((o) => o.kind === p.target?.kind && o.metadata?.name === p.target?.name);
    if (!targets.length) throw new Error(`${p.path}: target ${p.target?.kind}/${p.target?.name} does not exist`);
    for (const t of targets) for (const op of ops) {
      const [parent, key] = pointer(t, op.path);
      if (op.op !== 'add' && !(key in parent)) throw new Error(`${p.path}: ${op.path} does not exist`);
      if (op.op === 'remove') delete parent[key];
      else if (op.op === 'add' || op.op === 'replace') parent[key] = op.value;
      else throw new Error(`${p.path}: op ${op.op} is not supported here`);
    }
  }
  for (const r of k.replicas ?? []) {
    const t = objs.find((o) => ['Deployment', 'StatefulSet'].includes(o.kind) && o.metadata.name === r.name);
    if (!t) throw new Error(`replicas: ${r.name} does not exist`);
    t.spec.replicas = r.count;
  }
  for (const o of objs) {
    for (const c of o.spec?.template?.spec?.containers ?? []) {
      const img = k.images?.find((i: Obj) => i.name === c.image.replace(/[:@].*$/, ''));
      if (img) c.image = `${img.newName ?? img.name}${img.newTag ? `:${img.newTag}` : ''}`;
    }
    for (const l of k.labels ?? []) o.metadata.labels = { ...o.metadata.labels, ...l.pairs };
    if (k.namespace && o.kind !== 'Namespace') o.metadata.namespace = k.namespace;
  }
  return objs;
}

export async function schemaProblems(objs: Obj[]): Promise<string[]> {
  const problems: string[] = [];
  for (const o of objs) {
    const Model = (await import(`kubernetes-models/${o.apiVersion}`).catch(() => ({})) as Obj)[o.kind];
    if (!Model) problems.push(`${o.apiVersion} ${o.kind}: no schema`);
    else try { new Model(o).validate(); } catch (e) { problems.push(`${o.kind}/${o.metadata?.name}: ${(e as Error).message}`); }
  }
  return problems;
}

const matches = (sel: Obj | undefined, labels: Obj = {}): boolean =>
  !!sel && Object.entries(sel.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
  (sel.matchExpressions ?? []).every((e: Obj) => ({ In: () => e.values.includes(labels[e.key]), NotIn: () => !e.values.includes(labels[e.key]), Exists: () => e.key in labels, DoesNotExist: () => !(e.key in labels) } as Obj)[e.operator]());
const ours = (c: Obj) => /(^|\/)sociaal-domein(:[^/]*)?$/.test(c.image ?? '');

export function k8sProblems(objs: Obj[]): string[] {
  const problems: string[] = [];
  const find = (kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata?.name === name);
  const workloads = objs.filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind));
  const procOf = new Map<Obj, string>(); // workload → process
  for (const w of workloads) {
    const where = `${w.kind}/${w.metadata.name}`;
    const pod = w.spec.template;
    if (!objs.some((p) => p.kind === 'PodDisruptionBudget' && matches(p.spec.selector, pod.metadata.labels)) && w.kind !== 'Job') problems.push(`${where}: no PodDisruptionBudget`);
    for (const c of pod.spec.containers) {
      if (w.kind === 'Deployment' || w.kind === 'StatefulSet') {
        for (const probe of ['readinessProbe', 'livenessProbe']) if (!c[probe]?.httpGet) problems.push(`${where}: no HTTP ${probe}`);
      }
      if (!ours(c)) continue;
      if (c.command) problems.push(`${where}: command replaces the image's node flags`);
      const proc = processOf(where, c.args, problems);
      if (!proc) continue;
      procOf.set(w, proc);
      if (REPLICAS[proc] && w.spec.replicas !== REPLICAS[proc]) problems.push(`${where}: ${w.spec.replicas} replicas, not ${REPLICAS[proc]}`);
      if (!c.resources?.requests?.memory || !c.resources?.limits?.memory) problems.push(`${where}: no memory request and limit`);
      for (const probe of w.kind === 'Deployment' ? ['readinessProbe', 'livenessProbe'] : []) {
        const get = c[probe]?.httpGet;
        const port = typeof get?.port === 'string' ? c.ports?.find((p: Obj) => p.name === get.port)?.containerPort : get?.port;
        if (get && (get.path !== REQUIRED.health || port !== REQUIRED.port)) problems.push(`${where}: ${probe} is not ${REQUIRED.health} on ${REQUIRED.port}`);
      }
      const env: Env = new Map(DOCKER.env);
      const values = (ref: Obj, kind: string) => {
        const o = find(kind, ref.name);
        if (!o) problems.push(`${where}: ${kind} ${ref.name} does not exist`);
        return Object.entries<string>(o?.data ?? {}).map(([k, v]) => [k, kind === 'Secret' ? Buffer.from(v, 'base64').toString() : v] as const);
      };
      for (const ef of c.envFrom ?? []) {
        for (const [k, v] of values(ef.configMapRef ?? ef.secretRef, ef.configMapRef ? 'ConfigMap' : 'Secret')) env.set(`${ef.prefix ?? ''}${k}`, v);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef;
        const found = ref && values(ref, e.valueFrom.configMapKeyRef ? 'ConfigMap' : 'Secret').find(([k]) => k === ref.key);
        if (ref && !found) problems.push(`${where}: ${e.name} refers to a key that does not exist`);
        else env.set(e.name, 'value' in e ? e.value : found?.[1]);
      }
      problems.push(...envProblems(where, proc, env));
    }
  }
  const procs = new Set(procOf.values());
  for (const p of Object.keys(REQUIRED.processes)) if (!procs.has(p)) problems.push(`k8s: no workload runs ${p}`);
  // The Ingress: path → Service → Deployment → process.
  const routed = new Map<string, string | undefined>();
  for (const ing of objs.filter((o) => o.kind === 'Ingress')) {
    for (const p of ing.spec.rules.flatMap((r: Obj) => r.http?.paths ?? [])) {
      const svc = find('Service', p.backend.service?.name);
      const w = svc && workloads.find((x) => matches({ matchLabels: svc.spec.selector }, x.spec.template.metadata.labels));
      routed.set(p.path.replace(/^\//, ''), w && procOf.get(w));
    }
  }
  problems.push(...routeProblems('Ingress', routed));
  // NetworkPolicies: deny by default; PostgreSQL only from the processes of the image, NATS only
  // from the relay (and the stream setup), the apps only from the ingress controller.
  const policies = objs.filter((o) => o.kind === 'NetworkPolicy');
  const podsOf = (sel: Obj) => workloads.filter((w) => matches(sel, w.spec.template.metadata.labels));
  const hasPort = (rules: Obj[] | undefined, port: number) => (rules ?? []).some((r) => (r.ports ?? []).some((p: Obj) => p.port === port));
  if (!policies.some((p) => !Object.keys(p.spec.podSelector ?? {}).length && ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t)) && !p.spec.ingress && !p.spec.egress)) problems.push('no default-deny NetworkPolicy');
  const pgPods = new Set(policies.filter((p) => hasPort(p.spec.egress, 5432)).flatMap((p) => podsOf(p.spec.podSelector)));
  for (const w of workloads) {
    const needs = procOf.has(w) && REQUIRED.processes[procOf.get(w)!]!.groups.includes('database');
    if (needs !== pgPods.has(w)) problems.push(`${w.kind}/${w.metadata.name}: ${needs ? 'may not reach' : 'reaches'} PostgreSQL`);
  }
  const nats = workloads.find((w) => w.kind === 'StatefulSet' && w.metadata.name === 'nats');
  const natsPeers = policies.filter((p) => nats && matches(p.spec.podSelector, nats.spec.template.metadata.labels)).flatMap((p) => (p.spec.ingress ?? []).filter((r: Obj) => hasPort([r], 4222))).flatMap((r: Obj) => r.from ?? [{}]);
  const natsClients = new Set(natsPeers.flatMap((f: Obj) => (f.podSelector && !f.namespaceSelector ? podsOf(f.podSelector) : workloads)));
  for (const w of workloads) {
    const needs = REQUIRED.processes[procOf.get(w) ?? '']?.required?.includes('NATS_URL') ?? false;
    if (needs && !natsClients.has(w)) problems.push(`${w.kind}/${w.metadata.name}: may not reach NATS`);
    if (!needs && natsClients.has(w) && procOf.has(w)) problems.push(`${w.kind}/${w.metadata.name}: reaches NATS`);
  }
  for (const w of workloads.filter((x) => routed.size && [...routed.values()].includes(procOf.get(x)))) {
    const ok = policies.some((p) => matches(p.spec.podSelector, w.spec.template.metadata.labels) && (p.spec.ingress ?? []).some((r: Obj) => hasPort([r], REQUIRED.port) && r.from?.every((f: Obj) => f.namespaceSelector)));
    if (!ok) problems.push(`${w.kind}/${w.metadata.name}: the ingress controller may not reach it`);
  }
  return problems;
}
