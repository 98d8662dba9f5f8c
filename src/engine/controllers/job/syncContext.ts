/**
 * What one syncJob knows about its Job while it decides: the pods it controls, the counters
 * including pods not yet recorded, and the condition that will finish the Job.
 * upstream: syncJobCtx (pkg/controller/job/job_controller.go)
 */
import type { JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api';
import type { ReconcileContext } from '../types';
import type { BackoffRecord } from './backoff';
import { completionIndex, UNKNOWN_INDEX, type OrderedIntervals } from './indexes';
import type { JobView } from './jobSpec';
import { matchPodFailurePolicy } from './podFailurePolicy';
import { hasTrackingFinalizer, isPodFailed } from './podState';

export interface SyncJobCtx {
  ctx: ReconcileContext;
  /** The Job as stored when the sync began (frozen); `status` is the sync's working copy. */
  job: KubeObject;
  spec: JobView;
  status: JobStatus;
  pods: KubeObject[];
  activePods: KubeObject[];
  finishedCondition?: JobCondition;
  succeeded: number;
  failed: number;
  prevSucceededIndexes: OrderedIntervals;
  succeededIndexes: OrderedIntervals;
  /** Only with backoffLimitPerIndex. */
  failedIndexes?: OrderedIntervals;
  newBackoffRecord: BackoffRecord;
  uncounted: { succeeded: Set<string>; failed: Set<string> };
  podsWithDelayedDeletionPerIndex: Map<number, KubeObject>;
  terminating: number;
  ready: number;
  /** Asks for another sync after this many ms (the earliest request wins). */
  requeue(ms: number): void;
  /** Events about a status change, emitted with the status write that records it. */
  pendingEvents: { type: 'Normal' | 'Warning'; reason: string; message: string }[];
}

export function flushEvents(c: SyncJobCtx): void {
  for (const e of c.pendingEvents.splice(0)) c.ctx.event(c.job, e.type, e.reason, e.message);
}

/** Pods still carrying the finalizer and, for Indexed Jobs, a valid index: not yet counted. */
export function validPods(c: SyncJobCtx, skip: Set<string>, filter: (p: KubeObject) => boolean): KubeObject[] {
  return c.pods.filter((p) => {
    if (!hasTrackingFinalizer(p) || skip.has(p.metadata.uid)) return false;
    if (c.spec.indexed) {
      const ix = completionIndex(p);
      if (ix === UNKNOWN_INDEX || ix >= (c.spec.completions ?? 0)) return false;
    }
    return filter(p);
  });
}

/** upstream getNewFinishedPods: succeeded and failed pods not yet in the status counters. */
export function newFinishedPods(c: SyncJobCtx): { succeeded: KubeObject[]; failed: KubeObject[] } {
  const phase = (p: KubeObject) => (p.status as { phase?: string } | undefined)?.phase;
  return {
    succeeded: validPods(c, c.uncounted.succeeded, (p) => phase(p) === 'Succeeded'),
    failed: validPods(c, c.uncounted.failed, (p) => isPodFailed(p, c.spec)),
  };
}

/** upstream nonIgnoredFailedPodsCount: failures an Ignore rule of the podFailurePolicy matches do not count. */
export function countedFailures(spec: JobView, failed: KubeObject[]): number {
  if (!spec.podFailurePolicy) return failed.length;
  return failed.filter((p) => matchPodFailurePolicy(spec.podFailurePolicy, p).countFailed).length;
}

/** upstream getFailJobMessage: the message of the first failed pod a FailJob rule matches. */
export function failJobMessage(spec: JobView, pods: KubeObject[]): string | undefined {
  if (!spec.podFailurePolicy) return undefined;
  for (const p of pods) {
    if (!isPodFailed(p, spec)) continue;
    const m = matchPodFailurePolicy(spec.podFailurePolicy, p).failJobMessage;
    if (m !== undefined) return m;
  }
  return undefined;
}
