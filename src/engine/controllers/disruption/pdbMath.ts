/**
 * The PodDisruptionBudget arithmetic, as pure functions.
 * upstream: pkg/controller/disruption/disruption.go (getExpectedPodCount, countHealthyPods,
 * buildDisruptedPodMap, updatePdbStatus), apimachinery intstr.GetScaledValueFromIntOrPercent
 */
import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';
import { isPodReady } from '../shared/pods';

/** upstream DeletionTimeout: an evicted Pod not deleted within 2 minutes counts again. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

export type IntOrPercent = number | string;

/** `50%` of `total` (rounded up or down), or the integer itself; an error for a non-percentage string. */
export function scaledValue(value: IntOrPercent, total: number, roundUp: boolean): number | Error {
  if (typeof value === 'number') return value;
  if (!value.endsWith('%')) return new Error('invalid value for IntOrString: invalid type: string is not a percentage');
  const m = /^[-+]?\d+%$/.exec(value);
  if (!m) return new Error(`invalid value for IntOrString: invalid value "${value}": strconv.Atoi: parsing "${value.slice(0, -1)}": invalid syntax`);
  const exact = (parseInt(value, 10) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export interface PdbSpec {
  minAvailable?: IntOrPercent;
  maxUnavailable?: IntOrPercent;
}

/**
 * desiredHealthy and expectedPods: minAvailable as an integer counts the selected Pods; a
 * percentage or maxUnavailable counts the replicas their controllers want (`scale` computes it).
 */
export function expectedPodCount(spec: PdbSpec, podCount: number, scale: () => number | Error):
  { expected: number; desired: number } | Error {
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    const expected = scale();
    if (expected instanceof Error) return expected;
    const max = scaledValue(spec.maxUnavailable, expected, true);
    if (max instanceof Error) return max;
    return { expected, desired: Math.max(0, expected - max) };
  }
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) {
    if (typeof spec.minAvailable === 'number') return { expected: podCount, desired: spec.minAvailable };
    const expected = scale();
    if (expected instanceof Error) return expected;
    const min = scaledValue(spec.minAvailable, expected, true);
    if (min instanceof Error) return min;
    return { expected, desired: min };
  }
  return { expected: podCount, desired: 0 };
}

/** The evicted-but-not-yet-deleted Pods still within their 2 minutes, and when the next one expires. */
export function disruptedPodMap(pods: readonly KubeObject[], recorded: Record<string, string> | undefined, now: number):
  { disrupted: Record<string, string>; recheckAt?: number; overdue: KubeObject[] } {
  const disrupted: Record<string, string> = {};
  const overdue: KubeObject[] = [];
  let recheckAt: number | undefined;
  if (!recorded) return { disrupted, overdue };
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = recorded[pod.metadata.name];
    if (at === undefined) continue;
    const expires = (virtualMs(at) ?? 0) + DELETION_TIMEOUT_MS;
    if (expires < now) overdue.push(pod);
    else {
      disrupted[pod.metadata.name] = at;
      recheckAt = recheckAt === undefined ? expires : Math.min(recheckAt, expires);
    }
  }
  return { disrupted, recheckAt, overdue };
}

/** Ready Pods that are neither being deleted nor just evicted. */
export function countHealthy(pods: readonly KubeObject[], disrupted: Record<string, string>, now: number): number {
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name];
    if (at !== undefined && (virtualMs(at) ?? 0) + DELETION_TIMEOUT_MS > now) continue;
    if (isPodReady(pod)) healthy++;
  }
  return healthy;
}

/** disruptionsAllowed: current − desired, never below 0, and 0 while no Pod is expected. */
export function disruptionsAllowed(current: number, desired: number, expected: number): number {
  const allowed = current - desired;
  return expected <= 0 || allowed <= 0 ? 0 : allowed;
}
