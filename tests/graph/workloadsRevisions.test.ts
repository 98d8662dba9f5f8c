/** Which template revision each Pod runs, and its colour: pure index, then real rollouts Step by Step. */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Cluster, KubeObject } from '../../src/engine/api';
import { createCluster } from '../../src/engine/index';
import { createGraphProjector, projectGraph } from '../../src/graph/projectGraph';
import { REVISION_COLOURS, indexRevisions, revisionBadge, revisionColour } from '../../src/graph/revisions';
import type { ClusterGraph, GraphNode, PodData, WorkloadData } from '../../src/graph/types';

const owner = (kind: string, name: string) => ({ apiVersion: 'apps/v1', kind, name, uid: `uid-${name}`, controller: true });
function obj(kind: string, name: string, meta: Partial<KubeObject['metadata']> = {}, rest: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'apps/v1', kind, metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z', ...meta }, ...rest };
}
const pod = (name: string, ownerRef: ReturnType<typeof owner>, labels: Record<string, string> = {}): Pod =>
  ({ metadata: { name, uid: `uid-${name}`, ownerReferences: [ownerRef], labels } }) as Pod;

describe('revision colours', () => {
  it('gives each revision number its own colour, consecutive revisions always differ, and repeats only after the palette', () => {
    expect(REVISION_COLOURS.map((_, i) => revisionColour(i + 1))).toEqual([...REVISION_COLOURS]);
    for (let r = 1; r < 20; r++) expect(revisionColour(r)).not.toBe(revisionColour(r + 1));
    expect(revisionColour(REVISION_COLOURS.length + 1)).toBe(revisionColour(1));
    expect(new Set(REVISION_COLOURS).size).toBe(REVISION_COLOURS.length);
  });

  it('returns the same badge object for the same revision and newness', () => {
    expect(revisionBadge(2, true)).toBe(revisionBadge(2, true));
    expect(revisionBadge(2, false)).not.toBe(revisionBadge(2, true));
    expect(revisionBadge(2, false)).toMatchObject({ label: 'rev 2', colour: revisionColour(2), newest: false });
  });
});

describe('indexRevisions', () => {
  const deployment = obj('Deployment', 'web', { annotations: { 'deployment.kubernetes.io/revision': '3' } });
  const rs = (name: string, revision: string) => obj('ReplicaSet', name, { ownerReferences: [owner('Deployment', 'web')], annotations: { 'deployment.kubernetes.io/revision': revision } });
  const sts = obj('StatefulSet', 'db', {}, { status: { currentRevision: 'db-aaa', updateRevision: 'db-bbb' } });
  const ds = obj('DaemonSet', 'agent');
  const cr = (name: string, o: ReturnType<typeof owner>, revision: number, hash: string) =>
    obj('ControllerRevision', name, { ownerReferences: [o], labels: { 'controller-revision-hash': hash } }, { revision });
  const index = indexRevisions({
    deployments: [deployment],
    replicaSets: [rs('web-old', '1'), rs('web-new', '3'), rs('web-mid', '2'), obj('ReplicaSet', 'solo')],
    statefulSets: [sts],
    daemonSets: [ds],
    controllerRevisions: [
      cr('db-aaa', owner('StatefulSet', 'db'), 1, 'db-aaa'), cr('db-bbb', owner('StatefulSet', 'db'), 2, 'db-bbb'),
      cr('agent-111', owner('DaemonSet', 'agent'), 4, '111'), cr('agent-222', owner('DaemonSet', 'agent'), 5, '222'),
    ],
  });

  it.each([
    ['a Deployment\'s old ReplicaSet', pod('web-old-x', owner('ReplicaSet', 'web-old')), 'rev 1', false],
    ['a Deployment\'s newest ReplicaSet', pod('web-new-x', owner('ReplicaSet', 'web-new')), 'rev 3', true],
    ['a StatefulSet\'s current revision', pod('db-0', owner('StatefulSet', 'db'), { 'controller-revision-hash': 'db-aaa' }), 'rev 1', false],
    ['a StatefulSet\'s update revision', pod('db-1', owner('StatefulSet', 'db'), { 'controller-revision-hash': 'db-bbb' }), 'rev 2', true],
    ['a DaemonSet\'s old revision (by hash)', pod('agent-a', owner('DaemonSet', 'agent'), { 'controller-revision-hash': '111' }), 'rev 4', false],
    ['a DaemonSet\'s newest revision', pod('agent-b', owner('DaemonSet', 'agent'), { 'controller-revision-hash': '222' }), 'rev 5', true],
  ])('a Pod of %s', (_, p, label, newest) => {
    expect(index.ofPod(p)).toMatchObject({ label, newest });
  });

  it('has no revision for Pods of owners without revisions, or without an owner', () => {
    expect(index.ofPod(pod('solo-x', owner('ReplicaSet', 'solo')))).toBeUndefined();
    expect(index.ofPod(pod('job-x', owner('Job', 'pi')))).toBeUndefined();
    expect(index.ofPod({ metadata: { name: 'bare' } } as Pod)).toBeUndefined();
  });

  it('gives owners their newest revision', () => {
    expect(index.ofOwner('uid-web')).toMatchObject({ label: 'rev 3', newest: true });
    expect(index.ofOwner('uid-db')).toMatchObject({ label: 'rev 2', newest: true });
    expect(index.ofOwner('uid-agent')).toMatchObject({ label: 'rev 5', newest: true });
    expect(index.ofReplicaSet('uid-web-mid')).toMatchObject({ label: 'rev 2', newest: false });
  });
});

const deployment = (image: string) => `apiVersion: apps/v1
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
          image: ${image}
`;

const pods = (g: ClusterGraph) => g.nodes.filter((n): n is GraphNode<PodData> => n.data.kind === 'Pod');
const workload = (g: ClusterGraph, prefix: string) => g.nodes.find((n) => n.ariaLabel.startsWith(prefix)) as GraphNode<WorkloadData> | undefined;

function settle(cluster: Cluster, done: () => boolean, max = 2000): void {
  for (let i = 0; i < max && !done(); i++) if (!cluster.step()) break;
  expect(done()).toBe(true);
}

function rolledOut(cluster: Cluster, revision: string): () => boolean {
  return () => {
    const d = cluster.get('Deployment', 'web') as KubeObject & { status?: Record<string, number> } | undefined;
    const st = d?.status ?? {};
    const pods = cluster.list('Pod') as unknown as Pod[];
    return d?.metadata.annotations?.['deployment.kubernetes.io/revision'] === revision && st.updatedReplicas === 3 && st.readyReplicas === 3 &&
      st.replicas === 3 && pods.length === 3 && pods.every((p) => !p.metadata?.deletionTimestamp && p.status?.phase === 'Running');
  };
}

describe('revisions through a rollout and a rollback (real engine)', () => {
  const cluster = createCluster({ seed: 11 });
  expect(cluster.apply(deployment('nginx:1.27')).ok).toBe(true);
  settle(cluster, rolledOut(cluster, '1'));
  const firstDone = cluster.steps.length - 1;
  expect(cluster.apply(deployment('nginx:1.28')).ok).toBe(true);
  settle(cluster, rolledOut(cluster, '2'));
  const secondDone = cluster.steps.length - 1;
  expect(cluster.rollout('undo', 'Deployment', 'web').ok).toBe(true);
  settle(cluster, rolledOut(cluster, '3'));

  const projector = createGraphProjector();
  const graphs = cluster.steps.map((_, s) => projector.project(cluster.at(s)));

  it('keeps each Pod\'s revision and colour for its whole life', () => {
    const seen = new Map<string, string>();
    for (const g of graphs) {
      for (const p of pods(g)) {
        const rev = p.data.revision;
        if (!rev) continue;
        const key = `${rev.revision}|${rev.colour}`;
        // A rollback renumbers the old ReplicaSet (upstream: max+1), so a Pod may move to a newer number once.
        if (seen.has(p.id) && seen.get(p.id) !== key) expect(rev.revision).toBe(3);
        seen.set(p.id, key);
        expect(rev.colour).toBe(revisionColour(rev.revision));
        expect(p.ariaLabel.endsWith(`, ${rev.label}`)).toBe(true);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(6);
  });

  it('shows old and new Pods side by side mid-rollout, the newest highlighted', () => {
    const mixed = graphs.slice(firstDone + 1, secondDone + 1).find((g) => new Set(pods(g).map((p) => p.data.revision?.revision)).size === 2);
    expect(mixed).toBeDefined();
    for (const p of pods(mixed!)) expect(p.data.revision!.newest).toBe(p.data.revision!.revision === 2);
    expect(pods(graphs[firstDone]).map((p) => p.data.revision)).toEqual([revisionBadge(1, true), revisionBadge(1, true), revisionBadge(1, true)]);
    expect(pods(graphs[secondDone]).every((p) => p.data.revision === revisionBadge(2, true))).toBe(true);
    expect(workload(graphs[secondDone], 'Deployment web')!.data.revision).toEqual(revisionBadge(2, true));
  });

  it('after a rollback the old template is the newest revision again (renumbered 3)', () => {
    const last = graphs[graphs.length - 1];
    expect(pods(last).every((p) => p.data.revision === revisionBadge(3, true))).toBe(true);
    expect(workload(last, 'Deployment web, 3/3 ready')!.data.revision).toEqual(revisionBadge(3, true));
    const sets = last.nodes.filter((n) => n.ariaLabel.startsWith('ReplicaSet web-')) as GraphNode<WorkloadData>[];
    expect(sets.map((n) => n.data.revision?.label).sort()).toEqual(['rev 2', 'rev 3']);
  });

  it('gives the same revisions when a Step is projected afresh (time travel)', () => {
    for (const s of [firstDone, firstDone + 5, secondDone, graphs.length - 1]) {
      const fresh = projectGraph(cluster.at(s));
      expect(pods(fresh).map((p) => [p.id, p.data.revision])).toEqual(pods(graphs[s]).map((p) => [p.id, p.data.revision]));
    }
  });
});

describe('StatefulSet revisions (real engine)', () => {
  const sts = (image: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  replicas: 2
  serviceName: db
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
        - name: app
          image: ${image}
`;
  it('marks Pods at the update revision as newest while the rest run the current one', () => {
    const cluster = createCluster({ seed: 5 });
    expect(cluster.apply(sts('nginx:1.27')).ok).toBe(true);
    const ready = () => ((cluster.get('StatefulSet', 'db') as { status?: { readyReplicas?: number } }).status?.readyReplicas ?? 0) === 2;
    settle(cluster, ready);
    expect(cluster.apply(sts('nginx:1.28')).ok).toBe(true);
    const projector = createGraphProjector();
    let mixed: ClusterGraph | undefined;
    for (let i = 0; i < 2000 && cluster.step(); i++) {
      const g = projector.project(cluster.at(cluster.steps.length - 1));
      if (new Set(pods(g).map((p) => p.data.revision?.label)).size === 2) mixed ??= g;
    }
    expect(mixed).toBeDefined();
    for (const p of pods(mixed!)) expect(p.data.revision!.newest).toBe(p.data.revision!.revision === 2);
    expect(workload(mixed!, 'StatefulSet db')!.data.revision).toEqual(revisionBadge(2, true));
  });
});
