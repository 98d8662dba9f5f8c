/**
 * Indexed Jobs: which indexes have succeeded (and, with backoffLimitPerIndex, failed), and whether
 * that finishes the Job — too many failed indexes, or a successPolicy rule met.
 * upstream: syncJob's Indexed branch (pkg/controller/job/job_controller.go)
 */
import { MESSAGE, newCondition, REASON } from './conditions';
import { completionIndex, parseIndexes, totalIndexes, UNKNOWN_INDEX, withIndexes } from './indexes';
import { calculateFailedIndexes, podsWithDelayedDeletion } from './perIndex';
import { hasTrackingFinalizer } from './podState';
import { matchSuccessPolicy } from './successPolicy';
import type { SyncJobCtx } from './syncContext';

const failure = (reason: string, message: string, now: number) => newCondition('FailureTarget', 'True', reason, message, now);

/** Indexed Jobs: succeeded (and, per index, failed) indexes; maxFailedIndexes; successPolicy. */
export function evaluateIndexes(c: SyncJobCtx): void {
  const { spec, status, ctx } = c;
  const completions = spec.completions ?? 0;
  c.prevSucceededIndexes = parseIndexes(status.completedIndexes, completions);
  const fresh = new Set<number>();
  for (const p of c.pods) {
    const ix = completionIndex(p);
    const phase = (p.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' && ix !== UNKNOWN_INDEX && ix < completions && hasTrackingFinalizer(p)) fresh.add(ix);
  }
  c.succeededIndexes = withIndexes(c.prevSucceededIndexes, [...fresh].sort((a, b) => a - b));
  c.succeeded = totalIndexes(c.succeededIndexes);
  if (spec.backoffLimitPerIndex !== undefined) {
    c.failedIndexes = calculateFailedIndexes(spec, status.failedIndexes, c.pods);
    const failedCount = totalIndexes(c.failedIndexes);
    if (!c.finishedCondition) {
      if (spec.maxFailedIndexes !== undefined && failedCount > spec.maxFailedIndexes) {
        c.finishedCondition = failure(REASON.maxFailedIndexesExceeded, MESSAGE.maxFailedIndexesExceeded, ctx.now);
      } else if (failedCount > 0 && failedCount + totalIndexes(c.succeededIndexes) >= completions) {
        c.finishedCondition = failure(REASON.failedIndexes, MESSAGE.failedIndexes, ctx.now);
      }
    }
    c.podsWithDelayedDeletionPerIndex = podsWithDelayedDeletion(c);
  }
  if (!c.finishedCondition) {
    const met = matchSuccessPolicy(spec.successPolicy, completions, c.succeededIndexes);
    if (met !== undefined) c.finishedCondition = newCondition('SuccessCriteriaMet', 'True', REASON.successPolicy, met, ctx.now);
  }
}
