import { describe, expect, it } from 'vitest';
import { newCluster, runUntil, syncErrors } from '../helpers';
import { dsStatus, dsYaml, isReady, nodeOf, nodeYaml, podsByNode, runUntilRolledOut } from './daemonsetFixtures';

const DAEMON_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

describe('DaemonSet: one Pod per Node', () => {
  it('runs one Pod on each of 3 Nodes, pinned by node affinity and bound by the default scheduler', () => {
    const c = newCluster();
    const from = c.steps.length;
    c.apply(dsYaml());
    runUntilRolledOut(c, 3);
    const pods = c.list('Pod');
    expect(pods.map(nodeOf).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    const revision = c.list('ControllerRevision')[0];
    const hash = revision.metadata.labels!['controller-revision-hash'];
    expect(revision.metadata.name).toBe(`agent-${hash}`);
    expect(hash).toMatch(/^[456789bcdf]{9,10}$/);
    for (const pod of pods) {
      const spec = pod.spec as { affinity: unknown; tolerations: unknown };
      expect(pod.metadata.generateName).toBe('agent-');
      expect(pod.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.labels).toEqual({ app: 'agent', 'controller-revision-hash': hash, 'pod-template-generation': '1' });
      expect(spec.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeOf(pod)] }] }] } } });
      expect(spec.tolerations).toEqual(DAEMON_TOLERATIONS);
    }
    // created unbound; the scheduler binds each to its Node
    const steps = c.steps.slice(from);
    const creates = steps.filter((s) => s.actor === 'daemonset-controller' && s.changes.some((ch) => ch.type === 'ADDED' && ch.kind === 'Pod'));
    expect(creates).toHaveLength(3);
    expect(creates.map((s) => s.events[0])).toEqual(creates.map((s) => `SuccessfulCreate: Created pod: ${s.changes[0].name}`));
    expect(creates.map((s) => s.message.match(/pinned to (node-\d)/)?.[1])).toEqual(['node-1', 'node-2', 'node-3']);
    expect(steps.filter((s) => s.actor === 'kube-scheduler')).toHaveLength(3);
    expect(c.events().find((e) => e.reason === 'SuccessfulCreate')?.source).toEqual({ component: 'daemonset-controller' });
    expect(dsStatus(c)).toEqual({ currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 3,
      observedGeneration: 1, updatedNumberScheduled: 3, numberAvailable: 3 });
    expect(syncErrors(c)).toEqual([]);
  });

  it('adds the network-unavailable toleration for hostNetwork Pods', () => {
    const c = newCluster({ nodes: 1 });
    c.apply(dsYaml({ podSpec: '      hostNetwork: true\n' }));
    runUntilRolledOut(c, 1);
    expect((c.list('Pod')[0].spec as { tolerations: unknown[] }).tolerations).toEqual([...DAEMON_TOLERATIONS,
      { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' }]);
  });

  it('runs a Pod on a Node that joins, when the Node carries no taint its Pods do not tolerate', () => {
    const c = newCluster();
    c.apply(dsYaml());
    runUntilRolledOut(c, 3);
    const from = c.steps.length;
    expect(c.apply(nodeYaml('node-4')).ok).toBe(true);
    runUntilRolledOut(c, 4);
    expect(Object.keys(podsByNode(c)).sort()).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
    const created = c.steps.findIndex((s, i) => i >= from && s.actor === 'daemonset-controller' &&
      s.changes.some((ch) => ch.type === 'ADDED' && ch.kind === 'Pod'));
    expect(c.steps[created].message).toMatch(/^DaemonSet agent: Node node-4 should run a Pod of DaemonSet agent and has none/);
    // the not-ready:NoSchedule taint of a Node that is not Ready yet is not tolerated by daemon Pods
    const taints = (c.at(created - 1).get('Node', 'node-4')!.spec as { taints?: { key: string }[] } | undefined)?.taints ?? [];
    expect(taints.map((t) => t.key)).not.toContain('node.kubernetes.io/not-ready');
  });

  it('removes the Pod of a Node that is deleted', () => {
    const c = newCluster();
    c.apply(dsYaml());
    runUntilRolledOut(c, 3);
    c.delete('Node', 'node-2');
    runUntil(c, () => !podsByNode(c)['node-2'] && dsStatus(c)?.desiredNumberScheduled === 2, 60_000);
    expect(c.list('Pod').map(nodeOf).sort()).toEqual(['node-1', 'node-3']);
    expect(dsStatus(c)).toMatchObject({ currentNumberScheduled: 2, numberReady: 2, numberMisscheduled: 0 });
  });
});

describe('DaemonSet: taints and tolerations', () => {
  const gpuTaint = '  - key: dedicated\n    value: gpu\n    effect: NoSchedule\n';

  it('skips a Node with a taint its Pods do not tolerate, and runs there once they do', () => {
    const c = newCluster();
    c.apply(nodeYaml('node-4', { taints: gpuTaint }));
    c.apply(dsYaml());
    runUntilRolledOut(c, 3);
    c.advance(30_000);
    expect(podsByNode(c)['node-4']).toBeUndefined();
    expect(dsStatus(c)?.desiredNumberScheduled).toBe(3);

    c.apply(dsYaml({ podSpec: '      tolerations:\n      - key: dedicated\n        operator: Equal\n        value: gpu\n        effect: NoSchedule\n' }));
    runUntilRolledOut(c, 4);
    expect(podsByNode(c)['node-4']).toHaveLength(1);
    expect(syncErrors(c)).toEqual([]);
  });

  it('keeps a Pod on a Node newly tainted NoSchedule (misscheduled), but removes it for an untolerated NoExecute taint', () => {
    const c = newCluster();
    c.apply(dsYaml());
    runUntilRolledOut(c, 3);
    c.apply(nodeYaml('node-1', { taints: gpuTaint }));
    runUntil(c, () => dsStatus(c)?.desiredNumberScheduled === 2, 30_000);
    c.advance(30_000);
    expect(podsByNode(c)['node-1']).toHaveLength(1);
    expect(dsStatus(c)).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 1 });

    const from = c.steps.length;
    c.apply(nodeYaml('node-2', { taints: '  - key: dedicated\n    value: db\n    effect: NoExecute\n' }));
    runUntil(c, () => !podsByNode(c)['node-2'], 30_000);
    const deletion = c.steps.slice(from).find((s) => s.actor === 'daemonset-controller' && s.message.includes('deletes'));
    expect(deletion?.message).toMatch(/^DaemonSet agent deletes agent-\w{5}: Node node-2 no longer runs DaemonSet agent: the Node has taint dedicated=db:NoExecute, which its Pods do not tolerate$/);
    expect(deletion?.events[0]).toMatch(/^SuccessfulDelete: Deleted pod: agent-\w{5}$/);
  });

  it('runs on a cordoned Node (daemon Pods tolerate unschedulable)', () => {
    const c = newCluster({ nodes: 1 });
    c.apply(`apiVersion: v1\nkind: Node\nmetadata:\n  name: node-1\nspec:\n  unschedulable: true\n`);
    c.advance(1000);
    c.apply(dsYaml());
    runUntilRolledOut(c, 1);
    expect(isReady(c.list('Pod')[0])).toBe(true);
  });
});

describe('DaemonSet: nodeSelector', () => {
  it('runs only on Nodes whose labels match, following label changes both ways', () => {
    const c = newCluster();
    c.apply(nodeYaml('node-2', { labels: '    disk: ssd\n' }));
    c.apply(dsYaml({ podSpec: '      nodeSelector:\n        disk: ssd\n' }));
    runUntilRolledOut(c, 1);
    expect(Object.keys(podsByNode(c))).toEqual(['node-2']);

    c.apply(nodeYaml('node-3', { labels: '    disk: ssd\n' }));
    runUntilRolledOut(c, 2);
    expect(Object.keys(podsByNode(c)).sort()).toEqual(['node-2', 'node-3']);

    c.apply(nodeYaml('node-2', { labels: '    disk: hdd\n' }));
    runUntil(c, () => !podsByNode(c)['node-2'] && dsStatus(c)?.desiredNumberScheduled === 1, 60_000);
    expect(Object.keys(podsByNode(c))).toEqual(['node-3']);
    expect(c.steps.some((s) => s.actor === 'daemonset-controller' &&
      /Node node-2 no longer runs DaemonSet agent: the Node's labels do not match its nodeSelector or required node affinity$/.test(s.message))).toBe(true);
    expect(syncErrors(c)).toEqual([]);
  });

  it('honours required node affinity from the template, then pins each Pod to its Node', () => {
    const c = newCluster();
    c.apply(dsYaml({ podSpec: `      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - {key: kubernetes.io/hostname, operator: NotIn, values: [node-1]}
` }));
    runUntilRolledOut(c, 2);
    expect(Object.keys(podsByNode(c)).sort()).toEqual(['node-2', 'node-3']);
  });
});
