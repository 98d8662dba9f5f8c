/**
 * upstream manageJob: keep min(parallelism, completions − succeeded) pods active. Suspended Jobs
 * lose their active pods; replacements wait out the failure back-off; creates go in slow-start
 * batches (1, 2, 4, …), at most 500 per sync.
 */
import type { KubeObject } from '../../api';
import { remainingBackoff } from './backoff';
import { firstPendingIndexes, indexesOf, mergeIntervals, withIndexes } from './indexes';
import { createMessage, wantText } from './messages';
import { newJobPod } from './newPod';
import { indexesReadyToCreate, newIndexFailureCounts } from './perIndex';
import { createPod, deleteJobPods } from './podControl';
import { isPodTerminating } from './podState';
import { activePodsForRemoval } from './removalOrder';
import type { SyncJobCtx } from './syncContext';

/** upstream MaxPodCreateDeletePerSync */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** upstream syncJobBatchPeriod: a delayed sync never comes sooner than this. */
export const SYNC_BATCH_PERIOD_MS = 1000;

function wantActive(c: SyncJobCtx, active: number): number {
  const { completions, parallelism } = c.spec;
  if (completions === undefined) return c.succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(completions - c.succeeded, parallelism));
}

function removePods(c: SyncJobCtx, pods: KubeObject[], why: string): number {
  const { deleted, deletedReady } = deleteJobPods(c.ctx, c.job, pods, why);
  c.terminating += deleted;
  c.ready -= deletedReady;
  return deleted;
}

/** The indexes to create pods for now, or the wait until one may be created. */
function pendingIndexes(c: SyncJobCtx, count: number): { indexes: number[]; wait: number } {
  const completions = c.spec.completions ?? 0;
  let nonPending = withIndexes(c.succeededIndexes, indexesOf(c.activePods));
  if (c.spec.onlyReplaceFailed) nonPending = withIndexes(nonPending, indexesOf(c.pods.filter(isPodTerminating)));
  if (c.failedIndexes) nonPending = mergeIntervals(nonPending, c.failedIndexes);
  const candidates = firstPendingIndexes(nonPending, count, completions);
  if (c.spec.backoffLimitPerIndex === undefined) return { indexes: candidates, wait: 0 };
  const ready = indexesReadyToCreate(c, candidates, c.ctx.now);
  return { indexes: ready.now, wait: ready.wait };
}

/** Returns the number of active pods after this sync's creates and deletes. */
export function manageJob(c: SyncJobCtx): number {
  const { spec } = c;
  const active = c.activePods.length;
  if (spec.suspended) {
    return active - removePods(c, activePodsForRemoval(spec, c.activePods, active), 'is suspended');
  }
  const want = wantActive(c, active);
  const toDelete = activePodsForRemoval(spec, c.activePods, Math.max(0, active - want)).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (toDelete.length) {
    // upstream: a sync either deletes or creates, and deletion wins
    return active - removePods(c, toDelete, `has more active Pods than wanted (${wantText(spec, c.succeeded, want)})`);
  }
  const terminating = spec.onlyReplaceFailed ? c.terminating : 0;
  let diff = want - terminating - active;
  if (diff <= 0) return active;
  if (spec.backoffLimitPerIndex === undefined) {
    const wait = remainingBackoff(c.ctx.now, c.newBackoffRecord.failuresAfterLastSuccess, c.newBackoffRecord.lastFailureTime);
    if (wait > 0) {
      c.requeue(Math.max(wait, SYNC_BATCH_PERIOD_MS));
      // upstream returns 0 active while it waits out the back-off (status.active reads 0)
      return 0;
    }
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  let indexes: (number | undefined)[] = [];
  if (spec.indexed) {
    const pending = pendingIndexes(c, diff);
    if (pending.wait > 0) {
      c.requeue(Math.max(pending.wait, SYNC_BATCH_PERIOD_MS));
      return 0;
    }
    indexes = pending.indexes;
    diff = indexes.length;
  } else indexes = new Array<undefined>(diff).fill(undefined);
  return active + createPods(c, indexes, active, want);
}

/** upstream's slow start: batches of 1, 2, 4, …; after a batch with a failure the rest are skipped. */
function createPods(c: SyncJobCtx, indexes: (number | undefined)[], active: number, want: number): number {
  let created = 0;
  let next = 0;
  for (let size = Math.min(indexes.length, 1); next < indexes.length; size = Math.min(2 * size, indexes.length - next)) {
    let failed = false;
    for (const index of indexes.slice(next, next + size)) {
      const failureCounts = index !== undefined && c.spec.backoffLimitPerIndex !== undefined
        ? newIndexFailureCounts(c.spec, c.podsWithDelayedDeletionPerIndex.get(index)) : undefined;
      const pod = newJobPod(c.job, c.spec, { index, failureCounts });
      const result = createPod(c.ctx, c.job, pod, createMessage(c.spec, active + created, want, c.succeeded, index, size));
      if (result.ok || result.ignored) created++;
      else failed = true;
    }
    next += size;
    if (failed) break;
  }
  return created;
}
