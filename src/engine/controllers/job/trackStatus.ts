/**
 * upstream trackJobStatusAndRemoveFinalizers: finished pods are first written to
 * `.status.uncountedTerminatedPods`, then lose the tracking finalizer, then move into the
 * succeeded/failed counters; the Job finishes (Complete/Failed) only when nothing is left uncounted
 * and no pod is terminating.
 */
import type { JobStatus } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import { isSuccessCriteriaMet, newCondition, successCriteriaMet } from './conditions';
import { enactJobFinished, recordJobFinished, writeStatus } from './finishJob';
import { completionIndex, formatIndexes, hasIndex, totalIndexes, UNKNOWN_INDEX, withIndexes } from './indexes';
import { finalizerRemovedMessage } from './messages';
import { removeTrackingFinalizer } from './podControl';
import { matchPodFailurePolicy } from './podFailurePolicy';
import { hasTrackingFinalizer, isPodFailed } from './podState';
import type { SyncJobCtx } from './syncContext';
import { writeBackoffRecord } from './syncState';

/** upstream MaxUncountedPods */
const MAX_UNCOUNTED_PODS = 500;

/** upstream cleanUncountedPodsWithoutFinalizers: uids whose finalizer is gone move into the counters. */
function cleanUncounted(status: JobStatus, withFinalizer: Set<string>): boolean {
  const u = (status.uncountedTerminatedPods ??= {});
  let updated = false;
  for (const kind of ['succeeded', 'failed'] as const) {
    const list = u[kind] ?? [];
    const kept = list.filter((uid) => withFinalizer.has(uid));
    if (kept.length === list.length) continue;
    updated = true;
    status[kind] = (status[kind] ?? 0) + list.length - kept.length;
    if (kept.length) u[kind] = kept;
    else delete u[kind];
  }
  return updated;
}

/** upstream canRemoveFinalizer. */
function canRemoveFinalizer(c: SyncJobCtx, pod: KubeObject, failed: boolean): boolean {
  if (c.job.metadata.deletionTimestamp || c.finishedCondition || (pod.status as { phase?: string })?.phase === 'Succeeded') return true;
  if (!failed) return false;
  const delayed = c.podsWithDelayedDeletionPerIndex.get(completionIndex(pod));
  return !(c.spec.backoffLimitPerIndex !== undefined && delayed?.metadata.uid === pod.metadata.uid);
}

export function trackJobStatusAndRemoveFinalizers(c: SyncJobCtx, needsStatusUpdate: boolean): void {
  const { spec, status } = c;
  const before = clone((c.job.status ?? {}) as JobStatus);
  let needsFlush = needsStatusUpdate;
  const uncounted = (status.uncountedTerminatedPods ??= {});
  const pods = spec.indexed ? [...c.pods].sort((a, b) => completionIndex(a) - completionIndex(b)) : c.pods;
  const withFinalizer = new Set(pods.filter(hasTrackingFinalizer).map((p) => p.metadata.uid));
  if (cleanUncounted(status, withFinalizer)) needsFlush = true;
  const toRemove: { pod: KubeObject; why: string }[] = [];
  const newSucceededIndexes: number[] = [];
  let reachedMax = false;
  const completions = spec.completions ?? 0;
  for (const pod of pods) {
    if (!hasTrackingFinalizer(pod)) continue;
    const failed = isPodFailed(pod, spec);
    if (!canRemoveFinalizer(c, pod, failed)) continue;
    const uid = pod.metadata.uid;
    const ix = completionIndex(pod);
    let why = c.job.metadata.deletionTimestamp ? 'the Job is being deleted' : 'the Job has finished';
    if ((pod.status as { phase?: string })?.phase === 'Succeeded' && !c.uncounted.failed.has(uid)) {
      why = 'it succeeded and is counted';
      if (spec.indexed) {
        if (ix !== UNKNOWN_INDEX && ix < completions && !hasIndex(c.prevSucceededIndexes, ix)) {
          newSucceededIndexes.push(ix);
          needsFlush = true;
        }
      } else if (!c.uncounted.succeeded.has(uid)) {
        (uncounted.succeeded ??= []).push(uid);
        needsFlush = true;
      }
    } else if (failed || (c.finishedCondition && !isSuccessCriteriaMet(c.finishedCondition))) {
      why = failed ? 'it failed and is counted' : 'the Job has failed, so it is counted as failed';
      const validIndex = !spec.indexed || (ix !== UNKNOWN_INDEX && ix < completions);
      if (!c.uncounted.failed.has(uid) && validIndex) {
        const counts = !spec.podFailurePolicy || matchPodFailurePolicy(spec.podFailurePolicy, pod).countFailed;
        if (!counts) why = 'it failed, and the podFailurePolicy ignores the failure';
        if (counts) {
          (uncounted.failed ??= []).push(uid);
          needsFlush = true;
        }
      }
    }
    toRemove.push({ pod, why });
    if (newSucceededIndexes.length + (uncounted.succeeded?.length ?? 0) + (uncounted.failed?.length ?? 0) >= MAX_UNCOUNTED_PODS) {
      reachedMax = true;
      break;
    }
  }
  if (spec.indexed) {
    c.succeededIndexes = withIndexes(c.succeededIndexes, [...new Set(newSucceededIndexes)].sort((a, b) => a - b));
    const text = formatIndexes(c.succeededIndexes);
    if (text !== (status.completedIndexes ?? '')) needsFlush = true;
    status.succeeded = totalIndexes(c.succeededIndexes);
    status.completedIndexes = text;
    const failedText = c.failedIndexes ? formatIndexes(c.failedIndexes) : undefined;
    if (failedText !== status.failedIndexes) {
      if (failedText === undefined) delete status.failedIndexes;
      else status.failedIndexes = failedText;
      needsFlush = true;
    }
  }
  const now = c.ctx.now;
  if (c.finishedCondition?.type === 'FailureTarget') {
    status.conditions = [...(status.conditions ?? []), c.finishedCondition];
    needsFlush = true;
    c.finishedCondition = newCondition('Failed', 'True', c.finishedCondition.reason ?? '', c.finishedCondition.message ?? '', now);
  }
  if (isSuccessCriteriaMet(c.finishedCondition)) {
    if (!successCriteriaMet(status.conditions)) {
      status.conditions = [...(status.conditions ?? []), c.finishedCondition!];
      needsFlush = true;
    }
    c.finishedCondition = newCondition('Complete', 'True', c.finishedCondition!.reason ?? '', c.finishedCondition!.message ?? '', now);
  }
  // upstream flushUncountedAndRemoveFinalizers: record first, then remove the finalizers, then count
  if (needsFlush) {
    writeStatus(c, before);
    writeBackoffRecord(c.ctx, c.job, c.newBackoffRecord);
    needsFlush = false;
  }
  for (const { pod, why } of toRemove) {
    if (removeTrackingFinalizer(c.ctx, pod, finalizerRemovedMessage(spec, pod, why))) withFinalizer.delete(pod.metadata.uid);
  }
  if (cleanUncounted(status, withFinalizer)) needsFlush = true;
  const finished = !reachedMax && enactJobFinished(c);
  if (finished) needsFlush = true;
  if (!needsFlush) return;
  writeStatus(c, clone((c.job.status ?? {}) as JobStatus));
  if (finished) recordJobFinished(c);
}
