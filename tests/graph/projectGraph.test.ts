import { describe, expect, it } from 'vitest';
import { createGraphProjector, projectGraph } from '../../src/graph/projectGraph';
import { laneId, nodeId } from '../../src/graph/ids';
import { LANE_MAX_ROWS, podsPerRow } from '../../src/graph/layout';
import type { ClusterGraph, GraphNode, NodeBoxData, PodData } from '../../src/graph/types';
import { fakeView, makeNode, makePod, running, sandbox, terminated, waiting } from './fixtures';

const byLabel = (g: ClusterGraph, prefix: string) => g.nodes.filter((n) => n.ariaLabel.startsWith(prefix));
const pod = (g: ClusterGraph, name: string) => g.nodes.find((n) => n.data.kind === 'Pod' && n.data.name === name) as GraphNode<PodData>;
const box = (g: ClusterGraph, name: string) => g.nodes.find((n) => n.id === nodeId(name)) as GraphNode<NodeBoxData>;

describe('placement', () => {
  const nodes = [makeNode('node-1'), makeNode('node-2'), makeNode('node-10')];
  const pods = [
    makePod('a', { node: 'node-1', phase: 'Running', statuses: [running('app')] }),
    makePod('b', { node: 'node-2', phase: 'Running', statuses: [running('app')] }),
    makePod('pending', { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }] }),
    makePod('lost', { node: 'node-9' }),
  ];
  const g = projectGraph(fakeView({ nodes, pods }));

  it('draws each Node as a group box, in natural name order, after the lane', () => {
    expect(g.nodes[0].id).toBe(laneId);
    expect(byLabel(g, 'Node ').map((n) => n.ariaLabel)).toEqual(['Node node-1', 'Node node-2', 'Node node-10']);
    for (const n of byLabel(g, 'Node ')) expect([n.type, n.ariaRole, n.parentId]).toEqual(['k8sNode', 'group', undefined]);
  });

  it('puts scheduled Pods inside their Node and the others in the Unscheduled lane', () => {
    expect(pod(g, 'a').parentId).toBe(nodeId('node-1'));
    expect(pod(g, 'b').parentId).toBe(nodeId('node-2'));
    expect(pod(g, 'pending').parentId).toBe(laneId);
    expect(pod(g, 'lost').parentId).toBe(laneId);
    expect(g.nodes[0].data).toMatchObject({ kind: 'Lane', count: 2, hidden: 0, ariaLabel: 'Unscheduled' });
  });

  it('draws only the oldest rows of a burst of waiting Pods and counts the rest', () => {
    const burst = Array.from({ length: 50 }, (_, i) => makePod(`burst-${i}`, { created: i }));
    const g2 = projectGraph(fakeView({ nodes, pods: burst }));
    const perRow = podsPerRow(g2.width);
    const drawn = g2.nodes.filter((n) => n.parentId === laneId).map((n) => (n.data as PodData).name);
    expect(drawn).toEqual(burst.slice(0, perRow * LANE_MAX_ROWS).map((p) => p.metadata!.name));
    expect(g2.nodes[0].data).toMatchObject({ count: 50, hidden: 50 - drawn.length });
  });

  it('says why a Pod is not on a Node', () => {
    expect(pod(g, 'pending').data.pendingReason).toBe('0/3 nodes are available: 3 Insufficient cpu.');
    expect(pod(g, 'lost').data.pendingReason).toMatch(/node-9/);
    expect(pod(g, 'a').data.pendingReason).toBeUndefined();
  });

  it('lists every parent before its children, and children inside their parent', () => {
    const seen = new Map<string, GraphNode>();
    for (const n of g.nodes) {
      if (n.parentId) {
        const parent = seen.get(n.parentId);
        expect(parent, n.id).toBeDefined();
        expect(n.position.x).toBeGreaterThanOrEqual(0);
        expect(n.position.y).toBeGreaterThanOrEqual(0);
        expect(n.position.x + n.width).toBeLessThanOrEqual(parent!.width);
        expect(n.position.y + n.height).toBeLessThanOrEqual(parent!.height);
      }
      seen.set(n.id, n);
    }
  });

  it('keeps top-level boxes and sibling Pods from overlapping', () => {
    const groups = new Map<string, GraphNode[]>();
    for (const n of g.nodes) groups.set(n.parentId ?? '', [...(groups.get(n.parentId ?? '') ?? []), n]);
    for (const siblings of groups.values()) {
      for (const x of siblings) for (const y of siblings) {
        if (x === y) continue;
        const apart = x.position.x + x.width <= y.position.x || y.position.x + y.width <= x.position.x ||
          x.position.y + x.height <= y.position.y || y.position.y + y.height <= x.position.y;
        expect(apart, `${x.id} / ${y.id}`).toBe(true);
      }
    }
  });

  it('gives Pods the button role and Nodes/lane the group role; only Pods and Nodes are selectable', () => {
    expect(pod(g, 'a')).toMatchObject({ ariaRole: 'button', selectable: true, draggable: false });
    expect(g.nodes[0]).toMatchObject({ ariaRole: 'group', selectable: false });
  });
});

describe('pod content', () => {
  const node = makeNode('node-1');
  const web = makePod('web-7c5d-x8kzq', {
    node: 'node-1', phase: 'Running', podIP: '10.244.1.7',
    initContainers: [{ name: 'init-db' }, { name: 'log-agent', restartPolicy: 'Always' }],
    containers: [{ name: 'nginx' }, { name: 'app' }],
    initStatuses: [terminated('init-db', 'Completed', 0), running('log-agent', true)],
    statuses: [running('nginx', true), waiting('app', 'CrashLoopBackOff', 4)],
  });
  const g = projectGraph(fakeView({ nodes: [node], pods: [web], sandboxes: { 'node-1': [sandbox(web, '10.244.1.3', 'SANDBOX_NOTREADY', 1), sandbox(web, '10.244.1.7', 'SANDBOX_READY', 5)] } }));
  const d = pod(g, 'web-7c5d-x8kzq').data;

  it('orders init containers (sidecars marked) before app containers, in spec order', () => {
    expect(d.initContainers.map((c) => [c.name, c.type, c.order])).toEqual([['init-db', 'init', 1], ['log-agent', 'sidecar', 2]]);
    expect(d.containers.map((c) => [c.name, c.type])).toEqual([['nginx', 'regular'], ['app', 'regular']]);
  });

  it('names each container with its state', () => {
    expect([...d.initContainers, ...d.containers].map((c) => c.ariaLabel)).toEqual([
      'container init-db (terminated: Completed)',
      'container log-agent (running)',
      'container nginx (running)',
      'container app (waiting: CrashLoopBackOff)',
    ]);
    expect(d.initContainers[0]).toMatchObject({ exitCode: 0, tone: 'succeeded' });
    expect(d.containers[1]).toMatchObject({ restartCount: 4, tone: 'failed', ready: false });
    expect(d.restarts).toBe(4);
  });

  it('shows the newest sandbox of the Pod with its IP', () => {
    expect(d.sandbox).toEqual({ state: 'ready', ip: '10.244.1.7', image: 'registry.k8s.io/pause:3.10' });
  });

  it('falls back to status.podIP, and to no sandbox before there is one', () => {
    const p = makePod('p', { node: 'node-1', phase: 'Running', podIP: '10.244.1.9', statuses: [running('app')] });
    const q = makePod('q', { node: 'node-1' });
    const g2 = projectGraph(fakeView({ nodes: [node], pods: [p, q] }));
    expect(pod(g2, 'p').data.sandbox).toEqual({ state: 'ready', ip: '10.244.1.9' });
    expect(pod(g2, 'q').data.sandbox).toEqual({ state: 'none' });
    expect(pod(g2, 'q').data.containers[0].ariaLabel).toBe('container app (waiting)');
  });

  it('names the Pod by name, phase, STATUS (when it says more) and readiness', () => {
    expect(d.ariaLabel).toBe(`Pod web-7c5d-x8kzq, Running, ${d.status === 'Running' ? '' : `${d.status}, `}ready ${d.ready}`);
    const ok = makePod('ok', { node: 'node-1', phase: 'Running', statuses: [running('app')] });
    expect(pod(projectGraph(fakeView({ nodes: [node], pods: [ok] })), 'ok').ariaLabel).toBe('Pod ok, Running, ready 1/1');
  });
});

describe('node capacity in use', () => {
  it('sums requests of the non-terminated Pods against allocatable', () => {
    const pods = [
      makePod('a', { node: 'node-1', phase: 'Running', requests: { cpu: '500m', memory: '1Gi' }, statuses: [running('app')] }),
      makePod('b', { node: 'node-1', phase: 'Pending', requests: { cpu: '250m', memory: '512Mi' } }),
      makePod('done', { node: 'node-1', phase: 'Succeeded', requests: { cpu: '1', memory: '1Gi' }, statuses: [terminated('app', 'Completed', 0)] }),
    ];
    const d = box(projectGraph(fakeView({ nodes: [makeNode('node-1')], pods })), 'node-1').data;
    expect(d.cpu).toMatchObject({ used: 750, total: 4000, text: '750m / 4' });
    expect(d.cpu.fraction).toBeCloseTo(0.1875);
    expect(d.memory.text).toBe('1.5Gi / 8Gi');
    expect(d.pods.text).toBe('2 / 110');
    expect(d).toMatchObject({ ready: 'True', status: 'Ready', tone: 'running', ariaLabel: 'Node node-1' });
  });

  it('shows NotReady and cordoned Nodes as kubectl does', () => {
    const g = projectGraph(fakeView({ nodes: [makeNode('node-1', { ready: false, unschedulable: true })], pods: [] }));
    expect(box(g, 'node-1').data).toMatchObject({ ready: 'False', status: 'NotReady,SchedulingDisabled', tone: 'failed' });
  });
});

describe('memoization', () => {
  it('returns the same objects for what did not change, new ones for what did', () => {
    const nodes = [makeNode('node-1')];
    const a = makePod('a', { node: 'node-1', created: 1, phase: 'Running', statuses: [running('app')] });
    const b = makePod('b', { node: 'node-1', created: 2 });
    const projector = createGraphProjector();
    const g1 = projector.project(fakeView({ nodes, pods: [a, b] }));
    const b2 = { ...b, metadata: { ...b.metadata, resourceVersion: '999999' }, status: { phase: 'Running', containerStatuses: [running('app')] } };
    const g2 = projector.project(fakeView({ nodes, pods: [a, b2] }));
    expect(pod(g2, 'a')).toBe(pod(g1, 'a'));
    expect(pod(g2, 'b')).not.toBe(pod(g1, 'b'));
    expect(pod(g2, 'b').data.phase).toBe('Running');
    expect(g2.nodes[0]).toBe(g1.nodes[0]);
  });

  it('is deterministic: two projectors give equal graphs', () => {
    const view = fakeView({ nodes: [makeNode('node-1'), makeNode('node-2')], pods: [makePod('x', { node: 'node-2' }), makePod('y')] });
    expect(createGraphProjector().project(view)).toEqual(createGraphProjector().project(view));
  });

  it('projects 1,000 Pods on 100 Nodes quickly, and re-projects a changed Step faster still', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => makeNode(`node-${i + 1}`));
    const pods = Array.from({ length: 1000 }, (_, i) => makePod(`p-${i}`, {
      node: `node-${(i % 100) + 1}`, created: i % 60, phase: 'Running', requests: { cpu: '100m', memory: '64Mi' },
      statuses: [running('app')],
    }));
    const projector = createGraphProjector();
    let t = performance.now();
    const g1 = projector.project(fakeView({ nodes, pods }));
    const first = performance.now() - t;
    pods[500] = { ...pods[500], metadata: { ...pods[500].metadata, resourceVersion: '12345678' } };
    t = performance.now();
    const g2 = projector.project(fakeView({ nodes, pods }));
    const second = performance.now() - t;
    expect(g1.nodes).toHaveLength(1 + 100 + 1000);
    expect(g2.nodes.filter((n, i) => n !== g1.nodes[i]).map((n) => n.id)).toEqual([g2.nodes.find((n) => n.data.kind === 'Pod' && n.data.name === 'p-500')!.id]);
    expect(first).toBeLessThan(3000);
    expect(second).toBeLessThan(1000);
  });
});
