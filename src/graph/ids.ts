/** Graph node ids, the refs they stand for, and the stable orders the layout uses. */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { GraphNode, GraphRef, PodData } from './types';

export const laneId = 'lane/unscheduled';

export function nodeId(name: string): string {
  return `node/${name}`;
}

/** The uid is part of the id so a Pod re-created under the same name is a new element (it fades in). */
export function podId(pod: Pick<PodData, 'namespace' | 'name' | 'uid'>): string {
  return `pod/${pod.namespace}/${pod.name}/${pod.uid}`;
}

/** What selecting this graph node selects, if anything. */
export function refOf(node: Pick<GraphNode, 'data'>): GraphRef | undefined {
  const d = node.data;
  if (d.kind === 'Pod') return { kind: 'Pod', name: d.name, namespace: d.namespace };
  if (d.kind === 'Node') return { kind: 'Node', name: d.name };
  if ('ref' in d) return d.ref; // workloads and Services
  return undefined;
}

/** Whether a graph node shows the object a selection points at. */
export function matchesRef(
  node: Pick<GraphNode, 'data'>, ref: { kind: string; name: string; namespace?: string } | null,
): boolean {
  if (!ref) return false;
  const d = node.data;
  if (d.kind === 'Pod') return ref.kind === 'Pod' && ref.name === d.name && (ref.namespace ?? 'default') === d.namespace;
  if (d.kind === 'Node') return ref.kind === 'Node' && ref.name === d.name;
  // Cluster-scoped objects (PersistentVolumes, StorageClasses, Namespaces) have no namespace on either side.
  if ('ref' in d) return ref.kind === d.ref.kind && ref.name === d.ref.name && (ref.namespace ?? 'default') === (d.ref.namespace ?? 'default');
  return false;
}

/** Natural order, so node-2 comes before node-10. */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x) && /^\d/.test(y);
    if (nx && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

export function compareNodes(a: Node, b: Node): number {
  return naturalCompare(a.metadata?.name ?? '', b.metadata?.name ?? '');
}

/** Creation order, so new Pods append below the ones already shown; ties by namespace and name. */
export function comparePods(a: Pod, b: Pod): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = `${a.metadata?.namespace ?? ''}/${a.metadata?.name ?? ''}`;
  const nb = `${b.metadata?.namespace ?? ''}/${b.metadata?.name ?? ''}`;
  return naturalCompare(na, nb);
}
