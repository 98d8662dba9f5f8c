import { describe, expect, it } from 'vitest';
import { podStatusColumn } from '../../../src/engine/kubelet/columns';
import { timestamp } from '../../../src/engine/core/time';
import {
  apply, cluster, condition, deployment, eventsAbout, nodeOf, pods, readyOf, runUntil, stepsSince, syncErrors, type Cluster, type Obj,
} from './faultHelpers';

const UNREACHABLE = 'node.kubernetes.io/unreachable';

function webOnThreeNodes(): { c: Cluster; victim: string; pod: string } {
  const c = cluster(3);
  apply(c, deployment('web', 3));
  c.advance(30_000);
  const first = pods(c).find((p) => p.status.phase === 'Running')!;
  return { c, victim: nodeOf(first)!, pod: first.metadata.name };
}

const node = (c: Cluster, name: string) => c.get('Node', name) as Obj;

describe('stopKubelet: the node lifecycle controller and the taint manager', () => {
  it('marks the Node Unknown 50s after the last Lease renewal, then its Pods not Ready, then taints it', () => {
    const { c, victim, pod } = webOnThreeNodes();
    const from = c.steps.length;
    expect(c.stopKubelet(victim)).toEqual({ ok: true, message: `kubelet on node ${victim} stopped` });
    expect(c.steps[from]).toMatchObject({ actor: 'user', time: 30_000 });
    expect(c.steps[from].message).toMatch(/^Stopped the kubelet on node-\d: it no longer posts Node status nor renews its Lease/);

    c.advance(49_999);
    expect(condition(node(c, victim), 'Ready')?.status).toBe('True');
    c.advance(1);
    const conditions = node(c, victim).status.conditions as Obj[];
    expect(conditions.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['MemoryPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
      ['DiskPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
      ['PIDPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
      ['Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
    ]);
    expect(conditions[3].lastTransitionTime).toBe(timestamp(80_000));
    expect(eventsAbout(c, victim, 'NodeNotReady')).toEqual([expect.objectContaining({
      type: 'Normal', message: `Node ${victim} status is now: NodeNotReady`, source: { component: 'node-controller' } })]);
    expect(readyOf(c.get('Pod', pod) as Obj)).toBe('False');
    expect(eventsAbout(c, pod, 'NodeNotReady')).toEqual([expect.objectContaining({ type: 'Warning', message: 'Node is not ready' })]);
    expect(node(c, victim).spec.taints).toEqual(expect.arrayContaining([
      { key: UNREACHABLE, effect: 'NoSchedule', timeAdded: timestamp(80_000) },
      { key: UNREACHABLE, effect: 'NoExecute', timeAdded: timestamp(80_000) },
    ]));
    const lifecycle = stepsSince(c, from, 'node-lifecycle-controller').map((s) => [s.time, s.message.split(':')[0]]);
    expect(lifecycle).toEqual([
      [80_000, `Node ${victim} is NotReady`],
      [80_000, `Pod default/${pod} is no longer Ready`],
      [80_000, `Node ${victim}`],
      [80_000, `Node ${victim}`],
    ]);
    expect(syncErrors(c)).toEqual([]);
  });

  it('evicts the Pod 300s after the NoExecute taint (default toleration), and its ReplicaSet replaces it elsewhere', () => {
    const { c, victim, pod } = webOnThreeNodes();
    c.stopKubelet(victim);
    c.advance(50_000 + 299_999);
    expect((c.get('Pod', pod) as Obj).metadata.deletionTimestamp).toBeUndefined();
    const from = c.steps.length;
    c.advance(1);
    const evicted = c.get('Pod', pod) as Obj;
    expect(evicted.metadata.deletionTimestamp).toBe(timestamp(380_000 + 30_000));
    expect(condition(evicted, 'DisruptionTarget')).toMatchObject({
      status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    expect(eventsAbout(c, pod, 'TaintManagerEviction')).toEqual([expect.objectContaining({
      type: 'Normal', message: `Marking for deletion Pod default/${pod}`, source: { component: 'taint-eviction-controller' } })]);
    const taintSteps = stepsSince(c, from, 'taint-eviction-controller');
    expect(taintSteps.map((s) => s.time)).toEqual([380_000, 380_000]);
    expect(taintSteps[1].changes).toEqual([{ type: 'MODIFIED', kind: 'Pod', name: pod, namespace: 'default' }]);

    runUntil(c, () => pods(c).filter((p) => p.status.phase === 'Running' && !p.metadata.deletionTimestamp && readyOf(p) === 'True').length === 3, 60_000);
    const replacement = pods(c).find((p) => p.metadata.creationTimestamp === timestamp(380_000));
    expect(replacement && nodeOf(replacement)).not.toBe(victim);
    expect(replacement?.status.phase).toBe('Running');
    expect(pods(c).filter((p) => !p.metadata.deletionTimestamp).every((p) => nodeOf(p) !== victim)).toBe(true);

    // nobody confirms the containers stopped: the Pod stays Terminating while the kubelet is down
    c.advance(600_000);
    const stuck = c.get('Pod', pod) as Obj;
    expect(stuck).toBeDefined();
    expect(podStatusColumn(stuck)).toBe('Terminating');
  });

  it('brings the Node back when the kubelet starts: Ready, taints gone, the Terminating Pod cleaned up', () => {
    const { c, victim, pod } = webOnThreeNodes();
    c.stopKubelet(victim);
    c.advance(400_000);
    expect(c.get('Pod', pod)).toBeDefined();
    const from = c.steps.length;
    expect(c.startKubelet(victim)).toEqual({ ok: true, message: `kubelet on node ${victim} started` });
    c.advance(40_000);
    const n = node(c, victim);
    expect(condition(n, 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(condition(n, 'MemoryPressure')).toMatchObject({ status: 'False', reason: 'KubeletHasSufficientMemory' });
    expect((n.spec.taints ?? []).filter((t: Obj) => t.key === UNREACHABLE)).toEqual([]);
    const kubelet = stepsSince(c, from, `kubelet/${victim}`);
    expect(kubelet[0].events).toEqual(expect.arrayContaining(['Starting: Starting kubelet.', `NodeReady: Node ${victim} status is now: NodeReady`]));
    expect(c.get('Pod', pod)).toBeUndefined();
    expect(c.startKubelet(victim)).toEqual({ ok: true, message: `kubelet on node ${victim} is already running` });
  });

  it('keeps the Lease renewing every 10s without a Step, and frozen once the kubelet stops', () => {
    const { c, victim } = webOnThreeNodes();
    const leases = () => Object.fromEntries((c.list('Lease', 'kube-node-lease') as Obj[]).map((l) => [l.metadata.name, l]));
    expect(Object.keys(leases()).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    expect(leases()[victim]).toMatchObject({
      spec: { holderIdentity: victim, leaseDurationSeconds: 40, renewTime: '2025-01-01T09:00:30.000000Z' },
      metadata: { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: victim }] },
    });
    c.stopKubelet(victim);
    const stopStep = c.steps.length - 1;
    c.advance(45_000);
    const other = ['node-1', 'node-2', 'node-3'].find((n) => n !== victim)!;
    expect(leases()[victim].spec.renewTime).toBe('2025-01-01T09:00:30.000000Z');
    expect(leases()[other].spec.renewTime).toBe('2025-01-01T09:01:10.000000Z');
    expect((c.at(stopStep).get('Lease', victim, 'kube-node-lease') as Obj).spec.renewTime).toBe('2025-01-01T09:00:30.000000Z');
  });

  it('goes NotReady 50s after the last renewal, not after the stop (checked on the 5s monitor grid)', () => {
    const c = cluster(3);
    c.advance(33_000);
    c.stopKubelet('node-2');
    c.advance(46_999);
    expect(condition(node(c, 'node-2'), 'Ready')?.status).toBe('True');
    c.advance(1);
    expect(condition(node(c, 'node-2'), 'Ready')?.status).toBe('Unknown');
  });

  it('never evicts DaemonSet Pods (they tolerate unreachable forever), and honours a shorter tolerationSeconds', () => {
    const c = cluster(2);
    apply(c, `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: a, image: busybox:1.36, command: [sleep, infinity]}]
---
apiVersion: v1
kind: Pod
metadata: {name: quick}
spec:
  nodeName: node-1
  tolerations:
  - {key: ${UNREACHABLE}, operator: Exists, effect: NoExecute, tolerationSeconds: 10}
  containers: [{name: app, image: nginx:1.27}]
`);
    c.advance(20_000);
    c.stopKubelet('node-1');
    c.advance(50_000 + 9_999);
    expect((c.get('Pod', 'quick') as Obj).metadata.deletionTimestamp).toBeUndefined();
    c.advance(1);
    expect((c.get('Pod', 'quick') as Obj).metadata.deletionTimestamp).toBeDefined();
    c.advance(900_000);
    const daemon = pods(c).find((p) => nodeOf(p) === 'node-1' && p.metadata.name.startsWith('agent-'))!;
    expect(daemon.metadata.deletionTimestamp).toBeUndefined();
  });

  it('taints nothing when every Node is unreachable (master disruption mode)', () => {
    const c = cluster(1);
    apply(c, `apiVersion: v1\nkind: Pod\nmetadata: {name: solo}\nspec:\n  containers: [{name: app, image: nginx:1.27}]\n`);
    c.advance(20_000);
    const from = c.steps.length;
    c.stopKubelet('node-1');
    c.advance(900_000);
    expect(node(c, 'node-1').spec.taints).toEqual([{ key: UNREACHABLE, effect: 'NoSchedule', timeAdded: timestamp(70_000) }]);
    expect(pods(c).every((p) => !p.metadata.deletionTimestamp)).toBe(true);
    expect(stepsSince(c, from, 'node-lifecycle-controller').map((s) => s.message))
      .toContain('Controller detected that all Nodes are not-Ready. Entering master disruption mode: with no Node Ready the ' +
        'controller suspects its own connectivity, so it adds no NoExecute taints and evicts no Pods');
  });

  it('does not take a Node that is still registering for a disruption', () => {
    const c = cluster(0);
    apply(c, 'apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-1\n');
    c.advance(10_000);
    expect(c.steps.filter((s) => s.actor === 'node-lifecycle-controller').map((s) => s.message))
      .toEqual(['Node worker-1: removed taint node.kubernetes.io/not-ready:NoSchedule']);
  });

  it('goes quiet again: no Step per Lease renewal', () => {
    const c = cluster(3);
    apply(c, deployment('web', 2));
    let n = 0;
    while (c.step()) n++;
    expect(n).toBeGreaterThan(0);
    const now = c.now;
    expect(c.step()).toBeUndefined();
    expect(c.now).toBe(now);
  });
});
