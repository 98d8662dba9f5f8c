/**
 * The taints the node lifecycle controller owns, as pure functions of a Node.
 * upstream: pkg/controller/nodelifecycle/node_lifecycle_controller.go (nodeConditionToTaintKeyStatusMap,
 * doNoScheduleTaintingPass, NotReadyTaintTemplate / UnreachableTaintTemplate)
 */
import type { NodeCondition, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** Which condition status puts which NoSchedule taint on a Node (TaintNodesByCondition). */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};
const OWNED_NO_SCHEDULE = new Set([TAINT_UNSCHEDULABLE, ...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m))]);

export const conditionsOf = (node: KubeObject): NodeCondition[] =>
  (node.status as { conditions?: NodeCondition[] } | undefined)?.conditions ?? [];

export const taintsOf = (node: KubeObject): Taint[] => (node.spec as { taints?: Taint[] } | undefined)?.taints ?? [];

export function readyCondition(node: KubeObject): NodeCondition | undefined {
  return conditionsOf(node).find((c) => c.type === 'Ready');
}

/**
 * The Ready status the node monitor acts on at `now`. A `False` posted at this very instant is
 * `pending` (the monitor sees what was there when its tick began; the Node's next change brings
 * it back); `Unknown` is the monitor's own verdict; undefined while the kubelet has posted nothing.
 */
export function observedReady(node: KubeObject, now: number): string | undefined {
  const ready = readyCondition(node);
  if (ready?.status !== 'False') return ready?.status;
  const since = virtualMs(ready.lastTransitionTime);
  return since !== undefined && since < now ? 'False' : 'pending';
}

/**
 * The NoSchedule taints the Node's conditions and spec.unschedulable call for. A Node whose kubelet
 * has not posted a Ready condition yet counts as not ready (a real kubelet registers its Node with
 * conditions already set, Ready=False until its runtime is up).
 */
export function wantedNoScheduleTaints(node: KubeObject): string[] {
  const wanted: string[] = [];
  const conditions = conditionsOf(node);
  if (!conditions.some((c) => c.type === 'Ready')) wanted.push(TAINT_NOT_READY);
  for (const c of conditions) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) wanted.push(key);
  }
  if ((node.spec as { unschedulable?: boolean } | undefined)?.unschedulable) wanted.push(TAINT_UNSCHEDULABLE);
  return wanted;
}

export interface TaintChange {
  taints: Taint[];
  added: string[];
  removed: string[];
}

/** The NoSchedule tainting pass for one Node: undefined when its taints are already right. */
export function noScheduleTaintChange(node: KubeObject, time: string): TaintChange | undefined {
  const wanted = new Set(wantedNoScheduleTaints(node));
  const taints = taintsOf(node);
  const isOwned = (t: Taint) => t.effect === 'NoSchedule' && OWNED_NO_SCHEDULE.has(t.key);
  const kept = taints.filter((t) => !isOwned(t) || wanted.has(t.key));
  const removed = taints.filter((t) => !kept.includes(t)).map((t) => t.key);
  const added = [...wanted].filter((key) => !kept.some((t) => t.key === key && t.effect === 'NoSchedule'));
  if (!added.length && !removed.length) return undefined;
  return { taints: [...kept, ...added.map((key) => ({ key, effect: 'NoSchedule', timeAdded: time }))], added, removed };
}

/** The NoExecute taint the controller keeps for a Ready status (`False` → not-ready, `Unknown` → unreachable). */
export function noExecuteKeyFor(status: string | undefined): string | undefined {
  return status === 'False' ? TAINT_NOT_READY : status === 'Unknown' ? TAINT_UNREACHABLE : undefined;
}

export const isControllerNoExecute = (t: Taint) =>
  t.effect === 'NoExecute' && (t.key === TAINT_NOT_READY || t.key === TAINT_UNREACHABLE);
