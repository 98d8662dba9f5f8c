/**
 * ClusterView → graph: Nodes as group boxes holding their Pods (parentId), Pods not on a Node in
 * the Unscheduled lane above them. O(n) per snapshot after a sort; per-object work is memoized by
 * uid + resourceVersion, and unchanged graph nodes are returned as the same objects.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ClusterView, KubeObject, RuntimeSandbox } from '../engine/api';
import { podRequests } from '../engine/util/resources';
import { place, type Rect, type Shape } from './placement';
import { countsAgainstNode, nodeData, type Requested } from './nodeView';
import { podData } from './podView';
import { volumeRowCount } from './storageMounts';
import { namespaceBoxData, namespaceBoxId, requestsByNode, scopeView } from './namespaces';
import { placeByNamespace } from './namespacesLayout';
import { AREA_GAP } from './storageLayout';
import { createResourcesProjector } from './storageProjector';
import type { NamespaceBoxData } from './storageTypes';
import { compareNodes, comparePods, laneId, nodeId, podId } from './ids';
import type { ClusterGraph, GraphNode, GraphNodeData, LaneData, NodeBoxData, PodData, RevisionBadge } from './types';
import { createWorkloadsProjector } from './workloadsProjector';
import { englishT, type Translate } from '../i18n/translate';

interface PodEntry { key: string; data: PodData; cpu: number; memory: number }
interface NodeEntry { key: string; data: NodeBoxData }

export interface ProjectOptions {
  /** Show one namespace only (null or omitted: all namespaces). */
  namespace?: string | null;
  /** Group by namespace: Nodes side by side, crossed by one box per namespace. */
  groupByNamespace?: boolean;
}

export interface GraphProjector {
  project(view: ClusterView, options?: ProjectOptions): ClusterGraph;
}

export interface ProjectorOptions {
  /**
   * Words the accessible names and the texts the graph makes (`Pod web-x, Running, ready 1/1`);
   * English when omitted. Kubernetes values (names, phases, kubectl STATUS) stay as they are.
   * One projector per language: its memoized elements are worded once.
   */
  t?: Translate;
}

export function createGraphProjector(projector: ProjectorOptions = {}): GraphProjector {
  const t = projector.t ?? englishT;
  let pods = new Map<string, PodEntry>();
  let boxes = new Map<string, NodeEntry>();
  let graphNodes = new Map<string, GraphNode>();
  const workloads = createWorkloadsProjector(t);
  const resources = createResourcesProjector(t);
  let namespaceBoxes = new Map<string, NamespaceBoxData>();

  function podEntry(
    pod: Pod, sandbox: RuntimeSandbox | undefined, nodeExists: boolean, revision: RevisionBadge | undefined, next: Map<string, PodEntry>,
  ): PodEntry {
    const uid = pod.metadata?.uid ?? '';
    const key = `${pod.metadata?.resourceVersion}|${nodeExists}|${sandbox ? `${sandbox.id}:${sandbox.state}:${sandbox.ip}` : ''}|${revision?.label}|${revision?.newest}`;
    let entry = pods.get(uid);
    if (!entry || entry.key !== key) {
      const req = podRequests(pod);
      entry = { key, data: withRevision(podData(pod, sandbox, nodeExists, t), revision, t), cpu: req.cpu, memory: req.memory };
    }
    next.set(uid, entry);
    return entry;
  }

  function nodeEntry(node: Node, requested: Requested, shown: number, next: Map<string, NodeEntry>): NodeBoxData {
    const name = node.metadata?.name ?? '';
    const key = `${node.metadata?.resourceVersion}|${requested.cpu}|${requested.memory}|${requested.pods}|${shown}`;
    let entry = boxes.get(name);
    if (!entry || entry.key !== key) entry = { key, data: nodeData(node, requested, shown) };
    next.set(name, entry);
    return entry.data;
  }

  function graphNode<D extends GraphNodeData>(
    next: Map<string, GraphNode>, id: string, type: GraphNode['type'], data: D,
    box: Rect, parentId?: string,
  ): GraphNode {
    const old = graphNodes.get(id);
    const reuse = old && old.data === data && old.parentId === parentId && old.position.x === box.x &&
      old.position.y === box.y && old.width === box.width && old.height === box.height;
    const node: GraphNode = reuse ? old : {
      id, type, position: { x: box.x, y: box.y }, width: box.width, height: box.height,
      ...(parentId ? { parentId } : {}),
      data, ariaLabel: data.ariaLabel, ariaRole: BUTTON_TYPES.has(type) ? 'button' : 'group',
      selectable: type !== 'lane' && type !== 'namespace', draggable: false,
    };
    next.set(id, node);
    return node;
  }

  function project(fullView: ClusterView, options: ProjectOptions = {}): ClusterGraph {
    const filter = options.namespace ?? null;
    const view = scopeView(fullView, filter);
    // A Node's usage counts the Pods of every namespace, whichever one is shown.
    const nodeRequests = filter === null ? undefined : requestsByNode(fullView);
    const nextPods = new Map<string, PodEntry>();
    const nextBoxes = new Map<string, NodeEntry>();
    const nextGraph = new Map<string, GraphNode>();

    const nodes = (view.list('Node') as unknown as Node[]).slice().sort(compareNodes);
    const nodeNames = new Set(nodes.map((n) => n.metadata?.name ?? ''));
    const allPods = (view.list('Pod') as unknown as Pod[]).slice().sort(comparePods);

    const onNode = new Map<string, PodEntry[]>(nodes.map((n) => [n.metadata?.name ?? '', []]));
    const unscheduled: PodEntry[] = [];
    const sandboxes = sandboxesByPod(view, allPods, nodeNames);
    const frame = workloads.frame(view, allPods);
    for (const pod of allPods) {
      const nodeName = pod.spec?.nodeName;
      const exists = nodeName !== undefined && nodeNames.has(nodeName);
      const entry = podEntry(pod, sandboxes.get(pod.metadata?.uid ?? ''), exists, frame.podRevision(pod), nextPods);
      if (exists) onNode.get(nodeName)!.push(entry);
      else unscheduled.push(entry);
    }

    const boxPods = nodes.map((n) => onNode.get(n.metadata?.name ?? '')!);
    const resourceFrame = resources.frame(view, allPods, filter);
    const grouped = options.groupByNamespace
      ? placeByNamespace(unscheduled.map((p) => shape(p.data)), boxPods.map((entries) => entries.map((p) => ({ ...shape(p.data), namespace: p.data.namespace }))),
        [...nextPods.values()].map((p) => shape(p.data)), resourceFrame.namespacedHeights())
      : undefined;
    const at = grouped ?? place(unscheduled.map((p) => shape(p.data)), boxPods.map((entries) => entries.map((p) => shape(p.data))),
        [...nextPods.values()].map((p) => shape(p.data)));
    const out: GraphNode[] = [];
    // Workloads and Services in a band on top; the lane and the Nodes below it.
    const band = frame.band(at.width);
    for (const e of band.elements) out.push(graphNode(nextGraph, e.id, e.type, e.data, e.rect));
    const drawnPods = new Map<string, string>();
    const podCentres = new Map<string, number>(); // absolute x of each drawn Pod's centre
    const drawPod = (p: PodData, rect: Rect, parent: string, parentX = 0) => {
      const id = podId(p);
      drawnPods.set(p.uid, id);
      podCentres.set(p.uid, parentX + rect.x + rect.width / 2);
      out.push(graphNode(nextGraph, id, 'pod', p, rect, parent));
    };

    const lane = laneData(unscheduled.length, at.lanePods.length, cachedLane(graphNodes), t);
    out.push(graphNode(nextGraph, laneId, 'lane', lane, below(at.lane, band.height)));
    at.lanePods.forEach((rect, i) => drawPod(unscheduled[i].data, rect, laneId, at.lane.x));
    // Namespace boxes before the Node boxes: drawn over the boxes, under the Pods.
    const nextNamespaces = new Map<string, NamespaceBoxData>();
    for (const b of grouped?.bands ?? []) {
      const pods = boxPods.reduce((n, entries) => n + entries.filter((p) => p.data.namespace === b.namespace).length, 0);
      const data = namespaceEntry(b.namespace, fullView.get('Namespace', b.namespace), pods, namespaceBoxes, nextNamespaces, t);
      out.push(graphNode(nextGraph, namespaceBoxId(b.namespace), 'namespace', data, below(b.rect, band.height)));
    }
    namespaceBoxes = nextNamespaces;

    nodes.forEach((node, i) => {
      const entries = boxPods[i];
      const requested: Requested = { ...(nodeRequests?.get(node.metadata?.name ?? '') ?? { cpu: 0, memory: 0, pods: 0 }) };
      if (!nodeRequests) for (const p of entries) {
        if (!countsAgainstNode(p.data.phase)) continue;
        requested.cpu += p.cpu;
        requested.memory += p.memory;
        requested.pods += 1;
      }
      const data = nodeEntry(node, requested, entries.length, nextBoxes);
      const id = nodeId(data.name);
      out.push(graphNode(nextGraph, id, 'k8sNode', data, below(at.boxes[i].rect, band.height)));
      entries.forEach((p, j) => drawPod(p.data, at.boxes[i].pods[j], id, at.boxes[i].rect.x));
    });

    // Claims, volumes, classes, ConfigMaps and Secrets below the Nodes (or in their namespace's box).
    const area = resourceFrame.layout(grouped
      ? { grouped: true, top: at.height + AREA_GAP, bands: grouped.bands, resourceX: grouped.resourceX }
      : { grouped: false, top: at.height + AREA_GAP });
    for (const e of area.elements) out.push(graphNode(nextGraph, e.id, e.type, e.data, below(e.rect, band.height)));

    pods = nextPods;
    boxes = nextBoxes;
    graphNodes = nextGraph;
    const edges = resourceFrame.edges(drawnPods, podCentres, frame.edges(drawnPods));
    const height = at.height + band.height + (area.height ? AREA_GAP + area.height : 0);
    return { nodes: out, edges, width: Math.max(at.width, band.width, area.width), height };
  }

  return { project };
}

/** One-off projection without memoization across calls. */
export function projectGraph(view: ClusterView, options?: ProjectOptions, projector?: ProjectorOptions): ClusterGraph {
  return createGraphProjector(projector).project(view, options);
}

/** Graph nodes a learner selects (the others are boxes and lanes). */
const BUTTON_TYPES = new Set<string>(['pod', 'workload', 'service', 'storage', 'config']);

/** A namespace box's data, the same object while its Namespace and Pod count are unchanged. */
function namespaceEntry(
  name: string, ns: KubeObject | undefined, pods: number, previous: Map<string, NamespaceBoxData>, next: Map<string, NamespaceBoxData>,
  t: Translate,
): NamespaceBoxData {
  const old = previous.get(name);
  const fresh = namespaceBoxData(name, ns, pods, t);
  const data = old && old.phase === fresh.phase && old.pods === fresh.pods ? old : fresh;
  next.set(name, data);
  return data;
}

/** A top-level rect moved down below the workloads band. */
function below(rect: Rect, top: number): Rect {
  return top ? { ...rect, y: rect.y + top } : rect;
}

/** A Pod with the template revision it runs (its accessible name says it too). */
function withRevision(data: PodData, revision: RevisionBadge | undefined, t: Translate): PodData {
  if (!revision) return data;
  return { ...data, revision, ariaLabel: t('graph.withRevision', { label: data.ariaLabel, revision: t('graph.revision', { revision: revision.revision }) }) };
}

function shape(p: PodData): Shape {
  // Volumes take a row each, plus a row per mount when mounted more than once (storageMounts.ts).
  return { containerCount: p.initContainers.length + p.containers.length, volumeCount: volumeRowCount(p.volumes) };
}

function cachedLane(graphNodes: Map<string, GraphNode>): LaneData | undefined {
  const data = graphNodes.get(laneId)?.data;
  return data?.kind === 'Lane' ? data : undefined;
}

function laneData(count: number, shown: number, old: LaneData | undefined, t: Translate): LaneData {
  if (old && old.count === count && old.hidden === count - shown) return old;
  const title = t('graph.lane');
  return { kind: 'Lane', title, count, hidden: count - shown, ariaLabel: title };
}

/** The newest sandbox of each Pod, read once per Node that has Pods. */
function sandboxesByPod(view: ClusterView, pods: Pod[], nodeNames: Set<string>): Map<string, RuntimeSandbox> {
  const used = new Set<string>();
  for (const p of pods) if (p.spec?.nodeName && nodeNames.has(p.spec.nodeName)) used.add(p.spec.nodeName);
  const out = new Map<string, RuntimeSandbox>();
  for (const name of used) {
    for (const s of view.runtime(name).sandboxes) {
      const prev = out.get(s.podUid);
      if (!prev || s.createdAt >= prev.createdAt) out.set(s.podUid, s);
    }
  }
  return out;
}
