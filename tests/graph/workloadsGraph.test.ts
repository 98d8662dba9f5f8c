/** Workloads, Services and their edges in the graph, against the real engine; and at scale. */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterView, KubeObject } from '../../src/engine/api';
import { createCluster } from '../../src/engine/index';
import { matchesRef, refOf } from '../../src/graph/ids';
import { createGraphProjector } from '../../src/graph/projectGraph';
import type { ClusterGraph, GraphNode, WorkloadData } from '../../src/graph/types';
import { makeNode, makePod, running } from './fixtures';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
    - port: 80
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: hello
              image: busybox:1.36
              command: ["sh", "-c", "echo hello"]
`;

const byLabel = (g: ClusterGraph, re: RegExp) => g.nodes.filter((n) => re.test(n.ariaLabel));
const edgeLabels = (g: ClusterGraph, re: RegExp) => g.edges.filter((e) => re.test(e.ariaLabel ?? '')).map((e) => e.ariaLabel).sort();

describe('a Deployment, its Service and a CronJob, Step by Step (real engine)', () => {
  const cluster = createCluster({ seed: 4 });
  expect(cluster.apply(MANIFEST).ok).toBe(true);
  const projector = createGraphProjector();
  const graphs: ClusterGraph[] = [];
  const ready = () => ((cluster.get('Deployment', 'web') as { status?: { readyReplicas?: number } }).status?.readyReplicas ?? 0) === 3;
  const jobDone = () => cluster.list('Job').some((j) => (j as { status?: { succeeded?: number } }).status?.succeeded === 1);
  for (let i = 0; i < 3000 && !(ready() && jobDone()); i++) {
    if (!cluster.step()) break;
    graphs.push(projector.project(cluster.at(cluster.steps.length - 1)));
  }
  const g = graphs[graphs.length - 1];
  const rs = byLabel(g, /^ReplicaSet web-/)[0] as GraphNode<WorkloadData>;

  it('draws the Deployment, its ReplicaSet, the Service, the CronJob and its Job as selectable buttons', () => {
    expect(byLabel(g, /^Deployment web, 3\/3 ready$/)).toHaveLength(1);
    expect(rs.ariaLabel).toMatch(/^ReplicaSet web-[bcdf4-9]+, 3 of 3 ready$/);
    expect(byLabel(g, /^Service web, ClusterIP 10\.\d+\.\d+\.\d+$/)).toHaveLength(1);
    expect(byLabel(g, /^CronJob hello, schedule \*\/1 \* \* \* \*, last run \d+s ago$/)).toHaveLength(1);
    expect(byLabel(g, /^Job hello-\d+, 1\/1 completions, (Complete|SuccessCriteriaMet)$/)).toHaveLength(1);
    for (const n of g.nodes.filter((x) => x.type === 'workload' || x.type === 'service')) {
      expect(n).toMatchObject({ ariaRole: 'button', selectable: true });
      expect(matchesRef(n, refOf(n)!)).toBe(true);
    }
    expect(refOf(rs)).toEqual({ kind: 'ReplicaSet', name: rs.data.name, namespace: 'default' });
    expect(matchesRef(rs, { kind: 'Deployment', name: rs.data.name })).toBe(false);
  });

  it('links owners to what they own: Deployment → ReplicaSet → Pods, CronJob → Job → Pod', () => {
    expect(edgeLabels(g, /^Deployment web owns/)).toEqual([`Deployment web owns ReplicaSet ${rs.data.name}`]);
    const podNames = g.nodes.flatMap((n) => (n.data.kind === 'Pod' && n.data.name.startsWith('web-') ? [n.data.name] : [])).sort();
    expect(podNames).toHaveLength(3);
    expect(edgeLabels(g, /^ReplicaSet web-/)).toEqual(podNames.map((p) => `ReplicaSet ${rs.data.name} owns Pod ${p}`));
    expect(edgeLabels(g, /^CronJob hello owns Job hello-\d+$/)).toHaveLength(1);
    expect(edgeLabels(g, /^Job hello-\d+ owns Pod hello-\d+-\w+$/)).toHaveLength(1);
    expect(edgeLabels(g, /^Service web routes to/)).toEqual(podNames.map((p) => `Service web routes to Pod ${p}, ready`));
  });

  it('draws every edge between drawn elements, into the owner or endpoint handle of a Pod', () => {
    for (const graph of graphs) {
      const ids = new Set(graph.nodes.map((n) => n.id));
      for (const e of graph.edges) {
        expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
        const toPod = e.target.startsWith('pod/');
        expect(e.targetHandle).toBe(toPod ? (e.type === 'endpoint' ? 'endpoint' : 'owner') : undefined);
      }
    }
  });

  it('does not move the Nodes when a controller creates a ReplicaSet or Job (tiers are reserved)', () => {
    const nodeY = graphs.map((x) => x.nodes.find((n) => n.id === 'node/node-1')!.position.y);
    expect(new Set(nodeY).size).toBe(1);
  });

  it('shows endpoints turning ready as the Pods do, never before they have an IP', () => {
    const states = graphs.map((x) => edgeLabels(x, /^Service web routes/).map((l) => l!.split(', ')[1]));
    expect(states[0]).toEqual([]);
    expect(states[states.length - 1]).toEqual(['ready', 'ready', 'ready']);
    // readiness only grows in this run: the count of ready endpoints never drops
    const readyCounts = states.map((s) => s.filter((x) => x === 'ready').length);
    for (let i = 1; i < readyCounts.length; i++) expect(readyCounts[i]).toBeGreaterThanOrEqual(readyCounts[i - 1]);
  });

  it('returns the same element, data and edge objects when a Step changes nothing they show', () => {
    const view = cluster.at(cluster.steps.length - 1);
    const again = projector.project(view);
    const once = projector.project(view);
    expect(once.edges).toBe(again.edges);
    once.nodes.forEach((n, i) => expect(n).toBe(again.nodes[i]));
  });
});

describe('at scale: 1,000 Pods of 10 Deployments on 100 Nodes', () => {
  const nodes = Array.from({ length: 100 }, (_, i) => makeNode(`node-${i + 1}`));
  const deployments: KubeObject[] = [];
  const replicaSets: KubeObject[] = [];
  const pods: Pod[] = [];
  for (let d = 0; d < 10; d++) {
    const name = `app${d}`;
    const meta = (n: string, extra: object = {}) => ({ name: n, namespace: 'default', uid: `uid-${n}`, resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z', ...extra });
    deployments.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { ...meta(name), annotations: { 'deployment.kubernetes.io/revision': '1' } },
      spec: { replicas: 100, template: { metadata: { labels: { app: name } } } }, status: { readyReplicas: 100 } });
    const rsName = `${name}-abc`;
    replicaSets.push({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta(rsName, {
      annotations: { 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: `uid-${name}`, controller: true }],
    }), spec: { replicas: 100 }, status: { replicas: 100, readyReplicas: 100 } });
    for (let p = 0; p < 100; p++) {
      const pod = makePod(`${rsName}-${p}`, { node: `node-${((d * 100 + p) % 100) + 1}`, phase: 'Running', statuses: [running('app')], podIP: `10.1.${d}.${p}` });
      pod.metadata!.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: `uid-${rsName}`, controller: true }];
      pod.metadata!.labels = { app: name, 'pod-template-hash': 'abc' };
      pods.push(pod);
    }
  }
  const lists: Record<string, object[]> = { Node: nodes, Pod: pods, Deployment: deployments, ReplicaSet: replicaSets };
  const view: ClusterView = {
    now: 0, stepIndex: 0, get: () => undefined,
    list: (kind) => (lists[kind] ?? []) as KubeObject[],
    events: () => [], runtime: () => ({ sandboxes: [], containers: [] }), table: () => [],
  };

  it('projects every ownership edge and re-projects an unchanged snapshot quickly, reusing everything', () => {
    const projector = createGraphProjector();
    const first = projector.project(view);
    expect(first.edges.filter((e) => e.type === 'ownership')).toHaveLength(10 + 1000);
    const t0 = performance.now();
    const second = projector.project(view);
    const ms = performance.now() - t0;
    expect(second.edges).toBe(first.edges);
    second.nodes.forEach((n, i) => expect(n).toBe(first.nodes[i]));
    expect(ms).toBeLessThan(250); // generous on a shared 2-core machine; typically a few tens of ms
  });
});
