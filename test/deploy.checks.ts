/**
 * The checkers of test/deploy.spec.ts: deploy/ without a container engine. The Dockerfile,
 * compose.yaml and the Kubernetes manifests are parsed, validated against the compose-spec schema
 * (shipped by dclint) and the Kubernetes OpenAPI schemas (kubernetes-models), and checked against
 * deploy/required-env.json, the built dist/ and the controllers under apps/. Each checker returns
 * its problems (or throws, the renderer), so the spec can show that a broken copy is caught.
 *
 * One file per thing checked, in deploy-checks/: common.ts (paths, required-env.json, replicas,
 * env files), dockerfile.ts, processes.ts (process, environment and routes, for compose and
 * Kubernetes alike), compose.ts (with the nginx gateway), kustomize.ts (rendering deploy/k8s) and
 * kubernetes.ts (schemas, workloads, Ingress, NetworkPolicies).
 */
export { DEPLOY, type Obj, read, REPLICAS, REQUIRED, ROOT } from './deploy-checks/common.js';
export { DOCKER, parseDockerfile } from './deploy-checks/dockerfile.js';
export { processOf } from './deploy-checks/processes.js';
export { composeProblems } from './deploy-checks/compose.js';
export { kustomize } from './deploy-checks/kustomize.js';
export { k8sProblems, schemaProblems } from './deploy-checks/kubernetes.js';
