/**
 * SchedulingGates (PreEnqueue): a pod with `spec.schedulingGates` is not attempted at all; it
 * waits with PodScheduled=False/SchedulingGated and gets no FailedScheduling event.
 * upstream: pkg/scheduler/framework/plugins/schedulinggates
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { SUCCESS, unresolvable, type Status } from '../framework';

export const name = 'SchedulingGates';

/** The PodScheduled condition a gated pod carries (upstream sets it in the scheduling queue). */
export const SCHEDULING_GATED_REASON = 'SchedulingGated';
export const SCHEDULING_GATED_MESSAGE = 'Scheduling is blocked due to non-empty scheduling gates';

export function isSchedulingGated(pod: Pod): boolean {
  return (pod.spec?.schedulingGates ?? []).length > 0;
}

export function preEnqueue(pod: Pod): Status {
  const gates = (pod.spec?.schedulingGates ?? []).map((g) => g.name);
  return gates.length ? unresolvable(`waiting for scheduling gates: [${gates.join(' ')}]`) : SUCCESS;
}
