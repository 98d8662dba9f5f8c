import { describe, expect, it } from 'vitest';
import { apply, cluster, condition, deployment, nodeOf, pods, readyOf, runUntil, stepsSince, type Obj } from './faultHelpers';

describe('addNode / removeNode', () => {
  it('adds a Node that its kubelet registers and makes Ready, with the given size, labels and taints', () => {
    const c = cluster(1);
    const from = c.steps.length;
    expect(c.addNode(undefined, { cpu: 2, memory: '4Gi', pods: 20, labels: { disk: 'ssd' },
      taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] })).toEqual({ ok: true, message: 'node/node-2 created' });
    expect(c.steps[from]).toMatchObject({ actor: 'user', message: 'Node node-2 joined the cluster (2 CPU, 4Gi memory, 20 Pods): its kubelet registered it' });
    c.advance(1000);
    const node = c.get('Node', 'node-2') as Obj;
    expect(node.metadata.labels).toMatchObject({ disk: 'ssd', 'kubernetes.io/hostname': 'node-2' });
    expect(node.status.capacity).toMatchObject({ cpu: '2', memory: '4Gi', pods: '20' });
    expect(node.status.allocatable).toMatchObject({ cpu: '2', memory: '4Gi', pods: '20' });
    expect(node.spec.taints).toEqual([{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
    expect(node.spec.podCIDR).toBe('10.244.2.0/24');
    expect(condition(node, 'Ready')?.status).toBe('True');
    expect(c.get('Lease', 'node-2', 'kube-node-lease')).toMatchObject({ spec: { holderIdentity: 'node-2' } });
    expect(c.addNode('node-2')).toEqual({ ok: false, message: 'Error from server (AlreadyExists): nodes "node-2" already exists' });
    expect(c.addNode('node-3').message).toBe('node/node-3 created');
  });

  it('new Pods land on an added Node', () => {
    const c = cluster(1);
    c.cordon('node-1');
    apply(c, deployment('web', 2));
    c.advance(5000);
    expect(pods(c).every((p) => !nodeOf(p))).toBe(true);
    c.addNode();
    runUntil(c, () => pods(c).filter((p) => readyOf(p) === 'True').length === 2, 120_000);
    expect(pods(c).map(nodeOf)).toEqual(['node-2', 'node-2']);
  });

  it('removes a Node: its Lease is collected, its Pods force-deleted by PodGC 40s later and replaced elsewhere', () => {
    const c = cluster(2);
    apply(c, deployment('web', 2));
    c.advance(20_000);
    const gone = pods(c).find((p) => nodeOf(p) === 'node-2')!.metadata.name;
    const from = c.steps.length;
    expect(c.removeNode('node-2')).toEqual({ ok: true, message: 'node "node-2" deleted' });
    expect(c.steps[from]).toMatchObject({ actor: 'kubectl', time: 20_000 });
    c.advance(39_999);
    expect(c.get('Pod', gone)).toBeDefined();
    c.advance(1);
    expect(c.get('Pod', gone)).toBeUndefined();
    expect(c.get('Lease', 'node-2', 'kube-node-lease')).toBeUndefined();
    expect(stepsSince(c, from, 'garbage-collector').some((s) => s.changes.some((x) => x.kind === 'Lease' && x.type === 'DELETED'))).toBe(true);
    runUntil(c, () => pods(c).filter((p) => readyOf(p) === 'True').length === 2, 60_000);
    expect(pods(c).map(nodeOf)).toEqual(['node-1', 'node-1']);
    expect(c.removeNode('node-2')).toEqual({ ok: false, message: 'Error from server (NotFound): nodes "node-2" not found' });
  });
});
