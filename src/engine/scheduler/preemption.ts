/**
 * DefaultPreemption's verdict for a pod that fits nowhere (PostFilter). Only nodes that failed with
 * Unschedulable are worth a dry run; a dry run removes every lower-priority pod and filters again.
 * upstream: framework/preemption/preemption.go (Preempt, findCandidates, DryRunPreemption),
 * plugins/defaultpreemption/default_preemption.go (SelectVictimsOnNode)
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { newNodeInfo, unresolvable, type CycleContext, type Plugin, type Status } from './framework';
import { evaluateNode, type Diagnosis } from './findFeasible';
import { fitErrorMessage, NO_PREEMPTION_VICTIMS, NOT_ELIGIBLE_NEVER, PREEMPTION_NOT_HELPFUL } from './fitError';

export interface PreemptionOutcome {
  /** What follows `preemption: ` in FailedScheduling; undefined when preemption found a candidate. */
  message?: string;
  /** Nodes where evicting lower-priority pods would make the pod fit (victim selection is not done here). */
  candidates: string[];
}

/** `spec.priority`, set by the API server from the PriorityClass; 0 without one. */
export const podPriority = (pod: Pod): number => pod.spec?.priority ?? 0;

/** upstream PodEligibleToPreemptOthers: the pod's own preemption policy. */
function preemptionIneligibility(pod: Pod): string | undefined {
  return pod.spec?.preemptionPolicy === 'Never' ? NOT_ELIGIBLE_NEVER : undefined;
}

/** Whether the pod fits the node once the given pods are gone, re-running PreFilter on that snapshot. */
function fitsWithout(ctx: CycleContext, pod: Pod, plugins: readonly Plugin[], nodeName: string, victims: Set<Pod>): Status {
  const allNodes = ctx.allNodes.map((n) =>
    n.name === nodeName ? newNodeInfo(n.node, n.pods.filter((p) => !victims.has(p))) : n);
  const dryRun: CycleContext = { ...ctx, allNodes, state: new Map() };
  return evaluateNode(dryRun, pod, plugins, allNodes.find((n) => n.name === nodeName)!);
}

export function evaluatePreemption(
  ctx: CycleContext, pod: Pod, plugins: readonly Plugin[], diagnosis: Diagnosis,
): PreemptionOutcome {
  const ineligible = preemptionIneligibility(pod);
  if (ineligible) return { message: ineligible, candidates: [] };
  const statusOf = (name: string) => diagnosis.statuses.get(name) ?? diagnosis.absentStatus;
  const statuses = new Map<string, Status>();
  const candidates: string[] = [];
  for (const info of ctx.allNodes) {
    if (statusOf(info.name).code !== 'Unschedulable') continue;
    const victims = new Set(info.pods.filter((p) => podPriority(p) < podPriority(pod)));
    if (!victims.size) {
      statuses.set(info.name, unresolvable(NO_PREEMPTION_VICTIMS));
      continue;
    }
    const status = fitsWithout(ctx, pod, plugins, info.name, victims);
    if (status.code === 'Success') candidates.push(info.name);
    else statuses.set(info.name, status);
  }
  if (candidates.length) return { candidates };
  const absentStatus = unresolvable(PREEMPTION_NOT_HELPFUL);
  return { message: fitErrorMessage(ctx.allNodes.length, { statuses, absentStatus }), candidates };
}
