/**
 * The scheduler framework's vocabulary: statuses, the plugin contract, the per-cycle context and
 * the NodeInfo snapshot the plugins read. Pure data; nothing here touches the store.
 * upstream: pkg/scheduler/framework/{interface.go,types.go,cycle_state.go}
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import {
  nodeAllocatable, nonZeroRequests, podRequests, type ResourceAmounts,
} from '../util/resources';
import { addHostPorts, type HostPortInfo } from './hostPorts';

export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** A plugin's verdict; the reasons are what FailedScheduling shows, one histogram entry each. */
export interface Status {
  code: Code;
  reasons: string[];
}

export const SUCCESS: Status = Object.freeze({ code: 'Success', reasons: [] }) as Status;

/** Could fit once other pods go away: preemption may help. */
export const unschedulable = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
/** Cannot fit whatever is removed from the node: preemption is not helpful. */
export const unresolvable = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });

export interface NodeInfo {
  node: Node;
  name: string;
  /** Pods assigned to the node, terminating ones included, terminal (Succeeded/Failed) ones not. */
  pods: Pod[];
  requested: ResourceAmounts;
  /** Requests with the 100m / 200Mi defaults for containers that set none (scoring only). */
  nonZeroRequested: { cpu: number; memory: number };
  allocatable: ResourceAmounts;
  usedPorts: HostPortInfo;
  /** image name (as the node reports it) → size in bytes */
  images: Map<string, number>;
}

/** What one scheduling cycle shares between its plugins (upstream CycleState plus the snapshot). */
export interface CycleContext {
  /** Every Node of the snapshot: cluster-wide counts (spreading, inter-pod affinity, image spread) use it. */
  readonly allNodes: readonly NodeInfo[];
  /** Selectors of the Services / ReplicaSets / RCs / StatefulSets selecting the pod (default spreading). */
  readonly spreadSelectors: readonly LabelSelector[];
  namespaceLabels(namespace: string): Record<string, string>;
  /** Per-cycle plugin state, keyed by plugin name. */
  readonly state: Map<string, unknown>;
}

export interface PreFilterResult {
  /** A rejection here replaces the per-node reasons in FailedScheduling. */
  status?: Status;
  /** Only these nodes are worth filtering (upstream PreFilterResult.NodeNames). */
  nodeNames?: ReadonlySet<string>;
  /** The plugin has nothing to check for this pod: its filter is not run. */
  skip?: boolean;
}

export interface NodeScore {
  node: string;
  score: number;
}

/**
 * A plugin implements only the extension points it has. Raw scores may be any integer;
 * after `normalize` (when present) they are 0–100, then multiplied by `weight`.
 */
export interface Plugin {
  readonly name: string;
  readonly weight?: number;
  preEnqueue?(pod: Pod): Status;
  preFilter?(ctx: CycleContext, pod: Pod): PreFilterResult | void;
  filter?(ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): Status;
  /** Returning `{ skip: true }` leaves the plugin out of this cycle's scores. */
  preScore?(ctx: CycleContext, pod: Pod, feasible: readonly NodeInfo[]): { skip: true } | void;
  score?(ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): number;
  normalize?(scores: readonly NodeScore[], ctx: CycleContext, pod: Pod): number[];
}

const isTerminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

function imagesOf(node: Node): Map<string, number> {
  const out = new Map<string, number>();
  for (const image of node.status?.images ?? []) {
    for (const name of image.names ?? []) out.set(name, image.sizeBytes ?? 0);
  }
  return out;
}

export function newNodeInfo(node: Node, pods: readonly Pod[] = []): NodeInfo {
  const info: NodeInfo = {
    node,
    name: node.metadata?.name ?? '',
    pods: [],
    requested: { cpu: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: {} },
    nonZeroRequested: { cpu: 0, memory: 0 },
    allocatable: nodeAllocatable(node),
    usedPorts: new Map(),
    images: imagesOf(node),
  };
  for (const pod of pods) addPod(info, pod);
  return info;
}

/** Accounts a pod on the node (upstream NodeInfo.AddPod). Mutates `info`. */
export function addPod(info: NodeInfo, pod: Pod): void {
  const req = podRequests(pod);
  const r = info.requested;
  r.cpu += req.cpu;
  r.memory += req.memory;
  r.ephemeralStorage += req.ephemeralStorage;
  r.pods += 1;
  for (const [k, v] of Object.entries(req.scalar)) r.scalar[k] = (r.scalar[k] ?? 0) + v;
  const nz = nonZeroRequests(pod);
  info.nonZeroRequested.cpu += nz.cpu;
  info.nonZeroRequested.memory += nz.memory;
  addHostPorts(info.usedPorts, pod);
  info.pods.push(pod);
}

/**
 * The scheduler's snapshot: one NodeInfo per Node (in the given order) with the pods bound to it.
 * upstream: the scheduler's pod informer leaves out Succeeded and Failed pods.
 */
export function buildNodeInfos(nodes: readonly Node[], pods: readonly Pod[]): NodeInfo[] {
  const byNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || isTerminal(pod)) continue;
    let list = byNode.get(nodeName);
    if (!list) byNode.set(nodeName, (list = []));
    list.push(pod);
  }
  return nodes.map((node) => newNodeInfo(node, byNode.get(node.metadata?.name ?? '') ?? []));
}
