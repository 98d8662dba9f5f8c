/**
 * spec.backoffLimitPerIndex (Indexed Jobs): each index has its own failure budget, counted on the
 * pods through the `job-index-failure-count` annotation; a failed pod keeps its finalizer until its
 * replacement exists, so the count can be carried over.
 * upstream: calculateFailedIndexes, getPodsWithDelayedDeletionPerIndex, getNewIndexFailureCounts,
 * getRemainingTimePerIndex (pkg/controller/job)
 */
import type { KubeObject } from '../../api';
import { finishedTime, remainingBackoff } from './backoff';
import { completionIndex, hasIndex, parseIndexes, UNKNOWN_INDEX, withIndexes, type OrderedIntervals } from './indexes';
import type { JobView } from './jobSpec';
import { INDEX_FAILURE_COUNT, INDEX_IGNORED_FAILURE_COUNT } from './newPod';
import { matchPodFailurePolicy } from './podFailurePolicy';
import { hasTrackingFinalizer, isPodFailed } from './podState';
import { validPods, type SyncJobCtx } from './syncContext';

/** upstream parseInt32 of an annotation: anything invalid or out of range reads 0. */
function annotationCount(pod: KubeObject, key: string): number {
  const v = pod.metadata.annotations?.[key];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n < 0 || n > 2147483647 ? 0 : n;
}

export const indexFailureCount = (pod: KubeObject) => annotationCount(pod, INDEX_FAILURE_COUNT);
const absoluteFailureCount = (pod: KubeObject) => indexFailureCount(pod) + annotationCount(pod, INDEX_IGNORED_FAILURE_COUNT);

/** upstream isIndexFailed: a FailIndex rule matched, or the index used up backoffLimitPerIndex. */
function isIndexFailed(spec: JobView, pod: KubeObject): boolean {
  if (!isPodFailed(pod, spec)) return false;
  let counted = true;
  if (spec.podFailurePolicy) {
    const match = matchPodFailurePolicy(spec.podFailurePolicy, pod);
    if (match.action === 'FailIndex') return true;
    counted = match.countFailed;
  }
  return counted && indexFailureCount(pod) >= (spec.backoffLimitPerIndex ?? 0);
}

export function calculateFailedIndexes(spec: JobView, previous: string | undefined, pods: KubeObject[]): OrderedIntervals {
  const completions = spec.completions ?? 0;
  const failed = new Set<number>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (ix !== UNKNOWN_INDEX && ix < completions && hasTrackingFinalizer(p) && isIndexFailed(spec, p)) failed.add(ix);
  }
  return withIndexes(parseIndexes(previous, completions), [...failed].sort((a, b) => a - b));
}

/** The latest failed pod of every index that still waits for its replacement. */
export function podsWithDelayedDeletion(c: SyncJobCtx): Map<number, KubeObject> {
  const active = new Set(c.activePods.map(completionIndex));
  const result = new Map<number, KubeObject>();
  for (const p of validPods(c, new Set(), (pod) => isPodFailed(pod, c.spec))) {
    const ix = completionIndex(p);
    if (hasIndex(c.succeededIndexes, ix) || hasIndex(c.failedIndexes, ix) || active.has(ix)) continue;
    const current = result.get(ix);
    if (!current || (absoluteFailureCount(current) <= absoluteFailureCount(p) && finishedTime(p) >= finishedTime(current))) result.set(ix, p);
  }
  return result;
}

/** upstream getNewIndexFailureCounts: the replaced pod's counts plus its own failure. */
export function newIndexFailureCounts(spec: JobView, replaced: KubeObject | undefined): { failed: number; ignored: number } {
  if (!replaced) return { failed: 0, ignored: 0 };
  let failed = indexFailureCount(replaced);
  let ignored = annotationCount(replaced, INDEX_IGNORED_FAILURE_COUNT);
  if (!spec.podFailurePolicy || matchPodFailurePolicy(spec.podFailurePolicy, replaced).countFailed) failed++;
  else ignored++;
  return { failed, ignored };
}

/** upstream getPodCreationInfoForIndependentIndexes: indexes whose own back-off has passed, else the shortest wait. */
export function indexesReadyToCreate(c: SyncJobCtx, candidates: number[], now: number): { now: number[]; wait: number } {
  const ready: number[] = [];
  let wait: number | undefined;
  for (const ix of candidates) {
    const last = c.podsWithDelayedDeletionPerIndex.get(ix);
    const remaining = last ? remainingBackoff(now, absoluteFailureCount(last) + 1, finishedTime(last)) : 0;
    if (remaining === 0) ready.push(ix);
    else if (wait === undefined || remaining < wait) wait = remaining;
  }
  return ready.length ? { now: ready, wait: 0 } : { now: [], wait: wait ?? 0 };
}
