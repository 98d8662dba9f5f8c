import { describe, expect, it } from 'vitest';
import type { Cluster, KubeObject } from '../../../src/engine';
import { newCluster, runUntil, syncErrors } from '../helpers';

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
      labels: {app: web, tier: front}
    spec:
      containers:
      - name: app
        image: nginx:1.27
`;

const orphanYaml = (name: string, labels: string, annotations = '{}', owner = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: ${labels}
  annotations: ${annotations}${owner}
spec:
  containers:
  - name: app
    image: nginx:1.27
`;

const controllerUid = (p: KubeObject | undefined) => p?.metadata.ownerReferences?.find((r) => r.controller)?.uid;
const status = (c: Cluster) => (c.get('ReplicaSet', 'web')?.status ?? {}) as Record<string, number | undefined>;
const live = (c: Cluster) => c.list('Pod').filter((p) => !p.metadata.deletionTimestamp);

describe('ReplicaSet adoption and release', () => {
  it('adopts a matching orphan Pod and creates only the missing replicas', () => {
    const c = newCluster();
    c.apply(orphanYaml('stray', '{app: web}'));
    const from = c.steps.length;
    c.apply(rsYaml(2));
    runUntil(c, () => status(c).replicas === 2);
    const rs = c.get('ReplicaSet', 'web')!;
    const stray = c.get('Pod', 'stray')!;
    expect(stray.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web',
      uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    const steps = c.steps.slice(from).filter((s) => s.actor === 'replicaset-controller');
    expect(steps[0]).toMatchObject({ message: 'ReplicaSet web adopted Pod stray (its labels match the selector)',
      changes: [{ type: 'MODIFIED', kind: 'Pod', name: 'stray', namespace: 'default' }] });
    expect(steps[1].message).toContain('ReplicaSet web has 1 of 2 Pods: creating 1');
    expect(c.list('Pod')).toHaveLength(2);
    // the adopted Pod carries only the selector's label, not the whole template's
    expect(status(c).fullyLabeledReplicas).toBe(1);
  });

  it('releases a Pod whose labels stop matching and replaces it', () => {
    const c = newCluster();
    c.apply(orphanYaml('stray', '{app: web}'));
    c.apply(rsYaml(1));
    runUntil(c, () => controllerUid(c.get('Pod', 'stray')) !== undefined && status(c).readyReplicas === 1);
    const from = c.steps.length;
    c.apply(orphanYaml('stray', '{app: debug}'));
    runUntil(c, () => live(c).length === 2 && status(c).replicas === 1);
    expect(c.get('Pod', 'stray')!.metadata.ownerReferences).toBeUndefined();
    const steps = c.steps.slice(from).filter((s) => s.actor === 'replicaset-controller');
    expect(steps[0].message).toBe('ReplicaSet web released Pod stray (its labels no longer match)');
    expect(steps[1].message).toContain('ReplicaSet web has 0 of 1 Pods: creating 1');
    // the released Pod keeps running; it is simply no longer the ReplicaSet's
    expect((c.get('Pod', 'stray')!.status as { phase: string }).phase).toBe('Running');
  });

  it('leaves alone a matching Pod that another controller owns', () => {
    const c = newCluster();
    c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n');
    const uid = c.get('ConfigMap', 'other')!.metadata.uid;
    c.apply(orphanYaml('taken', '{app: web}', '{}',
      `\n  ownerReferences:\n  - {apiVersion: v1, kind: ConfigMap, name: other, uid: ${uid}, controller: true}`));
    c.apply(rsYaml(1));
    runUntil(c, () => status(c).replicas === 1);
    expect(controllerUid(c.get('Pod', 'taken'))).toBe(uid);
    expect(c.list('Pod')).toHaveLength(2);
  });

  it('scales adopted Pods down by pod-deletion-cost, lowest first', () => {
    const c = newCluster();
    const cost = (n: number) => `{controller.kubernetes.io/pod-deletion-cost: "${n}"}`;
    c.apply([orphanYaml('a', '{app: web}', cost(-5)), orphanYaml('b', '{app: web}', cost(0)), orphanYaml('c', '{app: web}', cost(10))].join('---\n'));
    c.apply(rsYaml(3));
    runUntil(c, () => status(c).readyReplicas === 3);
    expect(c.list('Pod').map((p) => p.metadata.name).sort()).toEqual(['a', 'b', 'c']);
    const from = c.steps.length;
    c.scale('ReplicaSet', 'web', 1);
    runUntil(c, () => live(c).length === 1, 10_000);
    expect(live(c).map((p) => p.metadata.name)).toEqual(['c']);
    const messages = c.steps.slice(from).filter((s) => s.message.includes(': deleting ')).map((s) => s.message);
    expect(messages).toEqual([
      'ReplicaSet web has 3 of 1 Pods: deleting a, because its pod-deletion-cost -5 is lower than the 10 of c',
      'ReplicaSet web has 3 of 1 Pods: deleting b, because its pod-deletion-cost 0 is lower than the 10 of c',
    ]);
    expect(syncErrors(c)).toEqual([]);
  });
});
