import { describe, expect, it } from 'vitest';
import type { Cluster, Step } from '../../../src/engine';
import { newCluster, runUntil, syncErrors } from '../helpers';

const rsYaml = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 2
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

const readyCluster = (): { c: Cluster; pods: string[] } => {
  const c = newCluster();
  c.apply(rsYaml);
  runUntil(c, () => (c.get('ReplicaSet', 'web')?.status as { readyReplicas?: number })?.readyReplicas === 2);
  return { c, pods: c.list('Pod').map((p) => p.metadata.name).sort() };
};

const gcSteps = (steps: readonly Step[]) => steps.filter((s) => s.actor === 'garbage-collector');
const indexOfChange = (steps: readonly Step[], type: string, kind: string, name: string) =>
  steps.findIndex((s) => s.changes.some((ch) => ch.type === type && ch.kind === kind && ch.name === name));

describe('garbage collector: cascading deletion of a ReplicaSet with Pods', () => {
  it('background (default): the ReplicaSet goes at once, then its Pods are deleted gracefully', () => {
    const { c, pods } = readyCluster();
    const from = c.steps.length;
    expect(c.delete('ReplicaSet', 'web')).toEqual({ ok: true, message: 'replicaset.apps "web" deleted' });
    expect(c.get('ReplicaSet', 'web')).toBeUndefined();
    c.advance(0);
    const steps = c.steps.slice(from);
    expect(steps[0]).toMatchObject({ actor: 'kubectl', changes: [{ type: 'DELETED', kind: 'ReplicaSet', name: 'web' }] });
    expect(steps.slice(1, 3).map((s) => s.actor)).toEqual(['garbage-collector', 'garbage-collector']);
    expect(steps.slice(1, 3).map((s) => s.message)).toEqual(pods.map((p) =>
      `Pod ${p} belongs to ReplicaSet web, which no longer exists, so the garbage collector deletes it (propagationPolicy Background); the Pod terminates gracefully first`));
    for (const name of pods) {
      const pod = c.get('Pod', name)!;
      expect(pod.metadata.deletionTimestamp).toBeDefined();
      expect(pod.metadata.deletionGracePeriodSeconds).toBe(30);
    }
    runUntil(c, () => c.list('Pod').length === 0, 60_000);
    const all = c.steps.slice(from);
    for (const name of pods) {
      // the kubelet stops the containers (Killing) before the Pod object goes
      const killing = all.findIndex((s) => s.events.some((e) => e.startsWith('Killing:')) && s.message.includes(name));
      expect(killing).toBeGreaterThan(0);
      expect(indexOfChange(all, 'DELETED', 'Pod', name)).toBeGreaterThan(killing);
    }
    expect(all.some((s) => s.actor === 'replicaset-controller')).toBe(false);
    expect(syncErrors(c)).toEqual([]);
  });

  it('foreground: the ReplicaSet waits with a finalizer until its Pods are gone', () => {
    const { c, pods } = readyCluster();
    const from = c.steps.length;
    c.delete('ReplicaSet', 'web', 'default', { propagationPolicy: 'Foreground' });
    const rs = c.get('ReplicaSet', 'web')!;
    expect(rs.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(rs.metadata.deletionTimestamp).toBeDefined();
    c.advance(0);
    const early = c.steps.slice(from);
    expect(early[0]).toMatchObject({ actor: 'kubectl', changes: [{ type: 'MODIFIED', kind: 'ReplicaSet', name: 'web' }] });
    expect(gcSteps(early).slice(0, 2).map((s) => s.message)).toEqual(pods.map((p) =>
      `ReplicaSet web is being deleted in the foreground: the garbage collector deletes its dependent Pod ${p} first; the Pod terminates gracefully first`));
    // still there while its Pods terminate; a ReplicaSet being deleted creates no replacements
    expect(c.get('ReplicaSet', 'web')).toBeDefined();
    expect(c.get('ReplicaSet', 'web')!.status).toMatchObject({ replicas: 0 });
    runUntil(c, () => !c.get('ReplicaSet', 'web'), 60_000);
    const all = c.steps.slice(from);
    const rsGone = indexOfChange(all, 'DELETED', 'ReplicaSet', 'web');
    expect(all[rsGone]).toMatchObject({ actor: 'garbage-collector',
      message: 'No dependent of ReplicaSet web with blockOwnerDeletion is left, so the garbage collector removes its foregroundDeletion finalizer and ReplicaSet web is deleted' });
    for (const name of pods) expect(indexOfChange(all, 'DELETED', 'Pod', name)).toBeLessThan(rsGone);
    expect(all.some((s) => s.changes.some((ch) => ch.type === 'ADDED' && ch.kind === 'Pod'))).toBe(false);
    expect(c.list('Pod')).toEqual([]);
  });

  it('orphan: the Pods lose their ownerReference and keep running; the ReplicaSet goes', () => {
    const { c, pods } = readyCluster();
    const from = c.steps.length;
    c.delete('ReplicaSet', 'web', 'default', { propagationPolicy: 'Orphan' });
    expect(c.get('ReplicaSet', 'web')!.metadata.finalizers).toEqual(['orphan']);
    c.advance(5_000);
    const steps = c.steps.slice(from);
    expect(steps.map((s) => s.actor)).toEqual(['kubectl', 'garbage-collector', 'garbage-collector', 'garbage-collector']);
    expect(steps.slice(1, 3).map((s) => s.message)).toEqual(pods.map((p) =>
      `ReplicaSet web is deleted with propagationPolicy Orphan: the garbage collector removes its ownerReference from Pod ${p}, which stays without an owner`));
    expect(steps[3]).toMatchObject({ changes: [{ type: 'DELETED', kind: 'ReplicaSet', name: 'web' }],
      message: '2 dependent(s) of ReplicaSet web are orphaned, so the garbage collector removes its orphan finalizer and ReplicaSet web is deleted' });
    for (const name of pods) {
      const pod = c.get('Pod', name)!;
      expect(pod.metadata.ownerReferences).toBeUndefined();
      expect(pod.metadata.deletionTimestamp).toBeUndefined();
      expect((pod.status as { phase: string }).phase).toBe('Running');
    }
    // a new ReplicaSet with the same selector adopts the orphans instead of creating Pods
    c.apply(rsYaml);
    runUntil(c, () => (c.get('ReplicaSet', 'web')?.status as { replicas?: number })?.replicas === 2);
    expect(c.list('Pod').map((p) => p.metadata.name).sort()).toEqual(pods);
  });
});
