import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import { newCluster, runUntil, syncErrors } from '../helpers';

const configMap = (name: string, owners: { name: string; uid: string; block?: boolean; controller?: boolean }[] = []) =>
  `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}${owners.length ? `
  ownerReferences:${owners.map((o) => `
  - {apiVersion: v1, kind: ConfigMap, name: ${o.name}, uid: ${o.uid}${o.block ? ', blockOwnerDeletion: true' : ''}${o.controller ? ', controller: true' : ''}}`).join('')}` : ''}
`;

const uidOf = (c: Cluster, name: string) => c.get('ConfigMap', name)!.metadata.uid;

describe('garbage collector: owners and dependents', () => {
  it('keeps a dependent that still has a live owner, removing only the reference to the owner that went', () => {
    const c = newCluster();
    c.apply(configMap('a') + '---\n' + configMap('b'));
    c.apply(configMap('child', [{ name: 'a', uid: uidOf(c, 'a') }, { name: 'b', uid: uidOf(c, 'b') }]));
    c.advance(1000);
    const from = c.steps.length;
    c.delete('ConfigMap', 'a');
    c.advance(1000);
    expect(c.get('ConfigMap', 'child')!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', name: 'b', uid: uidOf(c, 'b') }]);
    expect(c.steps.slice(from)[1]).toMatchObject({ actor: 'garbage-collector',
      message: 'ConfigMap child still has owner ConfigMap b, so it stays; the garbage collector only removes its ownerReference to ConfigMap a, because ConfigMap a no longer exists' });
    c.delete('ConfigMap', 'b');
    c.advance(1000);
    expect(c.get('ConfigMap', 'child')).toBeUndefined();
  });

  it('deletes an object created with an owner that does not exist', () => {
    const c = newCluster();
    c.apply(configMap('ghost-child', [{ name: 'ghost', uid: '6a1c7e0e-0000-4000-8000-000000000000' }]));
    c.advance(1000);
    expect(c.get('ConfigMap', 'ghost-child')).toBeUndefined();
    expect(c.steps[c.steps.length - 1]).toMatchObject({ actor: 'garbage-collector',
      message: 'ConfigMap ghost-child belongs to ConfigMap ghost, which no longer exists, so the garbage collector deletes it (propagationPolicy Background)' });
  });

  it('treats an owner reference whose uid belongs to another object of that name as dangling', () => {
    const c = newCluster();
    c.apply(configMap('owner'));
    const stale = uidOf(c, 'owner');
    c.apply(configMap('child', [{ name: 'owner', uid: stale }]));
    c.advance(1000);
    c.delete('ConfigMap', 'owner', 'default', { propagationPolicy: 'Orphan' });
    c.advance(1000);
    c.apply(configMap('owner'));
    c.apply(configMap('late', [{ name: 'owner', uid: stale }]));
    c.advance(1000);
    expect(uidOf(c, 'owner')).not.toBe(stale);
    expect(c.get('ConfigMap', 'child')!.metadata.ownerReferences).toBeUndefined();
    expect(c.get('ConfigMap', 'late')).toBeUndefined();
  });

  it('cascades foreground deletion through two levels: Pods, then the ReplicaSet, then its owner', () => {
    const c = newCluster();
    c.apply(configMap('top'));
    c.apply(`apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: mid
  ownerReferences:
  - {apiVersion: v1, kind: ConfigMap, name: top, uid: ${uidOf(c, 'top')}, controller: true, blockOwnerDeletion: true}
spec:
  replicas: 2
  selector: {matchLabels: {app: mid}}
  template:
    metadata: {labels: {app: mid}}
    spec:
      containers: [{name: app, image: "nginx:1.27"}]
`);
    runUntil(c, () => (c.get('ReplicaSet', 'mid')?.status as { readyReplicas?: number })?.readyReplicas === 2);
    const from = c.steps.length;
    c.delete('ConfigMap', 'top', 'default', { propagationPolicy: 'Foreground' });
    c.advance(0);
    // the ReplicaSet has dependents of its own, so it is deleted in the foreground too
    expect(c.get('ReplicaSet', 'mid')!.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(c.get('ConfigMap', 'top')).toBeDefined();
    runUntil(c, () => !c.get('ConfigMap', 'top'), 60_000);
    const steps = c.steps.slice(from);
    const gone = (kind: string, name: string) => steps.findIndex((s) => s.changes.some((ch) => ch.type === 'DELETED' && ch.kind === kind && ch.name === name));
    const lastPod = Math.max(...steps.flatMap((s, i) => (s.changes.some((ch) => ch.type === 'DELETED' && ch.kind === 'Pod') ? [i] : [])));
    expect(lastPod).toBeLessThan(gone('ReplicaSet', 'mid'));
    expect(gone('ReplicaSet', 'mid')).toBeLessThan(gone('ConfigMap', 'top'));
    expect(c.list('Pod')).toEqual([]);
    expect(syncErrors(c)).toEqual([]);
  });

  it('does not make a foreground owner wait for a dependent without blockOwnerDeletion, but still deletes it', () => {
    const c = newCluster();
    c.apply(configMap('boss'));
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: worker
  ownerReferences:
  - {apiVersion: v1, kind: ConfigMap, name: boss, uid: ${uidOf(c, 'boss')}}
spec:
  containers: [{name: app, image: "nginx:1.27"}]
`);
    runUntil(c, () => (c.get('Pod', 'worker')?.status as { phase?: string }).phase === 'Running');
    c.delete('ConfigMap', 'boss', 'default', { propagationPolicy: 'Foreground' });
    c.advance(0);
    expect(c.get('ConfigMap', 'boss')).toBeUndefined();
    // the Pod is terminating gracefully; nothing waited for it
    expect(c.get('Pod', 'worker')?.metadata.deletionTimestamp).toBeDefined();
    runUntil(c, () => !c.get('Pod', 'worker'), 60_000);
  });

  it('lets an object deleted in the foreground without dependents go (a Pod still terminates gracefully)', () => {
    const c = newCluster();
    c.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers: [{name: app, image: "nginx:1.27"}]\n');
    runUntil(c, () => (c.get('Pod', 'solo')?.status as { phase?: string }).phase === 'Running');
    c.delete('Pod', 'solo', 'default', { propagationPolicy: 'Foreground' });
    expect(c.get('Pod', 'solo')!.metadata.finalizers).toEqual(['foregroundDeletion']);
    c.advance(0);
    const pod = c.get('Pod', 'solo')!;
    expect(pod.metadata.finalizers).toBeUndefined();
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(c.steps.some((s) => s.actor === 'garbage-collector' &&
      s.message === 'No dependent of Pod solo with blockOwnerDeletion is left, so the garbage collector removes its ' +
      'foregroundDeletion finalizer and Pod solo goes once its graceful termination ends')).toBe(true);
    runUntil(c, () => !c.get('Pod', 'solo'), 60_000);
  });

  it('warns about a cluster-scoped object that names a namespaced owner and leaves it alone', () => {
    const c = newCluster();
    c.apply(configMap('cm'));
    c.apply(`apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: odd
  ownerReferences:
  - {apiVersion: v1, kind: ConfigMap, name: cm, uid: ${uidOf(c, 'cm')}}
rules: []
`);
    c.advance(1000);
    expect(c.get('ClusterRole', 'odd')).toBeDefined();
    expect(c.events().find((e) => e.reason === 'OwnerRefInvalidNamespace')).toMatchObject({ type: 'Warning',
      message: `ownerRef [v1/ConfigMap, namespace: , name: cm, uid: ${uidOf(c, 'cm')}] does not exist in namespace ""`,
      involvedObject: { kind: 'ClusterRole', name: 'odd' } });
  });
});
