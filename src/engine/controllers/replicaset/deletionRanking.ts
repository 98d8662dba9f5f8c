import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';
import { isPodActive, isPodReady, podPhase, readyCondition } from '../shared/pods';

/** upstream core.PodDeletionCost */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** upstream podPhaseToOrdinal: a phase missing from the table (Succeeded, Failed, none) counts as 0. */
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * upstream GetDeletionCostFromPodAnnotations: a 32-bit decimal integer without a plus sign or
 * leading zeros; anything else counts as 0.
 */
export function deletionCost(pod: KubeObject): number {
  const value = pod.metadata.annotations?.[POD_DELETION_COST];
  if (value === undefined || !/^(-\d+|0|[1-9]\d*)$/.test(value)) return 0;
  const n = Number(value) + 0; // `-0` is 0
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

interface Status {
  containerStatuses?: { name: string; restartCount?: number }[];
  initContainerStatuses?: { name: string; restartCount?: number }[];
}

/** upstream maxContainerRestarts: [regular containers, restartable init (sidecar) containers]. */
export function maxRestarts(pod: KubeObject): [number, number] {
  const status = (pod.status ?? {}) as Status;
  const regular = Math.max(0, ...(status.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  const init = ((pod.spec as { initContainers?: { name: string; restartPolicy?: string }[] } | undefined)?.initContainers ?? []);
  const sidecars = new Set(init.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const sidecar = Math.max(0, ...(status.initContainerStatuses ?? []).filter((c) => sidecars.has(c.name)).map((c) => c.restartCount ?? 0));
  return [regular, sidecar];
}

/** A Pod with the facts the ranking reads, computed once per sort. */
export interface RankedPod {
  pod: KubeObject;
  /** Active Pods of the same owner family on this Pod's Node (upstream getPodsRankedByRelatedPodsOnSameNode). */
  rank: number;
  node: string;
  phase: number;
  ready: boolean;
  /** ms of the Ready condition's lastTransitionTime; undefined is Go's zero time. */
  readySince?: number;
  cost: number;
  restarts: [number, number];
  created?: number;
  uid: string;
}

export function rankPods(pods: KubeObject[], related: KubeObject[]): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const node = (p.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  return pods.map((pod) => {
    const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
    const ready = isPodReady(pod);
    return {
      pod, node, ready, rank: onNode.get(node) ?? 0,
      phase: PHASE_ORDINAL[podPhase(pod) ?? ''] ?? 0,
      readySince: ready ? virtualMs(readyCondition(pod)?.lastTransitionTime) : undefined,
      cost: deletionCost(pod),
      restarts: maxRestarts(pod),
      created: virtualMs(pod.metadata.creationTimestamp),
      uid: pod.metadata.uid,
    };
  });
}
