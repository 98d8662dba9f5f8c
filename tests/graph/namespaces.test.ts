/** Namespaces in the graph: the namespace filter, namespace boxes, the picker's choices. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/index';
import type { KubeObject } from '../../src/engine/api';
import { createGraphProjector, projectGraph } from '../../src/graph/projectGraph';
import { namespaceOptions, scopeView } from '../../src/graph/namespaces';
import { NS_LABEL } from '../../src/graph/namespacesLayout';
import type { NamespaceBoxData } from '../../src/graph/storageTypes';
import type { ClusterGraph, GraphNode, NodeBoxData, PodData } from '../../src/graph/types';
import { inNamespaceScope, selectInspectedContainer } from '../../src/store/namespaceSlice';
import { createPlaygroundStore } from '../../src/store/createStore';
import { fakeView, makeNode, makePod, running } from './fixtures';

const nodes = [makeNode('node-1'), makeNode('node-2')];
const pods = [
  makePod('a', { node: 'node-1', namespace: 'default', phase: 'Running', statuses: [running('app')], requests: { cpu: '500m' }, created: 1 }),
  makePod('b', { node: 'node-2', namespace: 'team-a', phase: 'Running', statuses: [running('app')], requests: { cpu: '250m' }, created: 2 }),
  makePod('c', { node: 'node-1', namespace: 'team-a', phase: 'Running', statuses: [running('app')], created: 3 }),
  makePod('waiting', { namespace: 'team-a', created: 4 }),
];
const view = fakeView({ nodes, pods });

const podNames = (g: ClusterGraph) => g.nodes.filter((n) => n.data.kind === 'Pod').map((n) => (n.data as PodData).name).sort();
const box = (g: ClusterGraph, name: string) => g.nodes.find((n) => n.data.kind === 'Node' && n.data.name === name) as GraphNode<NodeBoxData>;

describe('the namespace filter', () => {
  it.each([
    [null, ['a', 'b', 'c', 'waiting']],
    ['team-a', ['b', 'c', 'waiting']],
    ['default', ['a']],
    ['nowhere', []],
  ])('namespace %s shows Pods %j and every Node', (namespace, expected) => {
    const g = projectGraph(view, { namespace });
    expect(podNames(g)).toEqual(expected);
    expect(g.nodes.filter((n) => n.data.kind === 'Node').map((n) => n.ariaLabel)).toEqual(['Node node-1', 'Node node-2']);
  });

  it("keeps a Node's usage the Node's: the Pods of every namespace count", () => {
    const all = projectGraph(view);
    const teamA = projectGraph(view, { namespace: 'team-a' });
    expect(box(teamA, 'node-1').data.cpu.text).toBe(box(all, 'node-1').data.cpu.text);
    expect(box(teamA, 'node-1').data.pods.used).toBe(2);
    expect(box(teamA, 'node-1').data.shown).toBe(1);
  });

  it('scopes get and list: cluster-scoped objects stay, other namespaces go', () => {
    const scoped = scopeView(view, 'team-a');
    expect(scoped.list('Pod').map((p) => p.metadata.name).sort()).toEqual(['b', 'c', 'waiting']);
    expect(scoped.list('Pod', 'default')).toEqual([]);
    expect(scoped.get('Pod', 'a', 'default')).toBeUndefined();
    expect(scoped.get('Node', 'node-1')?.metadata.name).toBe('node-1');
    expect(scopeView(view, null)).toBe(view);
  });

  it.each([
    [null, 'team-a', true], ['team-a', 'team-a', true], ['team-a', 'default', false], ['team-a', undefined, true],
  ])('filter %s shows an object of namespace %s: %s', (filter, ns, shown) => expect(inNamespaceScope(filter, ns)).toBe(shown));
});

describe('grouped by namespace', () => {
  const g = projectGraph(view, { groupByNamespace: true });
  const bands = g.nodes.filter((n): n is GraphNode<NamespaceBoxData> => n.type === 'namespace');
  const abs = (n: GraphNode) => {
    const parent = n.parentId ? g.nodes.find((p) => p.id === n.parentId)! : undefined;
    return { x: n.position.x + (parent?.position.x ?? 0), y: n.position.y + (parent?.position.y ?? 0) };
  };

  it('draws one box per namespace with Pods on a Node, in name order, not selectable, before the Node boxes', () => {
    expect(bands.map((b) => b.ariaLabel)).toEqual(['Namespace default, not found', 'Namespace team-a, not found']);
    expect(bands.every((b) => b.ariaRole === 'group' && !b.selectable)).toBe(true);
    expect(g.nodes.findIndex((n) => n.type === 'namespace')).toBeLessThan(g.nodes.findIndex((n) => n.data.kind === 'Node'));
    expect(bands.map((b) => b.data.pods)).toEqual([1, 2]);
  });

  it("puts each Pod inside its namespace's box, the boxes one under the other across all Nodes", () => {
    for (const p of g.nodes.filter((n) => n.data.kind === 'Pod' && n.parentId?.startsWith('node/'))) {
      const band = bands.find((b) => b.data.name === (p.data as PodData).namespace)!;
      const at = abs(p);
      expect(at.y).toBeGreaterThanOrEqual(band.position.y + NS_LABEL);
      expect(at.y + p.height).toBeLessThanOrEqual(band.position.y + band.height);
      expect(at.x).toBeGreaterThan(band.position.x);
      expect(at.x + p.width).toBeLessThan(band.position.x + band.width);
    }
    expect(bands[0].position.y + bands[0].height).toBeLessThan(bands[1].position.y);
    expect(box(g, 'node-1').height).toBe(box(g, 'node-2').height);
    expect(box(g, 'node-1').position.y).toBe(box(g, 'node-2').position.y);
  });

  it('leaves the Unscheduled lane as it is', () => {
    const lanePods = g.nodes.filter((n) => n.parentId === 'lane/unscheduled').map((n) => (n.data as PodData).name);
    expect(lanePods).toEqual(['waiting']);
  });
});

describe('namespaces from the engine', () => {
  const MANIFEST = `apiVersion: v1
kind: Namespace
metadata: { name: team-a }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: team-a }
data: { A: "1" }
---
apiVersion: v1
kind: Pod
metadata: { name: api, namespace: team-a }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
`;

  it("marks a deleted namespace Terminating in its box and the picker, then loses its objects", () => {
    const cluster = createCluster({ seed: 5 });
    expect(cluster.apply(MANIFEST).ok).toBe(true);
    cluster.advance(10_000);
    const projector = createGraphProjector();
    const before = projector.project(cluster.at(cluster.steps.length - 1), { groupByNamespace: true });
    expect(before.nodes.filter((n) => n.type === 'namespace').map((n) => n.ariaLabel)).toEqual(['Namespace team-a, Active']);
    expect(before.nodes.filter((n) => n.type === 'config').map((n) => n.ariaLabel)).toEqual(['ConfigMap settings']);

    expect(cluster.delete('Namespace', 'team-a').ok).toBe(true);
    const deleting = cluster.at(cluster.steps.length - 1);
    const during = projector.project(deleting, { groupByNamespace: true });
    expect(during.nodes.filter((n) => n.type === 'namespace').map((n) => n.ariaLabel)).toEqual(['Namespace team-a, Terminating']);
    expect(namespaceOptions(deleting, 'team-a').find((o) => o.name === 'team-a')?.label).toBe('team-a (Terminating)');

    cluster.advance(120_000);
    const after = cluster.at(cluster.steps.length - 1);
    const gone = projector.project(after, { namespace: 'team-a' });
    expect(gone.nodes.filter((n) => n.type === 'pod' || n.type === 'config')).toEqual([]);
    expect(namespaceOptions(after, 'team-a').find((o) => o.name === 'team-a')).toEqual({ name: 'team-a', phase: 'not found', label: 'team-a (not found)' });
  });

  it('lists the picker choices in name order', () => {
    const cluster = createCluster({ seed: 5 });
    cluster.apply(MANIFEST);
    expect(namespaceOptions(cluster.at(cluster.steps.length - 1), null).map((o) => o.label))
      .toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'team-a']);
  });
});

describe('namespaceOptions', () => {
  const ns = (name: string, phase?: string): KubeObject => ({
    apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: '' }, ...(phase ? { status: { phase } } : {}),
  });
  it.each([
    [[ns('b'), ns('a', 'Terminating')], null, ['a (Terminating)', 'b']],
    [[ns('a')], 'z', ['a', 'z (not found)']],
    [[], null, []],
  ])('%#', (objects, picked, labels) => {
    expect(namespaceOptions({ list: () => objects }, picked).map((o) => o.label)).toEqual(labels);
  });
});

describe('the namespace slice of the store', () => {
  const setup = () => createPlaygroundStore({ createCluster, demoText: '', storage: null });

  it('clears a selection in another namespace when a namespace is picked, keeps cluster-scoped ones', () => {
    const store = setup();
    const s = () => store.getState();
    s().select({ kind: 'Pod', name: 'web', namespace: 'default' });
    s().setNamespace('default');
    expect(s().selection).toEqual({ kind: 'Pod', name: 'web', namespace: 'default' });
    s().setNamespace('team-a');
    expect([s().namespace, s().selection]).toEqual(['team-a', null]);
    s().select({ kind: 'Node', name: 'node-1' });
    s().setNamespace('kube-system');
    expect(s().selection).toEqual({ kind: 'Node', name: 'node-1' });
    s().select({ kind: 'Namespace', name: 'team-a' });
    s().setNamespace(null);
    expect(s().selection).toEqual({ kind: 'Namespace', name: 'team-a' });
  });

  it('shows a container only while its Pod is the selection', () => {
    const store = setup();
    const s = () => store.getState();
    s().inspectContainer({ pod: { kind: 'Pod', name: 'web', namespace: 'default' }, container: 'app' });
    expect(s().selection).toEqual({ kind: 'Pod', name: 'web', namespace: 'default' });
    expect(selectInspectedContainer(s())?.container).toBe('app');
    s().select({ kind: 'Pod', name: 'other', namespace: 'default' });
    expect(selectInspectedContainer(s())).toBeNull();
    s().select({ kind: 'Pod', name: 'web', namespace: 'default' });
    s().inspectContainer(null);
    expect(selectInspectedContainer(s())).toBeNull();
    s().setGroupByNamespace(true);
    expect(s().groupByNamespace).toBe(true);
  });
});

describe('the picker and the Step list', () => {
  it("sets the timeline's namespace filter with the picked namespace", () => {
    const store = createPlaygroundStore({ createCluster, demoText: '', storage: null });
    store.getState().setNamespace('kube-system');
    expect(store.getState().stepFilter.namespace).toBe('kube-system');
    store.getState().setNamespace(null);
    expect(store.getState().stepFilter.namespace).toBeNull();
  });
});
