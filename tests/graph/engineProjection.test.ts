/** The projection against the real engine: Pods go from the lane to their Nodes and run. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/index';
import { createGraphProjector } from '../../src/graph/projectGraph';
import { laneId } from '../../src/graph/ids';
import type { ClusterGraph, GraphNode, PodData } from '../../src/graph/types';

const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  initContainers:
    - name: init-db
      image: busybox:1.36
      command: ["sh", "-c", "true"]
  containers:
    - name: nginx
      image: nginx:1.27
      resources:
        requests: { cpu: 250m, memory: 64Mi }
`;
const MANIFEST = ['web-a', 'web-b', 'web-c'].map(pod).join('---\n');

function absolute(g: ClusterGraph): Map<string, { x: number; y: number; parent?: string }> {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const out = new Map<string, { x: number; y: number; parent?: string }>();
  for (const n of g.nodes) {
    const p = n.parentId ? byId.get(n.parentId)! : undefined;
    out.set(n.id, { x: n.position.x + (p?.position.x ?? 0), y: n.position.y + (p?.position.y ?? 0), parent: n.parentId });
  }
  return out;
}

const pods = (g: ClusterGraph) => g.nodes.filter((n): n is GraphNode<PodData> => n.data.kind === 'Pod');

describe('projection of the engine, Step by Step', () => {
  it('moves Pods from the Unscheduled lane into their Node, keeps Nodes and placed Pods in place unless a Pod is created, and shows the sandbox IP', () => {
    const cluster = createCluster({ seed: 7 });
    const applied = cluster.apply(MANIFEST);
    expect(applied.ok).toBe(true);
    for (let i = 0; i < 400 && cluster.step(); i++) {
      if (cluster.list('Pod').length === 3 && cluster.list('Pod').every((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running')) break;
    }
    const projector = createGraphProjector();
    let previous: ReturnType<typeof absolute> | undefined;
    let sawLane = false;
    let last: ClusterGraph | undefined;
    for (let s = 0; s < cluster.steps.length; s++) {
      const g = projector.project(cluster.at(s));
      const now = absolute(g);
      // Creating a taller Pod than any before may make the lane (and so the layout below it) grow.
      const podCreated = cluster.steps[s].changes.some((c) => c.kind === 'Pod' && c.type === 'ADDED');
      for (const [id, at] of podCreated ? [] : now) {
        const before = previous?.get(id);
        // Pods move only by being bound (lane → Node) or as the lane's queue advances; nothing else moves.
        if (before && before.parent === at.parent && at.parent !== laneId) expect({ id, x: at.x, y: at.y }).toEqual({ id, x: before.x, y: before.y });
      }
      if (pods(g).some((p) => p.parentId === laneId)) sawLane = true;
      previous = now;
      last = g;
    }
    expect(sawLane).toBe(true);
    const final = pods(last!);
    expect(final).toHaveLength(3);
    for (const p of final) {
      expect(p.parentId).toMatch(/^node\/node-\d+$/);
      expect(p.ariaLabel).toBe(`Pod ${p.data.name}, Running, ready 1/1`);
      const pod = cluster.get('Pod', p.data.name, 'default') as unknown as { status: { podIP: string } };
      expect(p.data.sandbox).toMatchObject({ state: 'ready', ip: pod.status.podIP });
      expect([...p.data.initContainers, ...p.data.containers].map((c) => c.ariaLabel))
        .toEqual(['container init-db (terminated: Completed)', 'container nginx (running)']);
    }
    const cpuInUse = last!.nodes.filter((n) => n.data.kind === 'Node').reduce((sum, n) => sum + (n.data.kind === 'Node' ? n.data.cpu.used : 0), 0);
    expect(cpuInUse).toBe(750);
  });
});
