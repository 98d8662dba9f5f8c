/**
 * Writing a Job's status, and finishing it: the terminal condition (Complete or Failed) goes on only
 * once no pod is left uncounted or terminating, and then come the Events.
 * upstream: enactJobFinished, recordJobFinished (pkg/controller/job/job_controller.go)
 */
import type { JobStatus } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import { ensureConditionStatus } from './conditions';
import { statusMessage } from './messages';
import { flushEvents, type SyncJobCtx } from './syncContext';

/** upstream JobStatus field order; zero counters and empty strings are left out (omitempty). */
const STATUS_ORDER = ['conditions', 'startTime', 'completionTime', 'active', 'succeeded', 'failed', 'terminating',
  'completedIndexes', 'failedIndexes', 'uncountedTerminatedPods', 'ready'] as const;
const OMIT_EMPTY = new Set<string>(['active', 'succeeded', 'failed', 'completedIndexes']);

function orderedStatus(working: JobStatus): JobStatus {
  const source = clone(working) as Record<string, unknown>;
  const status: Record<string, unknown> = {};
  for (const key of STATUS_ORDER) {
    const value = source[key];
    if (value === undefined || (OMIT_EMPTY.has(key) && !value) || (Array.isArray(value) && !value.length)) continue;
    status[key] = value;
  }
  return status as JobStatus;
}

export function writeStatus(c: SyncJobCtx, before: JobStatus): void {
  const status = orderedStatus(c.status);
  const names = new Map(c.pods.map((p) => [p.metadata.uid, p.metadata.name]));
  const result = c.ctx.updateStatus({ ...c.job, status } as KubeObject, statusMessage(c.spec, before, status, names));
  if (result.ok) c.job = result.object;
  flushEvents(c);
}

/** upstream enactJobFinished: the terminal condition, once nothing is uncounted or terminating. */
export function enactJobFinished(c: SyncJobCtx): boolean {
  const cond = c.finishedCondition;
  if (!cond) return false;
  const u = c.status.uncountedTerminatedPods;
  if ((u?.succeeded?.length ?? 0) + (u?.failed?.length ?? 0) > 0) return false;
  if (c.terminating > 0) return false;
  c.status.conditions = ensureConditionStatus(c.status.conditions ?? [], cond.type, cond.status, cond.reason ?? '', cond.message ?? '', c.ctx.now).list;
  if (cond.type === 'Complete') c.status.completionTime = cond.lastTransitionTime;
  return true;
}

/** upstream recordJobFinished: the Events of a finished Job. */
export function recordJobFinished(c: SyncJobCtx): void {
  const cond = c.finishedCondition!;
  if (cond.type === 'Complete') {
    if (c.spec.completions !== undefined && (c.status.succeeded ?? 0) > c.spec.completions) {
      c.ctx.event(c.job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
    }
    c.ctx.event(c.job, 'Normal', 'Completed', 'Job completed');
  } else {
    c.ctx.event(c.job, 'Warning', cond.reason ?? '', cond.message ?? '');
  }
}
