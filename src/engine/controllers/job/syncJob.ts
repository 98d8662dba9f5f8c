/**
 * upstream syncJob: claim the pods, count the finished ones, decide whether the Job has failed
 * (backoffLimit, activeDeadlineSeconds, podFailurePolicy, failed indexes) or succeeded
 * (completions, successPolicy), otherwise manage its pods and the Suspended condition; then record
 * the status and release the counted pods' finalizers.
 */
import type { JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api';
import { timestamp, virtualMs } from '../../core/time';
import { clone } from '../../util/objects';
import { isPodActive } from '../shared/pods';
import type { ReconcileContext } from '../types';
import { newBackoffRecord } from './backoff';
import { ensureConditionStatus, MESSAGE, newCondition, REASON, successCriteriaMet } from './conditions';
import { findCondition, isJobFinished, jobSpec, type JobView } from './jobSpec';
import { getPodsForJob } from './claimPods';
import { manageJob } from './manageJob';
import { evaluateIndexes } from './evaluateIndexes';
import { deleteActivePods } from './podControl';
import { countReady, countTerminating, pastBackoffLimitOnFailure } from './podState';
import { countedFailures, failJobMessage, flushEvents, newFinishedPods, type SyncJobCtx } from './syncContext';
import { readBackoffRecord, removeBackoffRecord } from './syncState';
import { trackJobStatusAndRemoveFinalizers } from './trackStatus';

const failure = (reason: string, message: string, now: number) => newCondition('FailureTarget', 'True', reason, message, now);

/** Returns the delay after which the Job wants to be synced again, if any. */
export function syncJob(ctx: ReconcileContext, key: string, job: KubeObject): number | undefined {
  if (isJobFinished(job)) {
    removeBackoffRecord(ctx, key);
    return undefined;
  }
  const spec = jobSpec(job);
  if (spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
    ctx.event(job, 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown');
    return undefined;
  }
  let requeue: number | undefined;
  const status = clone((job.status ?? {}) as JobStatus);
  status.uncountedTerminatedPods ??= {};
  const pods = getPodsForJob(ctx, job, spec, ctx.list('Pod', spec.namespace));
  const activePods = pods.filter(isPodActive);
  const c: SyncJobCtx = {
    ctx, job, spec, status, pods, activePods,
    succeeded: 0, failed: 0, prevSucceededIndexes: [], succeededIndexes: [],
    newBackoffRecord: { failuresAfterLastSuccess: 0 },
    uncounted: {
      succeeded: new Set(status.uncountedTerminatedPods.succeeded ?? []),
      failed: new Set(status.uncountedTerminatedPods.failed ?? []),
    },
    podsWithDelayedDeletionPerIndex: new Map(),
    terminating: countTerminating(pods),
    ready: countReady(activePods),
    requeue: (ms) => {
      requeue = requeue === undefined ? ms : Math.min(requeue, ms);
    },
    pendingEvents: [],
  };
  let active = activePods.length;
  const finished = newFinishedPods(c);
  c.succeeded = (status.succeeded ?? 0) + finished.succeeded.length + c.uncounted.succeeded.size;
  c.failed = (status.failed ?? 0) + countedFailures(spec, finished.failed) + c.uncounted.failed.size;
  if (!status.startTime && !spec.suspended) status.startTime = timestamp(ctx.now);
  c.newBackoffRecord = newBackoffRecord(readBackoffRecord(ctx, job), finished.succeeded, finished.failed);
  decideFailure(c);
  if (spec.indexed) evaluateIndexes(c);
  let suspendChanged = false;
  if (c.finishedCondition) {
    const { deleted, deletedReady } = deleteActivePods(ctx, job, activePods, finishingWhy(c.finishedCondition));
    if (deleted !== active) c.finishedCondition = undefined;
    active -= deleted;
    c.terminating += deleted;
    c.ready -= deletedReady;
  } else {
    let managed = false;
    if (!job.metadata.deletionTimestamp) {
      active = manageJob(c);
      managed = true;
    }
    const complete = spec.completions === undefined ? c.succeeded > 0 && active === 0 : c.succeeded >= spec.completions && active === 0;
    if (complete) {
      c.finishedCondition = newCondition('SuccessCriteriaMet', 'True', REASON.completionsReached, MESSAGE.completionsReached, ctx.now);
    } else if (managed) suspendChanged = updateSuspended(c);
  }
  const needsStatusUpdate = suspendChanged || active !== (status.active ?? 0) || c.ready !== status.ready ||
    c.terminating !== status.terminating;
  status.active = active;
  status.ready = c.ready;
  status.terminating = c.terminating;
  trackJobStatusAndRemoveFinalizers(c, needsStatusUpdate);
  flushEvents(c);
  return requeue;
}

/** The failure checks, in upstream's order; also asks to be woken at the active deadline. */
function decideFailure(c: SyncJobCtx): void {
  const { ctx, spec, status } = c;
  c.finishedCondition = successCriteriaMet(status.conditions);
  if (!c.finishedCondition) {
    const target = findCondition(status.conditions, 'FailureTarget');
    const message = target?.status === 'True' ? undefined : failJobMessage(spec, c.pods);
    if (target?.status === 'True') c.finishedCondition = newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', ctx.now);
    else if (message !== undefined) c.finishedCondition = failure(REASON.podFailurePolicy, message, ctx.now);
  }
  if (c.finishedCondition) return;
  if (c.failed > spec.backoffLimit || pastBackoffLimitOnFailure(spec, c.pods)) {
    c.finishedCondition = failure(REASON.backoffLimitExceeded, MESSAGE.backoffLimitExceeded, ctx.now);
  } else if (pastActiveDeadline(spec, status, ctx.now)) {
    c.finishedCondition = failure(REASON.deadlineExceeded, MESSAGE.deadlineExceeded, ctx.now);
  } else if (spec.activeDeadlineSeconds !== undefined && !spec.suspended) {
    c.requeue(spec.activeDeadlineSeconds * 1000 - (ctx.now - (virtualMs(status.startTime) ?? ctx.now)));
  }
}

/** upstream pastActiveDeadline: running (not suspended) for at least activeDeadlineSeconds since startTime. */
function pastActiveDeadline(spec: JobView, status: JobStatus, now: number): boolean {
  const start = virtualMs(status.startTime);
  if (spec.activeDeadlineSeconds === undefined || start === undefined || spec.suspended) return false;
  return now - start >= spec.activeDeadlineSeconds * 1000;
}

/** The Suspended condition and its Events; resuming restarts the active-deadline clock. */
function updateSuspended(c: SyncJobCtx): boolean {
  const { ctx, status } = c;
  const [state, reason, message, event] = c.spec.suspended
    ? ['True', 'JobSuspended', 'Job suspended', 'Suspended'] : ['False', 'JobResumed', 'Job resumed', 'Resumed'];
  const { list, changed } = ensureConditionStatus(status.conditions ?? [], 'Suspended', state, reason, message, ctx.now);
  if (!changed) return false;
  status.conditions = list;
  c.pendingEvents.push({ type: 'Normal', reason: event, message });
  // upstream: activeDeadlineSeconds counts the time a Job is continuously active
  if (!c.spec.suspended) status.startTime = timestamp(ctx.now);
  return true;
}

function finishingWhy(cond: JobCondition): string {
  if (cond.type === 'SuccessCriteriaMet') return `met its success criteria (${cond.message})`;
  return `failed (${cond.reason}: ${cond.message})`;
}
