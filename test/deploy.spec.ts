import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import YAML from 'yaml';
import {
  composeProblems,
  DEPLOY,
  DOCKER,
  k8sProblems,
  kustomize,
  type Obj,
  parseDockerfile,
  processOf,
  read,
  schemaProblems,
} from './deploy.checks.js';

/**
 * deploy/ without a container engine (deploy/README.md, What the test checks): the image, the
 * compose file and the Kubernetes manifests against the schemas, deploy/required-env.json, the
 * built dist/ and the controllers of apps/; then each checker against a broken copy.
 */
const clone = <T>(x: T): T => structuredClone(x);
const COMPOSE = YAML.parse(read('deploy/compose.yaml'), { merge: true });
const NGINX = read('deploy/gateway/nginx.conf');
const BASE = kustomize(path.join(DEPLOY, 'k8s/base'));
const PRODUCTION = kustomize(path.join(DEPLOY, 'k8s/overlays/production'));
const byName = (objs: Obj[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name)!;

describe('deploy/', () => {
  it('Dockerfile: exec-form ENTRYPOINT with the app flags, CMD in dist/, a node HEALTHCHECK, non-root, npm ci --omit=dev', () => {
    expect(DOCKER.problems).toEqual([]);
    expect(processOf('Dockerfile CMD', DOCKER.cmd, [])).toBe('intake');
  });

  it('compose.yaml: valid compose spec, every required variable per service, the gateway routes every controller', () => {
    expect(composeProblems(COMPOSE, NGINX)).toEqual([]);
  });

  it('k8s base and production overlay: valid against the Kubernetes schemas', async () => {
    expect(await schemaProblems(BASE)).toEqual([]);
    expect(await schemaProblems(PRODUCTION)).toEqual([]);
  });

  it('k8s production: env, probes on /health, resources, PDBs, routes and network policies', () => {
    expect(k8sProblems(PRODUCTION)).toEqual([]);
    expect(byName(PRODUCTION, 'Deployment', 'intake').metadata.namespace).toBe('sociaal-domein');
    expect(byName(PRODUCTION, 'Ingress', 'sociaal-domein').spec.tls).toHaveLength(1);
  });

  it('both NATS configs parse (nats-server -t, when it is installed)', () => {
    let installed = true;
    try {
      execFileSync('nats-server', ['--version'], { stdio: 'ignore' });
    } catch {
      installed = false;
    }
    if (!installed) return; // .ci/run installs it
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-nats-'));
    fs.writeFileSync(path.join(dir, 'nats.conf'), byName(BASE, 'ConfigMap', 'nats-config').data['nats.conf']);
    for (const conf of [path.join(DEPLOY, 'nats/nats.conf'), path.join(dir, 'nats.conf')]) {
      execFileSync('nats-server', ['-c', conf, '-t'], {
        env: { ...process.env, POD_NAME: 'nats-0', NATS_SERVER_NAME: 'nats-1' },
        stdio: 'pipe',
      });
    }
    fs.rmSync(dir, { recursive: true });
  });

  describe('the checkers catch a broken copy', () => {
    it('Dockerfile', () => {
      const text = read('deploy/Dockerfile');
      expect(parseDockerfile(text.replace(' "--max-old-space-size=160"', '')).problems).toContainEqual(expect.stringMatching(/ENTRYPOINT/));
      expect(parseDockerfile(text.replace(/CMD \["node", "-e"/, 'CMD ["node" "-e"')).problems).toContainEqual(
        expect.stringMatching(/HEALTHCHECK/),
      );
      expect(parseDockerfile(text.replace('USER 1000:1000', 'USER root')).problems).toEqual(['the final stage runs as root']);
      const problems: string[] = [];
      expect(processOf('x', ['dist/apps/intake/src/mian.js'], problems)).toBeUndefined();
      expect(problems).toContainEqual(expect.stringMatching(/not in the built dist/));
    });

    it('compose', () => {
      const c = clone(COMPOSE);
      c.services.intake.env_file = ['secrets/app.env'];
      c.services.relay.environment = { AUTH_MODE: 'jwt' };
      c.services.projections.replicaz = 3;
      delete c.services.voorzieningen.depends_on;
      const problems = composeProblems(c, NGINX.replace('|bezwaren', ''));
      for (const p of [
        /intake: PSEUDONIEM_SLEUTEL is not set/,
        /relay: NATS_URL is not set/,
        /replicaz/,
        /voorzieningen: does not wait/,
        /\/bezwaren goes to nothing/,
      ]) {
        expect(problems).toContainEqual(expect.stringMatching(p));
      }
    });

    it('Kubernetes', async () => {
      const objs = clone(PRODUCTION);
      delete byName(objs, 'ConfigMap', 'sociaal-domein-config').data.NATS_URL;
      delete byName(objs, 'Deployment', 'projections').spec.template.spec.containers[0].livenessProbe;
      delete byName(objs, 'Deployment', 'intake').spec.template.metadata.labels['sociaal-domein/database'];
      byName(objs, 'Deployment', 'voorzieningen').spec.template.spec.containers[0].readinessProbe.httpGet.path = '/api';
      byName(objs, 'NetworkPolicy', 'nats').spec.ingress[0].from = [{ podSelector: { matchLabels: { 'sociaal-domein/gateway': 'true' } } }];
      byName(objs, 'Ingress', 'sociaal-domein').spec.rules[0].http.paths.shift();
      const problems = k8sProblems(objs);
      for (const p of [
        /relay: NATS_URL is not set/,
        /projections: no HTTP livenessProbe/,
        /intake: may not reach PostgreSQL/,
        /voorzieningen: readinessProbe is not/,
        /relay: may not reach NATS/,
        /intake: reaches NATS/,
        /\/clienten goes to nothing/,
      ]) {
        expect(problems).toContainEqual(expect.stringMatching(p));
      }
      byName(objs, 'Deployment', 'relay').spec.template.spec.containers[0].ports[0].containerPort = 'http';
      expect(await schemaProblems(objs)).toContainEqual(expect.stringMatching(/Deployment\/relay: .*containerPort must be integer/));
    });

    it('kustomize: a patch whose target is missing', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-kustomize-'));
      fs.writeFileSync(path.join(dir, 'p.yaml'), '- { op: replace, path: /spec/x, value: 1 }\n');
      fs.writeFileSync(
        path.join(dir, 'kustomization.yaml'),
        `resources: [${path.join(DEPLOY, 'k8s/base')}]\npatches: [{ path: p.yaml, target: { kind: Ingress, name: gateway } }]\n`,
      );
      expect(() => kustomize(dir)).toThrow(/target Ingress\/gateway does not exist/);
      fs.rmSync(dir, { recursive: true });
    });
  });
});
