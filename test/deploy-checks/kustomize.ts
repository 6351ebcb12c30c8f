import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { type Obj, readEnvFile } from './common.js';

/** Rendering deploy/k8s as kustomize would, for the Kubernetes checks. */
const docs = (file: string): Obj[] =>
  YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map((d) => d.toJS())
    .filter(Boolean);

function pointer(obj: Obj, p: string): [Obj, string] {
  const keys = p
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop()!;
  const parent = keys.reduce((o, k) => o?.[k], obj);
  if (parent == null) throw new Error(`patch path ${p} does not exist`);
  return [parent, last];
}

/** kustomize build, minimally: what deploy/k8s uses, and a refusal of anything else. */
export function kustomize(dir: string): Obj[] {
  const k = YAML.parse(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'));
  const supported = [
    'apiVersion',
    'kind',
    'namespace',
    'labels',
    'resources',
    'images',
    'replicas',
    'configMapGenerator',
    'secretGenerator',
    'patches',
  ];
  for (const key of Object.keys(k))
    if (!supported.includes(key)) throw new Error(`${dir}: ${key} is not supported by this test's kustomize`);
  const objs: Obj[] = [];
  for (const r of k.resources ?? []) {
    const p = path.resolve(dir, r);
    objs.push(...(fs.statSync(p).isDirectory() ? kustomize(p) : docs(p)));
  }
  const find = (kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata?.name === name);
  for (const [kind, gens] of [
    ['ConfigMap', k.configMapGenerator],
    ['Secret', k.secretGenerator],
  ] as const) {
    for (const g of gens ?? []) {
      const data: Obj = {};
      for (const f of g.envs ?? []) for (const [key, v] of readEnvFile(path.resolve(dir, f))) data[key] = v;
      for (const lit of g.literals ?? []) {
        const [key, v] = lit.split(/=(.*)/s);
        data[key] = v;
      }
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
    for (const t of targets)
      for (const op of ops) {
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
