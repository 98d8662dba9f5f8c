import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import { newCluster, phaseOf, runUntil, syncErrors } from '../helpers';

const rsYaml = (replicas: number) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: nginx:1.27
`;

const status = (c: Cluster) => (c.get('ReplicaSet', 'web')?.status ?? {}) as Record<string, number | undefined>;

describe('ReplicaSet replaces Pods that stop counting', () => {
  it('creates a replacement as soon as a Pod starts terminating, not when it is gone', () => {
    const c = newCluster();
    c.apply(rsYaml(2));
    runUntil(c, () => status(c).readyReplicas === 2);
    const [doomed, survivor] = c.list('Pod').map((p) => p.metadata.name);
    const from = c.steps.length;
    expect(c.delete('Pod', doomed).ok).toBe(true);
    runUntil(c, () => c.list('Pod').length === 3, 5_000);
    // the old Pod is still there, terminating gracefully, while its replacement exists
    expect(c.get('Pod', doomed)?.metadata.deletionTimestamp).toBeDefined();
    const create = c.steps.slice(from).find((s) => s.actor === 'replicaset-controller')!;
    expect(create.message).toContain('ReplicaSet web has 1 of 2 Pods: creating 1 (slow-start batch of 1');
    expect(create.time).toBe(c.steps[from].time);
    runUntil(c, () => !c.get('Pod', doomed) && status(c).readyReplicas === 2, 60_000);
    expect(c.list('Pod').map((p) => p.metadata.name)).toContain(survivor);
  });

  it('does not count a Failed Pod and creates a replacement for it', () => {
    const c = newCluster();
    // a ReplicaSet template may not set activeDeadlineSeconds, but an adopted Pod can carry one
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: short-lived
  labels: {app: web}
spec:
  activeDeadlineSeconds: 20
  containers:
  - name: app
    image: nginx:1.27
`);
    c.apply(rsYaml(1));
    runUntil(c, () => status(c).readyReplicas === 1);
    const first = 'short-lived';
    expect(c.list('Pod')).toHaveLength(1);
    runUntil(c, () => phaseOf(c.get('Pod', first)) === 'Failed', 60_000);
    runUntil(c, () => c.list('Pod').length === 2 && status(c).replicas === 1, 5_000);
    const replacement = c.list('Pod').find((p) => p.metadata.name !== first)!;
    expect(phaseOf(replacement)).not.toBe('Failed');
    // upstream leaves the Failed Pod for the Pod GC; the ReplicaSet neither counts nor deletes it
    expect(c.get('Pod', first)?.metadata.deletionTimestamp).toBeUndefined();
    expect(c.get('Pod', first)?.metadata.ownerReferences?.[0].name).toBe('web');
    expect((c.get('Pod', first)?.status as { reason?: string }).reason).toBe('DeadlineExceeded');
    expect(syncErrors(c)).toEqual([]);
  });
});
