/**
 * The delay before a Job replaces failed pods: 10s after the last failure, doubling with every
 * consecutive failure since the last success, at most 10 minutes.
 * upstream: pkg/controller/job/backoff_utils.go (DefaultJobPodFailureBackOff, MaxJobPodFailureBackOff)
 */
import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';
import { readyCondition } from '../shared/pods';

export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  /** Virtual ms of the last failure (second resolution, as read from the pod). */
  lastFailureTime?: number;
}

interface ContainerStatus { state?: { terminated?: { finishedAt?: string } } }

/**
 * upstream getFinishedTime: the latest container finishedAt when every container has terminated,
 * else the Ready=False transition, else deletionTimestamp − grace period, else creation.
 */
export function finishedTime(pod: KubeObject): number {
  const statuses = ((pod.status ?? {}) as { containerStatuses?: ContainerStatus[] }).containerStatuses ?? [];
  let latest: number | undefined;
  let allFinished = statuses.length > 0;
  for (const c of statuses) {
    const at = virtualMs(c.state?.terminated?.finishedAt ?? undefined);
    if (at === undefined) {
      allFinished = false;
      break;
    }
    if (latest === undefined || at > latest) latest = at;
  }
  if (allFinished && latest !== undefined) return latest;
  const ready = readyCondition(pod);
  const readyFalse = ready?.status === 'False' ? virtualMs(ready.lastTransitionTime) : undefined;
  if (readyFalse !== undefined) return readyFalse;
  const deletion = virtualMs(pod.metadata.deletionTimestamp);
  if (deletion !== undefined) return deletion - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return virtualMs(pod.metadata.creationTimestamp) ?? 0;
}

const byFinishedTime = (pods: KubeObject[]) =>
  pods.map((p) => ({ p, t: finishedTime(p) })).sort((a, b) => a.t - b.t).map((x) => x.t);

/**
 * upstream newBackoffRecord: failures seen since the last success extend the streak; a success
 * resets it to the failures that finished after it.
 */
export function newBackoffRecord(old: BackoffRecord | undefined, newSucceeded: KubeObject[], newFailed: KubeObject[]): BackoffRecord {
  const record: BackoffRecord = { failuresAfterLastSuccess: old?.failuresAfterLastSuccess ?? 0, lastFailureTime: old?.lastFailureTime };
  const failed = byFinishedTime(newFailed);
  if (newSucceeded.length === 0) {
    if (failed.length === 0) return record;
    return { failuresAfterLastSuccess: record.failuresAfterLastSuccess + failed.length, lastFailureTime: failed[failed.length - 1] };
  }
  const succeeded = byFinishedTime(newSucceeded);
  const lastSuccess = succeeded[succeeded.length - 1];
  const next: BackoffRecord = { failuresAfterLastSuccess: 0 };
  for (let i = failed.length - 1; i >= 0 && failed[i] > lastSuccess; i--) {
    next.lastFailureTime ??= failed[i];
    next.failuresAfterLastSuccess++;
  }
  return next;
}

/** upstream getRemainingTimeForFailuresCount: 10s × 2^(failures−1), capped, minus the time since the failure. */
export function remainingBackoff(now: number, failures: number, lastFailureTime: number | undefined,
  base = POD_FAILURE_BACKOFF_MS, max = MAX_POD_FAILURE_BACKOFF_MS): number {
  if (failures === 0 || lastFailureTime === undefined) return 0;
  let delay = base;
  for (let i = 1; i < failures; i++) {
    delay *= 2;
    if (delay >= max) {
      delay = max;
      break;
    }
  }
  const elapsed = now - lastFailureTime;
  return delay < elapsed ? 0 : delay - elapsed;
}
