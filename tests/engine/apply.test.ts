import { describe, expect, it } from 'vitest';
import { newCluster, podYaml, syncErrors } from './helpers';

describe('apply, like kubectl apply -f', () => {
  it('creates, then reports unchanged, then configured', () => {
    const c = newCluster();
    const first = c.apply(podYaml('web'));
    expect(first).toEqual({ ok: true, results: [{ kind: 'Pod', name: 'web', namespace: 'default', action: 'created' }] });
    expect(c.apply(podYaml('web'))).toMatchObject({ ok: true, results: [{ action: 'unchanged' }] });
    const relabelled = podYaml('web').replace('  name: web\n', '  name: web\n  labels:\n    tier: front\n');
    expect(c.apply(relabelled)).toMatchObject({ ok: true, results: [{ action: 'configured' }] });
    expect(c.get('Pod', 'web')?.metadata.labels).toEqual({ tier: 'front' });
    expect(syncErrors(c)).toEqual([]);
  });

  it('records the apply as a kubectl Step with kubectl-style wording', () => {
    const c = newCluster();
    const before = c.steps.length;
    c.apply(podYaml('web'));
    const step = c.steps[before];
    expect(step).toMatchObject({ actor: 'kubectl', message: 'pod/web created' });
    expect(step.changes).toEqual([{ type: 'ADDED', kind: 'Pod', name: 'web', namespace: 'default' }]);
  });

  it('is all or nothing: one invalid document leaves the cluster untouched', () => {
    const c = newCluster();
    const steps = c.steps.length;
    const text = `${podYaml('good')}---
apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  containers:
  - name: app
`;
    const result = c.apply(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toBe('The Pod "bad" is invalid: spec.containers[0].image: Required value');
    expect(result.errors[0].line).toBe(16);
    expect(c.get('Pod', 'good')).toBeUndefined();
    expect(c.steps.length).toBe(steps);
  });

  it('reports YAML syntax errors with their line', () => {
    const c = newCluster();
    const result = c.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].line).toBe(5);
  });

  it('rejects unknown fields with the strict-decoding message, pinned to the field', () => {
    const c = newCluster();
    const result = c.apply(podYaml('web') + '    imagePullPolice: Always\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({
      message: 'Error from server (BadRequest): Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolice"',
      line: 9,
    });
  });

  it('rejects removed API versions with the API server message', () => {
    const c = newCluster();
    const result = c.apply(`apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].message).toContain('no matches for kind "CronJob" in version "batch/v1beta1"');
    expect(result.errors[0].line).toBe(1);
  });

  it('refuses objects in a namespace that does not exist', () => {
    const c = newCluster();
    const result = c.apply(podYaml('web').replace('  name: web\n', '  name: web\n  namespace: shop\n'));
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ message: 'Error from server (NotFound): namespaces "shop" not found' })] });
  });

  it('creates a namespace and its contents in one apply', () => {
    const c = newCluster();
    const result = c.apply(`apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
${podYaml('web').replace('  name: web\n', '  name: web\n  namespace: shop\n')}`);
    expect(result.ok).toBe(true);
    expect(c.get('Pod', 'web', 'shop')).toBeDefined();
  });

  it('counts earlier documents of the same apply: a LimitRange defaults the Pods after it', () => {
    const c = newCluster();
    const result = c.apply(`apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
  - type: Container
    defaultRequest:
      cpu: 250m
    default:
      cpu: 500m
---
${podYaml('web')}`);
    expect(result.ok).toBe(true);
    const container = (c.get('Pod', 'web')?.spec as { containers: { resources: unknown }[] }).containers[0];
    expect(container.resources).toEqual({ requests: { cpu: '250m' }, limits: { cpu: '500m' } });
  });

  it('counts earlier documents of the same apply against a quota, and then applies nothing', () => {
    const c = newCluster();
    const result = c.apply(`apiVersion: v1
kind: ResourceQuota
metadata:
  name: two-pods
spec:
  hard:
    pods: "2"
---
${podYaml('a')}---
${podYaml('b')}---
${podYaml('c')}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      'Error from server (Forbidden): pods "c" is forbidden: exceeded quota: two-pods, requested: pods=1, used: pods=2, limited: pods=2',
    ]);
    expect(c.list('Pod')).toEqual([]);
    expect(c.get('ResourceQuota', 'two-pods')).toBeUndefined();
  });

  it('expands kind: List', () => {
    const c = newCluster();
    const result = c.apply(`apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: a
  data:
    k: v
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: b
`);
    expect(result).toMatchObject({ ok: true, results: [{ name: 'a' }, { name: 'b' }] });
  });

  it('stores kinds nothing acts on yet, with server metadata', () => {
    const c = newCluster();
    const result = c.apply(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
spec:
  podSelector: {}
  policyTypes: [Ingress]
`);
    expect(result.ok).toBe(true);
    const np = c.get('NetworkPolicy', 'deny-all');
    expect(np?.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number(np?.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(np?.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});
