/**
 * Job conditions as the job controller writes them.
 * upstream: pkg/controller/job/job_controller.go (newCondition, ensureJobConditionStatus)
 */
import type { JobCondition } from 'kubernetes-types/batch/v1';
import { timestamp } from '../../core/time';
import { findCondition } from './jobSpec';

export const REASON = {
  backoffLimitExceeded: 'BackoffLimitExceeded',
  deadlineExceeded: 'DeadlineExceeded',
  podFailurePolicy: 'PodFailurePolicy',
  maxFailedIndexesExceeded: 'MaxFailedIndexesExceeded',
  failedIndexes: 'FailedIndexes',
  successPolicy: 'SuccessPolicy',
  completionsReached: 'CompletionsReached',
} as const;

export const MESSAGE = {
  backoffLimitExceeded: 'Job has reached the specified backoff limit',
  deadlineExceeded: 'Job was active longer than specified deadline',
  maxFailedIndexesExceeded: 'Job has exceeded the specified maximal number of failed indexes',
  failedIndexes: 'Job has failed indexes',
  completionsReached: 'Reached expected number of succeeded pods',
} as const;

/** A condition with both times set to now; empty reason and message are left out (omitempty). */
export function newCondition(type: string, status: string, reason: string, message: string, now: number): JobCondition {
  const c: JobCondition = { type, status, lastProbeTime: timestamp(now), lastTransitionTime: timestamp(now) };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/**
 * upstream ensureJobConditionStatus: updates the condition of that type when status, reason or
 * message differ; appends it only when it is not False (nothing → False means nothing).
 */
export function ensureConditionStatus(list: JobCondition[], type: string, status: string, reason: string, message: string,
  now: number): { list: JobCondition[]; changed: boolean } {
  const existing = findCondition(list, type);
  if (existing) {
    if (existing.status === status && (existing.reason ?? '') === reason && (existing.message ?? '') === message) {
      return { list, changed: false };
    }
    return { list: list.map((c) => (c === existing ? newCondition(type, status, reason, message, now) : c)), changed: true };
  }
  if (status !== 'False') return { list: [...list, newCondition(type, status, reason, message, now)], changed: true };
  return { list, changed: false };
}

/** upstream hasSuccessCriteriaMetCondition. */
export function successCriteriaMet(list: JobCondition[] | undefined): JobCondition | undefined {
  const c = findCondition(list, 'SuccessCriteriaMet');
  return c?.status === 'True' ? c : undefined;
}

export const isSuccessCriteriaMet = (c: JobCondition | undefined): boolean => c?.type === 'SuccessCriteriaMet' && c.status === 'True';
