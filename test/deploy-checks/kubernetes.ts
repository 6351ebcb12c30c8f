import { type Env, type Obj, REPLICAS, REQUIRED } from './common.js';
import { DOCKER } from './dockerfile.js';
import { envProblems, processOf, routeProblems } from './processes.js';

/**
 * The rendered Kubernetes manifests: validated against the Kubernetes OpenAPI schemas
 * (kubernetes-models); every workload with its probes, resources, replicas, environment and
 * PodDisruptionBudget; the Ingress routes; the NetworkPolicies.
 */
export async function schemaProblems(objs: Obj[]): Promise<string[]> {
  const problems: string[] = [];
  for (const o of objs) {
    const Model = ((await import(`kubernetes-models/${o.apiVersion}`).catch(() => ({}))) as Obj)[o.kind];
    if (!Model) problems.push(`${o.apiVersion} ${o.kind}: no schema`);
    else
      try {
        new Model(o).validate();
      } catch (e) {
        problems.push(`${o.kind}/${o.metadata?.name}: ${(e as Error).message}`);
      }
  }
  return problems;
}

const matches = (sel: Obj | undefined, labels: Obj = {}): boolean =>
  !!sel &&
  Object.entries(sel.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
  (sel.matchExpressions ?? []).every((e: Obj) =>
    (
      ({
        In: () => e.values.includes(labels[e.key]),
        NotIn: () => !e.values.includes(labels[e.key]),
        Exists: () => e.key in labels,
        DoesNotExist: () => !(e.key in labels),
      }) as Obj
    )[e.operator](),
  );
const ours = (c: Obj) => /(^|\/)sociaal-domein(:[^/]*)?$/.test(c.image ?? '');

export function k8sProblems(objs: Obj[]): string[] {
  const problems: string[] = [];
  const find = (kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata?.name === name);
  const workloads = objs.filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind));
  const procOf = new Map<Obj, string>(); // workload → process
  for (const w of workloads) {
    const where = `${w.kind}/${w.metadata.name}`;
    const pod = w.spec.template;
    if (!objs.some((p) => p.kind === 'PodDisruptionBudget' && matches(p.spec.selector, pod.metadata.labels)) && w.kind !== 'Job')
      problems.push(`${where}: no PodDisruptionBudget`);
    for (const c of pod.spec.containers) {
      if (w.kind === 'Deployment' || w.kind === 'StatefulSet') {
        for (const probe of ['readinessProbe', 'livenessProbe']) if (!c[probe]?.httpGet) problems.push(`${where}: no HTTP ${probe}`);
      }
      if (!ours(c)) continue;
      if (c.command) problems.push(`${where}: command replaces the image's node flags`);
      const proc = processOf(where, c.args, problems);
      if (!proc) continue;
      procOf.set(w, proc);
      if (REPLICAS[proc] && w.spec.replicas !== REPLICAS[proc])
        problems.push(`${where}: ${w.spec.replicas} replicas, not ${REPLICAS[proc]}`);
      if (!c.resources?.requests?.memory || !c.resources?.limits?.memory) problems.push(`${where}: no memory request and limit`);
      for (const probe of w.kind === 'Deployment' ? ['readinessProbe', 'livenessProbe'] : []) {
        const get = c[probe]?.httpGet;
        const port = typeof get?.port === 'string' ? c.ports?.find((p: Obj) => p.name === get.port)?.containerPort : get?.port;
        if (get && (get.path !== REQUIRED.health || port !== REQUIRED.port))
          problems.push(`${where}: ${probe} is not ${REQUIRED.health} on ${REQUIRED.port}`);
      }
      const env: Env = new Map(DOCKER.env);
      const values = (ref: Obj, kind: string) => {
        const o = find(kind, ref.name);
        if (!o) problems.push(`${where}: ${kind} ${ref.name} does not exist`);
        return Object.entries<string>(o?.data ?? {}).map(
          ([k, v]) => [k, kind === 'Secret' ? Buffer.from(v, 'base64').toString() : v] as const,
        );
      };
      for (const ef of c.envFrom ?? []) {
        for (const [k, v] of values(ef.configMapRef ?? ef.secretRef, ef.configMapRef ? 'ConfigMap' : 'Secret'))
          env.set(`${ef.prefix ?? ''}${k}`, v);
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
  if (
    !policies.some(
      (p) =>
        !Object.keys(p.spec.podSelector ?? {}).length &&
        ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t)) &&
        !p.spec.ingress &&
        !p.spec.egress,
    )
  )
    problems.push('no default-deny NetworkPolicy');
  const pgPods = new Set(policies.filter((p) => hasPort(p.spec.egress, 5432)).flatMap((p) => podsOf(p.spec.podSelector)));
  for (const w of workloads) {
    const needs = procOf.has(w) && REQUIRED.processes[procOf.get(w)!].groups.includes('database');
    if (needs !== pgPods.has(w)) problems.push(`${w.kind}/${w.metadata.name}: ${needs ? 'may not reach' : 'reaches'} PostgreSQL`);
  }
  const nats = workloads.find((w) => w.kind === 'StatefulSet' && w.metadata.name === 'nats');
  const natsPeers = policies
    .filter((p) => nats && matches(p.spec.podSelector, nats.spec.template.metadata.labels))
    .flatMap((p) => (p.spec.ingress ?? []).filter((r: Obj) => hasPort([r], 4222)))
    .flatMap((r: Obj) => r.from ?? [{}]);
  const natsClients = new Set(natsPeers.flatMap((f: Obj) => (f.podSelector && !f.namespaceSelector ? podsOf(f.podSelector) : workloads)));
  for (const w of workloads) {
    const needs = REQUIRED.processes[procOf.get(w) ?? '']?.required?.includes('NATS_URL') ?? false;
    if (needs && !natsClients.has(w)) problems.push(`${w.kind}/${w.metadata.name}: may not reach NATS`);
    if (!needs && natsClients.has(w) && procOf.has(w)) problems.push(`${w.kind}/${w.metadata.name}: reaches NATS`);
  }
  for (const w of workloads.filter((x) => routed.size && [...routed.values()].includes(procOf.get(x)))) {
    const ok = policies.some(
      (p) =>
        matches(p.spec.podSelector, w.spec.template.metadata.labels) &&
        (p.spec.ingress ?? []).some((r: Obj) => hasPort([r], REQUIRED.port) && r.from?.every((f: Obj) => f.namespaceSelector)),
    );
    if (!ok) problems.push(`${w.kind}/${w.metadata.name}: the ingress controller may not reach it`);
  }
  return problems;
}
