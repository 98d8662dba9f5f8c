import { describe, expect, it } from 'vitest';
import type { Cluster, KubeObject, Step } from '../../../src/engine';
import { newCluster, runUntil, syncErrors } from '../helpers';

interface RsOptions { replicas: number; ownerUid?: string; podSpecExtra?: string }

const rsYaml = ({ replicas, ownerUid, podSpecExtra = '' }: RsOptions) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web${ownerUid ? `
  ownerReferences:
  - {apiVersion: v1, kind: ConfigMap, name: family, uid: ${ownerUid}, controller: true}` : ''}
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
        image: nginx:1.27${podSpecExtra}
`;

const status = (c: Cluster) => (c.get('ReplicaSet', 'web')?.status ?? {}) as { replicas?: number; readyReplicas?: number };
const nodeOf = (p: KubeObject | undefined) => (p?.spec as { nodeName?: string } | undefined)?.nodeName;
const live = (c: Cluster) => c.list('Pod').filter((p) => !p.metadata.deletionTimestamp);
const deleteSteps = (steps: readonly Step[]) => steps.filter((s) => s.actor === 'replicaset-controller' && s.message.includes(': deleting '));
const victim = (s: Step) => /deleting (\S+),/.exec(s.message)![1];

/** Scales and runs until the ReplicaSet has issued its deletes; returns those Steps. */
function scaleDown(c: Cluster, replicas: number): Step[] {
  const from = c.steps.length;
  c.scale('ReplicaSet', 'web', replicas);
  runUntil(c, () => live(c).length === replicas, 10_000);
  return deleteSteps(c.steps.slice(from));
}

describe('ReplicaSet scale-down picks Pods by the deletion ranking', () => {
  it('deletes an unscheduled Pod first, at once, with SuccessfulDelete', () => {
    const c = newCluster({ nodes: 2 });
    c.apply(rsYaml({ replicas: 3, podSpecExtra: '\n        resources: {requests: {cpu: "3"}}' }));
    runUntil(c, () => status(c).readyReplicas === 2 && c.events().some((e) => e.reason === 'FailedScheduling'));
    const pending = c.list('Pod').find((p) => !nodeOf(p))!;
    const [step, ...more] = scaleDown(c, 2);
    expect(more).toEqual([]);
    expect(step.message).toBe(`ReplicaSet web has 3 of 2 Pods: deleting ${pending.metadata.name}, because it is not scheduled to a Node yet, and unscheduled Pods go first`);
    expect(step.events).toEqual([`SuccessfulDelete: Deleted pod: ${pending.metadata.name}`]);
    // an unscheduled Pod has nothing to stop: the API server removes it straight away
    expect(step.changes).toEqual([{ type: 'DELETED', kind: 'Pod', name: pending.metadata.name, namespace: 'default' }]);
    expect(c.events().find((e) => e.reason === 'SuccessfulDelete')).toMatchObject({ type: 'Normal',
      source: { component: 'replicaset-controller' }, involvedObject: { kind: 'ReplicaSet', name: 'web' } });
  });

  it('deletes a not-ready Pod before ready ones', () => {
    const c = newCluster();
    const probe = '\n        readinessProbe: {exec: {command: ["true"]}, initialDelaySeconds: 60, periodSeconds: 5}';
    c.apply(rsYaml({ replicas: 2, podSpecExtra: probe }));
    runUntil(c, () => status(c).readyReplicas === 2, 120_000);
    const ready = c.list('Pod').map((p) => p.metadata.name);
    c.scale('ReplicaSet', 'web', 3);
    runUntil(c, () => c.list('Pod').some((p) => !ready.includes(p.metadata.name) &&
      (p.status as { phase?: string }).phase === 'Running'), 30_000);
    const fresh = c.list('Pod').find((p) => !ready.includes(p.metadata.name))!;
    const [step] = scaleDown(c, 2);
    expect(victim(step)).toBe(fresh.metadata.name);
    expect(step.message).toContain('because it is not Ready, and not-ready Pods go first');
    expect(c.list('Pod').map((p) => p.metadata.name).filter((n) => ready.includes(n))).toHaveLength(2);
  });

  it('deletes from the doubled-up Node first when the ReplicaSet has a controller', () => {
    const c = newCluster({ nodes: 2 });
    c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: family\n');
    c.apply(rsYaml({ replicas: 3, ownerUid: c.get('ConfigMap', 'family')!.metadata.uid }));
    runUntil(c, () => status(c).readyReplicas === 3);
    const byNode = new Map<string, string[]>();
    for (const p of c.list('Pod')) byNode.set(nodeOf(p)!, [...(byNode.get(nodeOf(p)!) ?? []), p.metadata.name]);
    const [doubled, single] = [...byNode.entries()].sort((a, b) => b[1].length - a[1].length);
    expect(doubled[1]).toHaveLength(2);
    const [step] = scaleDown(c, 2);
    expect(doubled[1]).toContain(victim(step));
    expect(step.message).toContain(`its Node ${doubled[0]} runs 2 of this workload's Pods, more than the 1 on ${single[0]}; doubled-up Nodes lose Pods first`);
    // the Pod goes gracefully: it is terminating until its kubelet has stopped it
    expect(step.changes).toEqual([{ type: 'MODIFIED', kind: 'Pod', name: victim(step), namespace: 'default' }]);
  });

  it('deletes the most recently ready Pod first', () => {
    const c = newCluster();
    c.apply(rsYaml({ replicas: 1 }));
    runUntil(c, () => status(c).readyReplicas === 1);
    const old = c.list('Pod')[0].metadata.name;
    c.advance(10 * 60_000);
    c.scale('ReplicaSet', 'web', 2);
    runUntil(c, () => status(c).readyReplicas === 2);
    const fresh = c.list('Pod').find((p) => p.metadata.name !== old)!.metadata.name;
    c.advance(60_000);
    const [step] = scaleDown(c, 1);
    expect(step.message).toBe(`ReplicaSet web has 2 of 1 Pods: deleting ${fresh}, because it became Ready more recently than ${old} (compared on a log₂ scale of time since Ready)`);
  });

  it('deletes all Pods without ranking when scaled to 0', () => {
    const c = newCluster();
    c.apply(rsYaml({ replicas: 3 }));
    runUntil(c, () => status(c).readyReplicas === 3);
    const steps = scaleDown(c, 0);
    expect(steps).toHaveLength(3);
    // the deletes are issued together, in one sync, before any status write
    const first = c.steps.indexOf(steps[0]);
    expect(c.steps.slice(first, first + 3)).toEqual(steps);
    for (const s of steps) expect(s.message).toContain('because all 3 go, so there is nothing to rank');
    runUntil(c, () => c.list('Pod').length === 0 && status(c).replicas === 0, 60_000);
    expect(syncErrors(c)).toEqual([]);
  });
});
