/**
 * The FailedScheduling message: `0/N nodes are available: <PreFilter message | reason histogram>.`
 * followed by DefaultPreemption's verdict `preemption: …`.
 * upstream: framework/types.go (FitError.Error), framework/preemption/preemption.go,
 * plugins/defaultpreemption/default_preemption.go
 */
import type { Status } from './framework';

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';
export const NOT_ELIGIBLE_NEVER = 'not eligible due to preemptionPolicy=Never.';

/** Per-node statuses as upstream's NodeToStatus: explicit ones, and one status for all the others. */
export interface NodeStatuses {
  statuses: ReadonlyMap<string, Status>;
  absentStatus: Status;
}

/** `<count> <reason>` entries, sorted as plain strings (so `10 …` sorts before `2 …`), joined `, `. */
export function reasonHistogram(numAllNodes: number, m: NodeStatuses): string {
  const counts = new Map<string, number>();
  const add = (reason: string, n: number) => counts.set(reason, (counts.get(reason) ?? 0) + n);
  for (const status of m.statuses.values()) for (const r of status.reasons) add(r, 1);
  const absent = numAllNodes - m.statuses.size;
  if (absent > 0) for (const r of m.absentStatus.reasons) add(r, absent);
  const entries = [...counts].map(([reason, n]) => `${n} ${reason}`);
  return entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(', ');
}

export function fitErrorMessage(numAllNodes: number, m: NodeStatuses, preFilterMessage?: string): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (preFilterMessage) return `${msg} ${preFilterMessage}.`;
  const histogram = reasonHistogram(numAllNodes, m);
  if (histogram) msg += ` ${histogram}.`;
  return msg;
}

/** Joins the filter part and the preemption part (already ending in its own period). */
export function failedSchedulingMessage(fitMessage: string, postFilterMessage: string | undefined): string {
  return postFilterMessage ? `${fitMessage} preemption: ${postFilterMessage}` : fitMessage;
}
