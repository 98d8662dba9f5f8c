import { describe, expect, it } from 'vitest';
import { runUntil, syncErrors } from '../helpers';
import { cluster, ok, pod, quota, quotaStatus, type Obj } from './quotaFixtures';

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: app
        image: nginx:1.27
        resources: { requests: { cpu: 400m, memory: 256Mi }, limits: { cpu: 500m, memory: 256Mi } }
`;

describe('resourcequota-controller', () => {
  it('fills status.hard and status.used (zeros included) as soon as the quota exists', () => {
    const c = cluster();
    ok(c, quota('compute', { 'requests.cpu': '2', 'requests.memory': '1Gi', pods: '4', configmaps: '10' }));
    c.advance(100);
    expect(quotaStatus(c, 'compute')).toEqual({
      hard: { configmaps: '10', pods: '4', 'requests.cpu': '2', 'requests.memory': '1Gi' },
      used: { configmaps: '1', pods: '0', 'requests.cpu': '0', 'requests.memory': '0' },
    });
    const step = c.steps.find((s) => s.actor === 'resourcequota-controller')!;
    expect(step.message).toContain('configmaps 1/10, pods 0/4, requests.cpu 0/2, requests.memory 0/1Gi');
  });

  it('keeps status.used current as Pods come, finish and go', () => {
    const c = cluster();
    ok(c, quota('compute', { 'requests.cpu': '2', pods: '4', 'count/pods': '10' }));
    // `sleep` as PID 1 ignores SIGTERM: the Pod stays terminating for its whole grace period
    ok(c, pod('a', '{requests: {cpu: 500m}}').replace('nginx:1.27', 'busybox:1.36\n    command: [sleep, "3600"]'));
    ok(c, pod('b', '{requests: {cpu: 250m}}'));
    c.advance(100);
    expect(quotaStatus(c, 'compute').used).toEqual({ 'count/pods': '2', pods: '2', 'requests.cpu': '750m' });
    ok(c, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: once\nspec:\n  restartPolicy: Never\n  containers:\n  - name: app\n` +
      '    image: busybox:1.36\n    command: [sh, -c, "echo done"]\n    resources: {requests: {cpu: 1}}\n');
    c.advance(100);
    expect(quotaStatus(c, 'compute').used['requests.cpu']).toBe('1750m');
    runUntil(c, () => (c.get('Pod', 'once') as Obj).status?.phase === 'Succeeded', 60_000);
    c.advance(100);
    // a finished Pod no longer uses compute quota, but count/pods still counts the object
    expect(quotaStatus(c, 'compute').used).toEqual({ 'count/pods': '3', pods: '2', 'requests.cpu': '750m' });
    runUntil(c, () => (c.get('Pod', 'a') as Obj).status?.phase === 'Running', 60_000);
    c.delete('Pod', 'a');
    c.advance(10_000);
    // still terminating through its grace period: still charged
    expect(quotaStatus(c, 'compute').used['requests.cpu']).toBe('750m');
    runUntil(c, () => !c.get('Pod', 'a'), 60_000);
    c.advance(100);
    expect(quotaStatus(c, 'compute').used).toEqual({ 'count/pods': '2', pods: '1', 'requests.cpu': '250m' });
    expect(syncErrors(c)).toEqual([]);
  });

  it('makes a ReplicaSet report FailedCreate with the quota message, and lets it grow when the quota is raised', () => {
    const c = cluster();
    ok(c, quota('compute', { 'requests.cpu': '1', pods: '10' }));
    ok(c, deployment(3));
    runUntil(c, () => (c.events() as Obj[]).some((e) => e.reason === 'FailedCreate'), 30_000);
    const failed = (c.events() as Obj[]).find((e) => e.reason === 'FailedCreate')!;
    expect(failed.type).toBe('Warning');
    expect(failed.involvedObject.kind).toBe('ReplicaSet');
    expect(failed.message).toMatch(/^Error creating: pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: compute, requested: requests\.cpu=400m, used: requests\.cpu=800m, limited: requests\.cpu=1$/);
    c.advance(5_000);
    expect(c.list('Pod')).toHaveLength(2);
    expect(quotaStatus(c, 'compute').used).toEqual({ pods: '2', 'requests.cpu': '800m' });
    ok(c, quota('compute', { 'requests.cpu': '2', pods: '10' }));
    runUntil(c, () => c.list('Pod').length === 3, 600_000);
    c.advance(100);
    expect(quotaStatus(c, 'compute')).toEqual({ hard: { pods: '10', 'requests.cpu': '2' }, used: { pods: '3', 'requests.cpu': '1200m' } });
  });

  it('tracks object counts and class-scoped storage of claims', () => {
    const c = cluster();
    ok(c, quota('storage', { persistentvolumeclaims: '5', 'requests.storage': '10Gi', 'standard.storageclass.storage.k8s.io/requests.storage': '3Gi' }));
    const claim = (name: string, size: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec:\n` +
      `  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: ${size} } }\n`;
    ok(c, claim('a', '1Gi'));
    ok(c, claim('b', '1536Mi'));
    c.advance(100);
    expect(quotaStatus(c, 'storage').used).toEqual({
      persistentvolumeclaims: '2', 'requests.storage': '2560Mi', 'standard.storageclass.storage.k8s.io/requests.storage': '2560Mi',
    });
    const r = c.apply(claim('c', '1Gi'));
    expect(!r.ok && r.errors[0].message).toBe('Error from server (Forbidden): persistentvolumeclaims "c" is forbidden: exceeded quota: storage, ' +
      'requested: standard.storageclass.storage.k8s.io/requests.storage=1Gi, used: standard.storageclass.storage.k8s.io/requests.storage=2560Mi, ' +
      'limited: standard.storageclass.storage.k8s.io/requests.storage=3Gi');
  });
});
